// T003: the file is not shaped like a template.

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class NotATemplate : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "T003", "not-a-template", core::Severity::kError,
        "The root is not a mapping, `Resources` is missing or malformed, a resource has no "
        "`Type`, or a mapping of `Mappings` is not two levels of keys",
        R"(## What it does
Checks the skeleton of a template: the root must be a mapping with a `Resources` mapping, each
resource must be a mapping with a string `Type`, and each mapping of `Mappings` must map
top-level keys to mappings of names to values that are strings, numbers, booleans or lists.

## Why is this bad?
CloudFormation requires at least one resource and a type for each; the SAM transform fails
with "Structure of the SAM template is invalid" before checking anything else. CloudFormation
rejects a mapping that is not two levels of keys ending in strings or lists (cfn-lint E7001), and
SAM's `Fn::FindInMap` fails on one in the regions whose key holds no mapping.

## Example
```yaml
Resources:
  Function:
    Properties:
      Handler: index.handler
```

## Use instead
```yaml
Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"resources-required", "resource-not-object"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Node& root = context.document.root;
    if (!root.isMapping()) {
      reporter.report(root, root.isNull()
                                ? "The file is empty; a template is a mapping with `Resources`"
                                : "The root of a template must be a mapping, not a " +
                                      std::string(model::nodeKindName(root.kind())));
      return;
    }
    const model::MapEntry* resources = root.entry("Resources");
    if (!resources) {
      const model::Node& at = root.entries().empty() ? root : root.entries().front().key;
      reporter.report(at, "The template has no `Resources` section",
                      samNotesAt(context, *this, at));
      return;
    }
    if (!resources->value.isMapping() || resources->value.entries().empty()) {
      const model::Node& at = resources->value.span().known() ? resources->value : resources->key;
      reporter.report(at, "`Resources` must be a mapping with at least one resource",
                      samNotesAt(context, *this, at));
      return;
    }
    checkMappings(root.get("Mappings"), reporter);
    for (const model::ResourceView& resource : context.templ.resources()) {
      if (!resource.node->isMapping()) {
        reporter.report(*resource.node,
                        "Resource `" + std::string(resource.id) + "` must be a mapping, not a " +
                            std::string(model::nodeKindName(resource.node->kind())),
                        samNotesAt(context, *this, *resource.node));
      } else if (!resource.typeNode) {
        reporter.report(*resource.idNode,
                        "Resource `" + std::string(resource.id) + "` has no `Type`");
      } else if (!resource.typeNode->isString() || resource.type.empty()) {
        reporter.report(*resource.typeNode,
                        "`Type` of resource `" + std::string(resource.id) + "` must be a string");
      }
    }
  }

 private:
  // CloudFormation's Mappings: name → top-level key → name → a string, number, boolean or list
  // (cfn-lint's E7001 schema). A `Mappings` that is not a mapping is SAM's mappings-not-object
  // (T006).
  static void checkMappings(const model::Node* mappings, engine::Reporter& reporter) {
    if (!mappings || !mappings->isMapping()) return;
    auto kind = [](const model::Node& node) {
      return std::string(model::nodeKindName(node.kind()));
    };
    // True when `entry` holds a mapping with keys; else reports `what` must be one.
    auto hasKeys = [&](const model::MapEntry& entry, const std::string& what) {
      const model::Node& value = entry.value;
      if (value.isMapping() && !value.entries().empty()) return true;
      reporter.report(value.span().known() ? value : entry.key,
                      what + (value.isMapping() ? ", and has none" : ", not a " + kind(value)));
      return false;
    };
    for (const model::MapEntry& mapping : mappings->entries()) {
      const std::string& name = mapping.key.text();
      if (!hasKeys(mapping, "Mapping `" + name + "` must be a mapping of top-level keys")) continue;
      for (const model::MapEntry& key : mapping.value.entries()) {
        std::string where = name + "." + key.key.text();
        if (!hasKeys(key, "Mappings entry `" + where + "` must be a mapping of names to values"))
          continue;
        for (const model::MapEntry& value : key.value.entries()) {
          const model::Node& leaf = value.value;
          if (leaf.isSequence() || (leaf.isScalar() && !leaf.isNull())) continue;
          reporter.report(leaf.span().known() ? leaf : value.key,
                          "Mappings value `" + where + "." + value.key.text() +
                              "` must be a string or a list, not a " + kind(leaf));
        }
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(NotATemplate)

}  // namespace samshift::rules
