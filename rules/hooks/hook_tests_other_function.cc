// H006: a traffic hook whose environment names other functions, never the one it tests.

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "engine/registry.h"
#include "rules/hooks/hook_environment.h"
#include "rules/hooks/hook_facts.h"

namespace samshift::rules {

namespace {

using model::ResourceView;

class HookTestsOtherFunction : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "H006", "hook-tests-other-function", core::Severity::kWarning,
        "A traffic hook's environment names another function's version, not the function it "
        "tests",
        R"(## What it does
For each traffic hook of a deployment (`DeploymentPreference` hooks and an alias's
`CodeDeployLambdaAliasUpdate` hooks), reads the hook function's `Environment` (Globals merged)
and reports it when it names functions of the template (`!Ref Payments.Version`,
`!GetAtt Payments.Arn`, `${Payments.Alias}`) but never the function whose deployment runs the
hook.

## Why is this bad?
CodeDeploy does not tell a hook which version it is shifting to: the hook calls whatever its
environment names. A hook copied from another function keeps testing that function's version,
passes, and the new version of this one takes traffic untested.

## Example
```yaml
Orders:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    DeploymentPreference:
      Type: Canary10Percent5Minutes
      Hooks:
        PreTraffic: !Ref OrdersCheck
OrdersCheck:
  Type: AWS::Serverless::Function
  Properties:
    Environment:
      Variables:
        TARGET: !Ref Payments.Version
```

## Use instead
```yaml
OrdersCheck:
  Type: AWS::Serverless::Function
  Properties:
    Environment:
      Variables:
        TARGET: !Ref Orders.Version
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    std::set<std::pair<const ResourceView*, const ResourceView*>> reported;
    FindingSink sink(reporter);
    for (const HookReference& hook : hookReferences(templ, shiftingFunctions(context))) {
      if (!hook.function || !hook.target || hook.function == hook.target) continue;
      if (!reported.insert({hook.function, hook.target}).second) continue;
      std::vector<const ResourceView*> called = functionsNamedByEnvironment(templ, *hook.function);
      if (called.empty() || std::find(called.begin(), called.end(), hook.target) != called.end()) {
        continue;
      }
      std::string names;
      for (const ResourceView* function : called) {
        if (!names.empty()) names += ", ";
        names.append("`").append(function->id).append("`");
      }
      sink.report(*hook.subject, hook.where,
                  "`" + std::string(hook.function->id) + "` runs as `" + std::string(hook.kind) +
                      "` of `" + std::string(hook.target->id) + "`, but its environment names " +
                      names + ", never `" + std::string(hook.target->id) +
                      "`: it tests another function");
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(HookTestsOtherFunction)

}  // namespace samshift::rules
