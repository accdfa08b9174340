// H002: a hook function that cannot report its result to CodeDeploy.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/hooks/hook_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class HookCannotReport : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"H002", "hook-missing-lifecycle-permission",
                                        core::Severity::kError,
                                        "A traffic hook function may not call "
                                        "`codedeploy:PutLifecycleEventHookExecutionStatus`",
                                        R"(## What it does
Reads the IAM permissions of each hook function of the template (`PreTraffic`/`PostTraffic` of
a `DeploymentPreference`, `BeforeAllowTrafficHook`/`AfterAllowTrafficHook` of an alias's
`CodeDeployLambdaAliasUpdate`): its
`Policies` (inline statements, SAM policy templates, well-known AWS managed policies), or the
statements of its `Role` and of `AWS::IAM::Policy` resources attached to that role. When all of
them are known and none allows `codedeploy:PutLifecycleEventHookExecutionStatus`, the hook is
reported. A policy the rule cannot read (a customer managed policy, an intrinsic) keeps it
silent.

## Why is this bad?
A hook reports success or failure by calling `PutLifecycleEventHookExecutionStatus`. When the
call is denied, CodeDeploy waits for the status until its one-hour timeout, then fails the
deployment: every deploy of the stack hangs for an hour and rolls back.

## Example
```yaml
PreTrafficHook:
  Type: AWS::Serverless::Function
  Properties:
    FunctionName: CodeDeployHook_preTraffic
    Policies:
      - AWSLambdaBasicExecutionRole
```

## Use instead
```yaml
PreTrafficHook:
  Type: AWS::Serverless::Function
  Properties:
    FunctionName: CodeDeployHook_preTraffic
    Policies:
      - Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: codedeploy:PutLifecycleEventHookExecutionStatus
            Resource: !Sub "arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:deploymentgroup:${ServerlessDeploymentApplication}/*"
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const std::vector<ShiftingFunction>& functions = shiftingFunctions(context);
    std::vector<const ResourceView*> reported;
    for (const HookReference& hook : hookReferences(templ, functions)) {
      if (!hook.function) continue;
      if (std::find(reported.begin(), reported.end(), hook.function) != reported.end()) continue;
      Grant grant =
          functionMay(context, *hook.function, "codedeploy:PutLifecycleEventHookExecutionStatus",
                      anyResource, nullptr);
      if (grant != Grant::kNo) continue;
      reported.push_back(hook.function);
      const Node* policies = hook.function->property("Role");
      if (!policies) policies = hook.function->property("Policies");
      const model::MapEntry* key = nullptr;
      if (hook.function->properties && policies) {
        key =
            hook.function->properties->entry(hook.function->property("Role") ? "Role" : "Policies");
      }
      reporter.report(key ? key->key : *hook.function->idNode,
                      "Hook function `" + std::string(hook.function->id) +
                          "` is not allowed `codedeploy:PutLifecycleEventHookExecutionStatus`",
                      {hook.usedHere()});
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(HookCannotReport)

}  // namespace samshift::rules
