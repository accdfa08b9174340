// D003: a DeploymentPreference SAM cannot read.

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class InvalidPreferenceStructure : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D003", "invalid-deployment-preference", core::Severity::kError,
        "A `DeploymentPreference` is not a mapping, lacks `Type`, or has `Hooks`, `Alarms` or "
        "`PassthroughCondition` of the wrong shape",
        R"(## What it does
Applies the SAM transform's checks to a function's `DeploymentPreference` (Globals
merged): it must be a mapping; when enabled it needs a `Type`; `Hooks` must be a mapping;
`Alarms` a list (or an `!If` of lists); `PassthroughCondition` a boolean, `true`/`false` text,
a parameter `Ref` or `!FindInMap`.

## Why is this bad?
The transform rejects the template at deploy time, naming the resource but not the line.

## Example
```yaml
DeploymentPreference:
  Type: Linear10PercentEvery1Minute
  Alarms: !Ref ErrorsAlarm
```

## Use instead
```yaml
DeploymentPreference:
  Type: Linear10PercentEvery1Minute
  Alarms:
    - !Ref ErrorsAlarm
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"deployment-preference-map",
                                                  "deployment-type-missing",
                                                  "hooks-not-map",
                                                  "alarms-not-list",
                                                  "if-arguments",
                                                  "passthrough-condition-value",
                                                  "passthrough-condition-intrinsic"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context, *this, &describe, reporter);
  }

 private:
  static std::string describe(const ResourceProblem& problem) {
    const std::string& code = problem.problem.code;
    if (code == "deployment-preference-map") return "`DeploymentPreference` must be a mapping";
    if (code == "deployment-type-missing") return "Enabled `DeploymentPreference` has no `Type`";
    if (code == "hooks-not-map") return "`Hooks` must be a mapping";
    if (code == "alarms-not-list") return "`Alarms` must be a list";
    if (code == "if-arguments") return "`Fn::If` in `Alarms` must have three arguments";
    if (code == "passthrough-condition-value") return "`PassthroughCondition` must be a boolean";
    return "`PassthroughCondition` uses an intrinsic SAM does not resolve (only parameter `Ref` "
           "and `Fn::FindInMap`)";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidPreferenceStructure)

}  // namespace samshift::rules
