// P001: provisioned concurrency that the SAM transform refuses: without AutoPublishAlias, or
// together with TenancyConfig or CapacityProviderConfig. The checks are SAM's own
// (sam/validation.h), so lint and `expand` agree word for word.

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class ProvisionedConcurrencyWithoutAlias : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "P001", "provisioned-concurrency-without-alias", core::Severity::kError,
        "`ProvisionedConcurrencyConfig` without `AutoPublishAlias`, or with tenancy "
        "or a capacity provider",
        R"(## What it does
Reports the `ProvisionedConcurrencyConfig` of an `AWS::Serverless::Function` (written on the
function or in `Globals.Function`) that the SAM transform rejects: on a function without
`AutoPublishAlias`, or on a function that also has `TenancyConfig` or `CapacityProviderConfig`.
The finding carries SAM's own error message as a note.

## Why is this bad?
Provisioned concurrency is configured on an alias (SAM puts it on the alias that
`AutoPublishAlias` creates), and Lambda does not offer it for multi-tenant functions or functions
running on a capacity provider. `sam deploy` fails in the transform with "Resource with id [Fn]
is invalid", with no line number.

## Example
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    Runtime: python3.12
    Handler: app.handler
    CodeUri: src/
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
```

## Use instead
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    Runtime: python3.12
    Handler: app.handler
    CodeUri: src/
    AutoPublishAlias: live
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"provisioned-concurrency-requires-alias",
                                                  "tenancy-provisioned-concurrency",
                                                  "capacity-provider-provisioned-concurrency"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context, *this, &describe, reporter);
  }

 private:
  static std::string describe(const ResourceProblem& problem) {
    const std::string& code = problem.problem.code;
    if (code == "tenancy-provisioned-concurrency") {
      return "`ProvisionedConcurrencyConfig` cannot be combined with `TenancyConfig`";
    }
    if (code == "capacity-provider-provisioned-concurrency") {
      return "`ProvisionedConcurrencyConfig` cannot be combined with `CapacityProviderConfig`";
    }
    return "`ProvisionedConcurrencyConfig` needs `AutoPublishAlias` on the function";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ProvisionedConcurrencyWithoutAlias)

}  // namespace samshift::rules
