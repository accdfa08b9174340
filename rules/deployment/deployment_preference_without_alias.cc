// D001: a DeploymentPreference without AutoPublishAlias.

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class PreferenceWithoutAlias : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D001", "deployment-preference-without-alias", core::Severity::kError,
        "An enabled `DeploymentPreference` on a function without `AutoPublishAlias`",
        R"(## What it does
Applies the SAM transform's check: a function whose `DeploymentPreference` is enabled (as
SAM reads `Enabled`, parameter defaults resolved) needs an `AutoPublishAlias` with a name, in
the function or in `Globals`. (State machines are rule S001's.)

## Why is this bad?
CodeDeploy shifts traffic between versions of an alias; without the alias there is nothing
to shift and the transform rejects the template ("'DeploymentPreference' requires
AutoPublishAlias property to be specified").

## Example
```yaml
Orders:
  Type: AWS::Serverless::Function
  Properties:
    DeploymentPreference:
      Type: Canary10Percent5Minutes
```

## Use instead
```yaml
Orders:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    DeploymentPreference:
      Type: Canary10Percent5Minutes
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"deployment-preference-requires-alias"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context, *this, &describe, reporter);
  }

 private:
  static std::string describe(const ResourceProblem& problem) {
    return "`DeploymentPreference` of `" + std::string(problem.resource->id) +
           "` requires `AutoPublishAlias`";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(PreferenceWithoutAlias)

}  // namespace samshift::rules
