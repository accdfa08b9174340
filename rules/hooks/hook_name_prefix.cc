// H001: a hook function the default CodeDeploy service role may not invoke.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/hooks/hook_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

constexpr std::string_view kPrefix = "CodeDeployHook_";

class HookNamePrefix : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "H001", "hook-name-prefix", core::Severity::kError,
        "A traffic hook function is not named `CodeDeployHook_*` while the "
        "deployment uses SAM's default service role",
        R"(## What it does
For a `DeploymentPreference` without `Role`, SAM creates a CodeDeploy service role with the
managed policy `AWSCodeDeployRoleForLambda`, which may only invoke functions named
`CodeDeployHook_*`. The rule checks the `FunctionName` of each `PreTraffic`/`PostTraffic`
hook function of the template (for a parameter, its Default and AllowedValues; for `!Sub`,
its literal start). A hook function without `FunctionName` gets a generated name
(`<stack>-<logical id>-<suffix>`) and is reported too.

## Why is this bad?
CodeDeploy cannot invoke the hook: the deployment fails with an AccessDenied error on
`lambda:InvokeFunction`, and the stack update rolls back.

## Example
```yaml
PreTrafficHook:
  Type: AWS::Serverless::Function
  Properties:
    Handler: hook.handler
    Runtime: python3.12
    CodeUri: hooks/
```

## Use instead
```yaml
PreTrafficHook:
  Type: AWS::Serverless::Function
  Properties:
    FunctionName: !Sub "CodeDeployHook_${AWS::StackName}-preTraffic"
    Handler: hook.handler
    Runtime: python3.12
    CodeUri: hooks/
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
      // SAM's default role only: an explicit group names its own service role.
      if (!hook.function || !hook.owner || hook.owner->role()) continue;
      if (std::find(reported.begin(), reported.end(), hook.function) != reported.end()) continue;
      core::Note used = hook.usedHere();
      const Node* name = hook.function->property("FunctionName");
      if (!name) {
        reported.push_back(hook.function);
        reporter.report(*hook.function->idNode,
                        "Hook function `" + std::string(hook.function->id) +
                            "` has no `FunctionName`, so its generated name does not start with "
                            "`CodeDeployHook_`",
                        {used});
        continue;
      }
      std::optional<std::string> bad = badName(templ, *name);
      if (!bad) continue;
      reported.push_back(hook.function);
      reporter.report(
          *name, "Hook function name `" + *bad + "` does not start with `CodeDeployHook_`", {used});
    }
  }

 private:
  // The first name the function can have that lacks the prefix; nullopt when all have it or
  // the name is not known.
  static std::optional<std::string> badName(const model::Template& templ, const Node& name) {
    if (name.intrinsicName() == "Fn::Sub") {
      const Node& arg = name.intrinsicArgument();
      const Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
      if (!text.isString() || text.text().rfind("${", 0) == 0) return std::nullopt;
      if (text.text().rfind(kPrefix, 0) == 0) return std::nullopt;
      return text.text();
    }
    auto values = possibleStrings(templ, name);
    if (!values) return std::nullopt;
    for (const std::string& value : *values) {
      if (value.rfind(kPrefix, 0) != 0) return value;
    }
    return std::nullopt;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(HookNamePrefix)

}  // namespace samshift::rules
