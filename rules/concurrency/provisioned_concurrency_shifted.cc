// P003: provisioned concurrency on an alias that CodeDeploy shifts: every deployment waits for
// the new version's provisioned environments before traffic moves.

#include "engine/registry.h"
#include "rules/concurrency/concurrency_facts.h"

namespace samshift::rules {

namespace {

class ProvisionedConcurrencyShifted : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "P003", "provisioned-concurrency-shifted", core::Severity::kInfo,
        "Provisioned concurrency on an alias that a `DeploymentPreference` shifts",
        R"(## What it does
Points out the `ProvisionedConcurrencyConfig` of an `AWS::Serverless::Function` whose alias an
enabled `DeploymentPreference` shifts, so that the cost of the combination is a choice rather
than a surprise.

## Why is this bad?
It is not wrong, and it is the supported way to combine the two. But each deployment first
publishes the new version and waits until its provisioned environments are ready (minutes for
large values) before CodeDeploy starts moving traffic, and during the shift both versions hold
provisioned concurrency, which is billed. Deploys get slower and the stack update can time out
when the account lacks the concurrency for both.

Option `min-executions` (default 1): report only when `ProvisionedConcurrentExecutions` is a
number at least this large, e.g. `options: {P003: {min-executions: 100}}` in `.samshift.yaml`.

## Example
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 500
    DeploymentPreference:
      Type: Canary10Percent5Minutes
```

## Use instead
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    # a smaller base, scaled with Application Auto Scaling on the alias
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 20
    DeploymentPreference:
      Type: Canary10Percent5Minutes
```
)"};
    return kInfo;
  }

  std::vector<engine::OptionSpec> optionSpecs() const override {
    return {{"min-executions", engine::OptionType::kInteger,
             "report only when ProvisionedConcurrentExecutions is at least this (a Ref is always "
             "reported)"}};
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    int64_t minimum = context.integerOption(info(), "min-executions", 1);
    for (const concurrency::ProvisionedFunction& function :
         concurrency::provisionedFunctions(context)) {
      if (!function.aliased || !function.shifted) continue;
      const model::Node* executions =
          function.model.provisionedConcurrency.value.get("ProvisionedConcurrentExecutions");
      if (executions && executions->isInt() && executions->intValue() < minimum) continue;
      reporter.report(
          *function.provisioned,
          "Each deployment of `" + std::string(function.resource->id) +
              "` waits for `ProvisionedConcurrencyConfig` on the new version before shifting",
          concurrency::globalsNote(context.templ, *function.provisioned, function.resource->id));
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ProvisionedConcurrencyShifted)

}  // namespace samshift::rules
