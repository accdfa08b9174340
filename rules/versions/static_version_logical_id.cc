// V007: an explicit version resource that never changes with the code.

#include <cctype>
#include <optional>
#include <string>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

class StaticVersionId : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "V007", "static-version-logical-id", core::Severity::kWarning,
        "An explicit `AWS::Lambda::Version` has a logical ID that cannot change with the code",
        R"(## What it does
Reports an `AWS::Lambda::Version` of a function of the template whose logical ID carries no
hash (no run of eight or more hexadecimal characters with a digit, as tools that generate
versions add) and none of whose properties follows a parameter.

## Why is this bad?
CloudFormation publishes a version when it creates the resource, and never again: Lambda
versions cannot be updated in place. When the function's code changes, the same logical ID keeps
pointing at the old version, and an alias on it keeps serving the old code. Tools such as SAM
(`AutoPublishAlias`) and the CDK (`currentVersion`) put a hash of the code in the ID so that a
new version resource replaces the old one.

## Example
```yaml
OrdersVersion:
  Type: AWS::Lambda::Version
  Properties:
    FunctionName: !Ref Orders
```

## Use instead
```yaml
# Let SAM publish versions
Orders:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    for (const model::ResourceView* version : templ.resourcesOfType("AWS::Lambda::Version")) {
      const model::Node* functionName = version->property("FunctionName");
      const model::ResourceView* function =
          functionName ? referencedResource(templ, *functionName) : nullptr;
      if (!function || (function->type != "AWS::Lambda::Function" &&
                        function->type != "AWS::Serverless::Function")) {
        continue;
      }
      if (hasHash(version->id) || version->condition) continue;
      if (version->properties && followsParameter(templ, *version->properties)) continue;
      reporter.report(*version->idNode,
                      "Version `" + std::string(version->id) + "` of `" +
                          std::string(function->id) +
                          "` is published once: its logical ID never changes with the code");
    }
  }

 private:
  static bool hasHash(std::string_view id) {
    size_t run = 0;
    bool digit = false;
    for (char c : id) {
      if (std::isxdigit(static_cast<unsigned char>(c))) {
        ++run;
        digit = digit || std::isdigit(static_cast<unsigned char>(c));
        if (run >= 8 && digit) return true;
      } else {
        run = 0;
        digit = false;
      }
    }
    return false;
  }

  static bool followsParameter(const model::Template& templ, const model::Node& node) {
    if (auto name = model::refName(node)) return templ.parameter(*name) != nullptr;
    if (node.intrinsicName() == "Fn::Sub") {
      const model::Node& arg = node.intrinsicArgument();
      const model::Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
      if (text.isString()) {
        for (const model::SubReference& ref : model::subReferences(text.text())) {
          if (templ.parameter(ref.name)) return true;
        }
      }
    }
    for (const model::Node& item : node.items()) {
      if (followsParameter(templ, item)) return true;
    }
    for (const model::MapEntry& entry : node.entries()) {
      if (followsParameter(templ, entry.value)) return true;
    }
    return false;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(StaticVersionId)

}  // namespace samshift::rules
