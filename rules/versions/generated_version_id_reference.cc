// V008: a reference to a logical ID that SAM generates for a version or alias.

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/reference_sites.h"

namespace samshift::rules {

namespace {

class GeneratedIdReference : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"V008", "generated-version-id-reference",
                                        core::Severity::kWarning,
                                        "A reference names a SAM-generated version or alias ID "
                                        "instead of `Fn.Version` / `Fn.Alias`",
                                        R"(## What it does
Reports a `Ref`, `GetAtt`, `${…}` in `Sub` or `DependsOn` naming `<Function>Alias<alias>` or
`<Function>Version<hash>` for a function with `AutoPublishAlias`: the logical IDs SAM generates
for the alias and the published version. A `DependsOn` naming the alias's ID is left alone:
`DependsOn` does not resolve `Fn.Alias`, so the generated ID is the only way to wait for the
alias (R002 asks for that dependency).

## Why is this bad?
The version's ID changes with every code change (that is how a new version is published),
so a reference to `OrdersVersion640128d35d` breaks on the next deploy; and the generated names
are an implementation detail. `Orders.Version` and `Orders.Alias` always name the current ones.

## Example
```yaml
Outputs:
  LiveAlias:
    Value: !Ref OrdersAliaslive
```

## Use instead
```yaml
Outputs:
  LiveAlias:
    Value: !Ref Orders.Alias
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    Generated generated;
    for (const model::ResourceView& resource : templ.resources()) {
      if (resource.type != "AWS::Serverless::Function") continue;
      Located alias = locateProperty(templ, resource, {"AutoPublishAlias"});
      if (!alias) continue;
      generated.emplace(std::string(resource.id), resolvedString(templ, *alias.node).value_or(""));
    }
    if (generated.empty()) return;
    for (const ReferenceSite& site : referenceSites(context)) flag(generated, site, reporter);
  }

 private:
  // Function logical ID -> its alias name (empty when not known).
  using Generated = std::unordered_map<std::string, std::string>;

  static bool isVersionHash(std::string_view hash) {
    return hash.size() == 10 && std::all_of(hash.begin(), hash.end(), [](char c) {
             return std::isxdigit(static_cast<unsigned char>(c)) &&
                    !std::isupper(static_cast<unsigned char>(c));
           });
  }

  // "Orders.Alias" when `name` is a generated ID of one of the functions: `<Fn>Alias<name>` or
  // `<Fn>Version<hash>`, looked up by the prefix before each "Alias"/"Version" in the name.
  // A DependsOn may name the alias's ID: `Fn.Alias` is not resolved there, and waiting for the
  // alias is what a permission or a caller naming it by text needs (R002).
  static std::optional<std::string> replacement(const Generated& generated, std::string_view name,
                                                ReferenceForm form) {
    for (std::string_view marker : {"Alias", "Version"}) {
      for (size_t at = name.find(marker, 1); at != std::string_view::npos;
           at = name.find(marker, at + 1)) {
        auto function = generated.find(std::string(name.substr(0, at)));
        if (function == generated.end()) continue;
        std::string_view rest = name.substr(at + marker.size());
        if (marker == "Alias" && !function->second.empty() && rest == function->second &&
            form != ReferenceForm::kDependsOn) {
          return function->first + ".Alias";
        }
        if (marker == "Version" && isVersionHash(rest)) return function->first + ".Version";
      }
    }
    return std::nullopt;
  }

  static void flag(const Generated& generated, const ReferenceSite& site,
                   engine::Reporter& reporter) {
    std::string_view name = site.target();
    if (auto better = replacement(generated, name, site.form)) {
      reporter.report(*site.at, "`" + std::string(name) +
                                    "` is a logical ID SAM generates; refer to `" + *better + "`");
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(GeneratedIdReference)

}  // namespace samshift::rules
