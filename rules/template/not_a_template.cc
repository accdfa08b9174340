// T003: the file is not shaped like a template.

#include <span>
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
        "The root is not a mapping, `Resources` is missing or malformed, or a "
        "resource has no `Type`",
        R"(## What it does
Checks the skeleton of a template: the root must be a mapping with a `Resources` mapping, each
resource must be a mapping with a string `Type`.

## Why is this bad?
CloudFormation requires at least one resource and a type for each; the SAM transform fails
with "Structure of the SAM template is invalid" before checking anything else.

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
};

}  // namespace

SAMSHIFT_REGISTER_RULE(NotATemplate)

}  // namespace samshift::rules
