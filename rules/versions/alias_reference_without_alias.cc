// V009: Fn.Alias or Fn.Version of a function that publishes none.

#include <optional>
#include <string>
#include <vector>

#include "../deployment/deployment_facts.h"
#include "engine/registry.h"
#include "model/intrinsics.h"

namespace samshift::rules {

namespace {

class AliasReferenceWithoutAlias : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "V009", "alias-reference-without-auto-publish", core::Severity::kError,
        "`Fn.Alias` or `Fn.Version` is referenced but the function has no `AutoPublishAlias`",
        R"(## What it does
Reports a `Ref`, `GetAtt`, `${…}` in `Sub` or `DependsOn` naming `<Function>.Alias` or
`<Function>.Version` when that serverless function has no `AutoPublishAlias` (Globals
included).

## Why is this bad?
SAM only creates the alias and the version for a function with `AutoPublishAlias`; the
reference is left unresolved and CloudFormation rejects the template ("Unresolved resource
dependencies [Orders.Alias]").

## Example
```yaml
Orders:
  Type: AWS::Serverless::Function
  Properties:
    Handler: app.handler
Outputs:
  Live:
    Value: !Ref Orders.Alias
```

## Use instead
```yaml
Orders:
  Type: AWS::Serverless::Function
  Properties:
    Handler: app.handler
    AutoPublishAlias: live
Outputs:
  Live:
    Value: !Ref Orders.Alias
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    visit(context.templ, context.templ.root(), reporter);
  }

 private:
  static void flag(const model::Template& templ, const model::Node& at, std::string_view name,
                   engine::Reporter& reporter) {
    size_t dot = name.find('.');
    if (dot == std::string_view::npos) return;
    std::string_view what = name.substr(dot + 1);
    what = what.substr(0, what.find('.'));
    if (what != "Alias" && what != "Version") return;
    const model::ResourceView* function = templ.resource(name.substr(0, dot));
    if (!function || function->type != "AWS::Serverless::Function") return;
    Located alias = locateProperty(templ, *function, {"AutoPublishAlias"});
    if (alias && !(alias.node->isString() && alias.node->text().empty())) return;
    reporter.report(at, "`" + std::string(name.substr(0, dot)) + "." + std::string(what) +
                            "` is referenced, but `" + std::string(function->id) +
                            "` has no `AutoPublishAlias`");
  }

  static void visit(const model::Template& templ, const model::Node& node,
                    engine::Reporter& reporter) {
    if (auto name = model::refName(node)) {
      flag(templ, node.intrinsicArgument(), *name, reporter);
      return;
    }
    if (auto target = model::getAttTarget(node)) {
      flag(templ, *target->resourceNode, target->resource + "." + target->attribute, reporter);
      return;
    }
    if (node.intrinsicName() == "Fn::Sub") {
      const model::Node& arg = node.intrinsicArgument();
      const model::Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
      if (text.isString()) {
        for (const model::SubReference& ref : model::subReferences(text.text()))
          flag(templ, text, ref.name, reporter);
      }
    }
    if (node.isMapping()) {
      for (const model::MapEntry& entry : node.entries()) {
        if (entry.key.text() == "DependsOn") {
          if (entry.value.isString()) flag(templ, entry.value, entry.value.text(), reporter);
          for (const model::Node& item : entry.value.items()) {
            if (item.isString()) flag(templ, item, item.text(), reporter);
          }
          continue;
        }
        visit(templ, entry.value, reporter);
      }
    }
    for (const model::Node& item : node.items()) visit(templ, item, reporter);
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(AliasReferenceWithoutAlias)

}  // namespace samshift::rules
