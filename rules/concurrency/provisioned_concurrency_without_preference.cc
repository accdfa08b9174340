// P002: provisioned concurrency on an AutoPublishAlias alias that no DeploymentPreference moves:
// the second deployment fails.

#include "engine/registry.h"
#include "rules/concurrency/concurrency_facts.h"

namespace samshift::rules {

namespace {

class ProvisionedConcurrencyWithoutPreference : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "P002", "provisioned-concurrency-without-preference", core::Severity::kWarning,
        "Provisioned concurrency on an `AutoPublishAlias` alias without a "
        "`DeploymentPreference`",
        R"(## What it does
Reports the `ProvisionedConcurrencyConfig` of an `AWS::Serverless::Function` that has
`AutoPublishAlias` but no enabled `DeploymentPreference` (on the function or in `Globals`).

## Why is this bad?
The first deployment works. On the next code change CloudFormation updates the alias to the new
version itself, and Lambda refuses the update with "Alias with weights can not be used with
Provisioned Concurrency"; the update fails, and so can its rollback. With a
`DeploymentPreference`, CodeDeploy moves the alias instead and the provisioned concurrency
follows it (`AllAtOnce` is enough when no gradual shift is wanted).

## Example
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
```

## Use instead
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
    DeploymentPreference:
      Type: AllAtOnce
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const concurrency::ProvisionedFunction& function :
         concurrency::provisionedFunctions(context)) {
      if (!function.aliased || function.shifted) continue;
      reporter.report(
          *function.provisioned,
          "`ProvisionedConcurrencyConfig` on the alias of `" + std::string(function.resource->id) +
              "` without an enabled `DeploymentPreference`",
          concurrency::globalsNote(context.templ, *function.provisioned, function.resource->id));
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ProvisionedConcurrencyWithoutPreference)

}  // namespace samshift::rules
