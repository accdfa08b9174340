// V009: Fn.Alias or Fn.Version of a function that publishes none.

#include <optional>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/reference_sites.h"

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
    for (const ReferenceSite& site : referenceSites(context))
      flag(context.templ, *site.at, site.name, reporter);
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
};

}  // namespace

SAMSHIFT_REGISTER_RULE(AliasReferenceWithoutAlias)

}  // namespace samshift::rules
