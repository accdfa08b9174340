// A008: an alias pinned to a literal version number of a function that publishes versions.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class PinnedAliasVersion : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A008", "pinned-alias-version", core::Severity::kWarning,
        "An alias points at a literal version number of a function that publishes "
        "versions",
        R"(## What it does
Reports an `AWS::Lambda::Alias` whose `FunctionVersion` is a literal number (`"1"`) while its
function, a resource of the template, publishes versions: an `AWS::Lambda::Version` of it
exists, or it is a serverless function with `AutoPublishAlias`. An alias with a
`RoutingConfig` is left alone: pinning the primary version while weighting a new one is how a
manual canary is written.

## Why is this bad?
Each deploy publishes a new version, but the alias stays on version 1 forever: callers of the
alias never see the new code, and nothing fails to tell you.

## Example
```yaml
LiveAlias:
  Type: AWS::Lambda::Alias
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: "1"
    Name: live
```

## Use instead
```yaml
LiveAlias:
  Type: AWS::Lambda::Alias
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: !GetAtt OrdersVersion.Version
    Name: live
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    for (const ResourceView* alias : templ.resourcesOfType("AWS::Lambda::Alias")) {
      const Node* version = alias->property("FunctionVersion");
      const Node* functionName = alias->property("FunctionName");
      if (!version || !functionName || !isVersionNumber(*version)) continue;
      // A weighted alias pinned to a literal primary is a deliberate manual canary.
      if (alias->property("RoutingConfig")) continue;
      const ResourceView* function = referencedResource(templ, *functionName);
      if (!function) continue;
      const Node* publisher = publishingNode(templ, *function);
      if (!publisher) continue;
      reporter.report(*version,
                      "Alias `" + std::string(alias->id) + "` is pinned to version " +
                          version->text() + " of `" + std::string(function->id) +
                          "`, which publishes new versions",
                      {core::Note{publisher->span(), "New versions are published here"}});
    }
  }

 private:
  static bool isVersionNumber(const Node& node) {
    if (node.isInt()) return true;
    if (!node.isString() || node.text().empty()) return false;
    return node.text().find_first_not_of("0123456789") == std::string::npos;
  }

  static const Node* publishingNode(const model::Template& templ, const ResourceView& function) {
    if (function.type == "AWS::Serverless::Function") {
      Located alias = locateProperty(templ, function, {"AutoPublishAlias"});
      return alias.node;
    }
    for (const ResourceView* version : templ.resourcesOfType("AWS::Lambda::Version")) {
      const Node* owner = version->property("FunctionName");
      if (owner && referencedResource(templ, *owner) == &function) return version->idNode;
    }
    return nullptr;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(PinnedAliasVersion)

}  // namespace samshift::rules
