// H005: a hook function that is itself deployed gradually, or hooks its own deployment.

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "engine/registry.h"
#include "rules/hooks/hook_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class HookShiftsTraffic : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "H005", "hook-shifts-traffic", core::Severity::kWarning,
        "A traffic hook function has its own enabled deployment preference, or "
        "hooks itself",
        R"(## What it does
Reports a hook function (of a `DeploymentPreference` or of an alias's
`CodeDeployLambdaAliasUpdate`) that has an enabled `DeploymentPreference` itself (Globals
included), and a function that names itself as its own hook.

## Why is this bad?
CodeDeploy invokes the hook by name, that is its unqualified `$LATEST`, while its own alias is
still being shifted: the hook's deployment and the function's deployment run at the same time
and can wait on each other. A function that hooks itself runs its test against the code under
test. SAM's examples disable the preference of hook functions (`Enabled: false`).

## Example
```yaml
Globals:
  Function:
    AutoPublishAlias: live
    DeploymentPreference:
      Type: Canary10Percent5Minutes
      Hooks:
        PreTraffic: !Ref PreTrafficHook
```

## Use instead
```yaml
PreTrafficHook:
  Type: AWS::Serverless::Function
  Properties:
    FunctionName: CodeDeployHook_preTraffic
    DeploymentPreference:
      Enabled: false
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const std::vector<ShiftingFunction>& functions = shiftingFunctions(context);
    std::unordered_map<const ResourceView*, const ShiftingFunction*> enabledShifting;
    for (const ShiftingFunction& function : functions) {
      if (function.enabled) enabledShifting.emplace(function.resource, &function);
    }
    std::unordered_set<const ResourceView*> reported;
    FindingSink sink(reporter);
    for (const HookReference& hook : hookReferences(templ, functions)) {
      if (!hook.function || reported.count(hook.function)) continue;
      std::string kind(hook.kind);
      if (hook.function == hook.target) {
        reported.insert(hook.function);
        sink.report(*hook.subject, hook.where,
                    "`" + std::string(hook.function->id) + "` is its own `" + kind + "` hook");
        continue;
      }
      auto shifting = enabledShifting.find(hook.function);
      if (shifting == enabledShifting.end()) continue;
      reported.insert(hook.function);
      sink.report(*shifting->second->resource, shifting->second->preference,
                  "Hook function `" + std::string(hook.function->id) +
                      "` has its own enabled `DeploymentPreference`",
                  {hook.usedHere()});
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(HookShiftsTraffic)

}  // namespace samshift::rules
