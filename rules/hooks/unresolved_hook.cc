// H004: a hook value that names no Lambda function.

#include <string>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/hooks/hook_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class UnresolvedHook : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"H004", "unresolved-hook", core::Severity::kError,
                                        "A traffic hook names no Lambda function",
                                        R"(## What it does
Checks each `PreTraffic`/`PostTraffic` value of an enabled `DeploymentPreference`, and each
`BeforeAllowTrafficHook`/`AfterAllowTrafficHook` of an alias's `CodeDeployLambdaAliasUpdate`
(both branches of an `!If`): a `Ref` or `GetAtt` must name a Lambda function of the template (or a
parameter), a literal must not be the logical ID of a template function written without
`!Ref`, and the value must be a name, not a list or mapping. Literal function names and ARNs
of functions outside the template are accepted.

## Why is this bad?
SAM copies a preference's hook into the alias's `CodeDeployLambdaAliasUpdate`, whose hooks are
function names. CodeDeploy cannot find a function with a logical ID's name or a table's name, and the
deployment fails after the new version has been published.

## Example
```yaml
Hooks:
  PreTraffic: PreTrafficHook
```

## Use instead
```yaml
Hooks:
  PreTraffic: !Ref PreTrafficHook
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const std::vector<ShiftingFunction>& functions = shiftingFunctions(context);
    FindingSink sink(reporter);
    for (const HookReference& hook : hookReferences(templ, functions)) {
      if (hook.function) continue;
      std::string kind(hook.kind);
      const Node& value = *hook.value;
      Located at = hook.where;
      if (at.node == nullptr) continue;
      // Point at the branch itself when it is written locally.
      if (!at.fromGlobals) at.node = &value;
      if (value.isString()) {
        const ResourceView* named = templ.resource(value.text());
        if (named && isFunctionType(named->type) && !literalIsName(templ, *named, value.text())) {
          sink.report(*hook.subject, at,
                      "`" + kind + "` `" + value.text() +
                          "` is the logical ID of a function, not its name");
        }
        continue;
      }
      if (value.isSequence() || (value.isMapping() && !value.isIntrinsic())) {
        sink.report(*hook.subject, at, "`" + kind + "` must name a Lambda function");
        continue;
      }
      if (auto name = model::refName(value)) {
        const ResourceView* target = templ.resource(*name);
        if (target && !isFunctionType(target->type)) {
          sink.report(*hook.subject, at,
                      "`" + kind + "` refers to `" + std::string(*name) + "` of type `" +
                          std::string(target->type) + "`, not to a Lambda function");
        }
        continue;
      }
      if (auto target = model::getAttTarget(value)) {
        const ResourceView* resource = templ.resource(target->resource);
        if (resource && !isFunctionType(resource->type)) {
          sink.report(*hook.subject, at,
                      "`" + kind + "` refers to `" + target->resource + "` of type `" +
                          std::string(resource->type) + "`, not to a Lambda function");
        }
      }
    }
  }

 private:
  static bool literalIsName(const model::Template& templ, const ResourceView& function,
                            const std::string& text) {
    auto name = literalFunctionName(templ, function);
    return name && *name == text;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnresolvedHook)

}  // namespace samshift::rules
