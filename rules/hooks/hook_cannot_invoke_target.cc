// H003: a hook function that may not invoke the function it tests.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/hooks/hook_environment.h"
#include "rules/hooks/hook_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class HookCannotInvoke : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "H003", "hook-cannot-invoke-target", core::Severity::kWarning,
        "A traffic hook function may not `lambda:InvokeFunction` the function it "
        "tests",
        R"(## What it does
Reads the IAM permissions of each hook function of the template (`DeploymentPreference` hooks
and an alias's `CodeDeployLambdaAliasUpdate` hooks, as rule H002 does) whose `Environment`
names the function whose deployment runs the hook (`TARGET: !Ref Orders.Version`: that is how a
hook learns which version to test), and reports it when all of its permissions are known and
none allows `lambda:InvokeFunction` on that function: `"*"`, a reference to that function or
its alias/version, a `!Sub` naming it, an ARN pattern matching its name, or the SAM policy
template `LambdaInvokePolicy` for it. A hook whose environment does not name the function only
reports a status, and needs no such permission.

## Why is this bad?
A pre-traffic hook usually calls the new version to test it. Without the permission the call
is denied, the hook reports failure (or never reports), and every deployment rolls back.

## Example
```yaml
PreTrafficHook:
  Type: AWS::Serverless::Function
  Properties:
    FunctionName: CodeDeployHook_preTraffic
    Environment:
      Variables:
        TARGET: !Ref Orders.Version
    Policies:
      - Statement:
          - Effect: Allow
            Action: codedeploy:PutLifecycleEventHookExecutionStatus
            Resource: "*"
```

## Use instead
```yaml
PreTrafficHook:
  Type: AWS::Serverless::Function
  Properties:
    FunctionName: CodeDeployHook_preTraffic
    Environment:
      Variables:
        TARGET: !Ref Orders.Version
    Policies:
      - Statement:
          - Effect: Allow
            Action: codedeploy:PutLifecycleEventHookExecutionStatus
            Resource: "*"
      - LambdaInvokePolicy:
          FunctionName: !Ref Orders
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const std::vector<ShiftingFunction>& functions = shiftingFunctions(context);
    std::vector<std::pair<const ResourceView*, const ResourceView*>> reported;
    for (const HookReference& hook : hookReferences(templ, functions)) {
      if (!hook.function || !hook.target || hook.function == hook.target) continue;
      std::pair pair{hook.function, hook.target};
      if (std::find(reported.begin(), reported.end(), pair) != reported.end()) continue;
      std::vector<const ResourceView*> called = functionsNamedByEnvironment(templ, *hook.function);
      if (std::find(called.begin(), called.end(), hook.target) == called.end()) continue;
      Grant grant =
          functionMay(context, *hook.function, "lambda:InvokeFunction", namesFunction, hook.target);
      if (grant != Grant::kNo) continue;
      reported.push_back(pair);
      const char* keyName = hook.function->property("Role") ? "Role" : "Policies";
      const model::MapEntry* key =
          hook.function->properties && hook.function->properties->isMapping()
              ? hook.function->properties->entry(keyName)
              : nullptr;
      reporter.report(key ? key->key : *hook.function->idNode,
                      "Hook function `" + std::string(hook.function->id) + "` may not invoke `" +
                          std::string(hook.target->id) + "`, the function it tests",
                      {hook.usedHere()});
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(HookCannotInvoke)

}  // namespace samshift::rules
