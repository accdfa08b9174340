// D006: one DeploymentPreference in Globals makes every function of the stack shift traffic at
// the same time, each through its own CodeDeploy deployment.

#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

class SharedGlobalsPreference : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D006", "shared-globals-deployment-preference", core::Severity::kWarning,
        "One `DeploymentPreference` in `Globals` shifts many functions of the stack at once",
        R"(## What it does
Counts the functions whose `DeploymentPreference` comes from (or merges with) the one in
`Globals` and that shift traffic (enabled, not switched off locally) and reports the Globals preference when they are at least
`threshold` (option, default 5): `options: {D006: {threshold: 3}}` in `.samshift.yaml`.

## Why is this bad?
Every alias update in the stack starts its own CodeDeploy deployment, all at the same moment.
They compete for the same hooks and alarms, one failure rolls the whole stack back while the
others are mid-shift, and users have seen such stacks wedge in UPDATE_ROLLBACK states (SAM
issues 291 and 351). A preference written once in `Globals` makes this easy to do by accident:
a function added later inherits it silently.

## Example
```yaml
Globals:
  Function:
    AutoPublishAlias: live
    DeploymentPreference:
      Type: Canary10Percent5Minutes
Resources:
  Orders: {Type: AWS::Serverless::Function, Properties: {Handler: orders.handler}}
  Payments: {Type: AWS::Serverless::Function, Properties: {Handler: payments.handler}}
  Invoices: {Type: AWS::Serverless::Function, Properties: {Handler: invoices.handler}}
  # … and more functions, each shifted by its own deployment at the same time
```

## Use instead
Give the preference to the functions whose releases need a canary, or split independent
services into their own stacks:
```yaml
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: orders.handler
      AutoPublishAlias: live
      DeploymentPreference:
        Type: Canary10Percent5Minutes
```
)"};
    return kInfo;
  }

  std::vector<engine::OptionSpec> optionSpecs() const override {
    return {{"threshold", engine::OptionType::kInteger,
             "report when at least this many functions shift through the Globals preference"}};
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Node* globals = context.templ.globals();
    const model::Node* function = globals ? globals->get("Function") : nullptr;
    const model::MapEntry* preference =
        function ? function->entry("DeploymentPreference") : nullptr;
    if (!preference || !preference->value.isMapping()) return;
    int64_t threshold = context.integerOption(info(), "threshold", 5);
    std::vector<std::string> inheriting;
    for (const ShiftingFunction& shifting : shiftingFunctions(context)) {
      // Globals merge into every function's own preference: each enabled one inherits from it.
      if (shifting.enabled) inheriting.emplace_back(shifting.resource->id);
    }
    if (static_cast<int64_t>(inheriting.size()) < threshold) return;
    std::string names;
    for (size_t i = 0; i < inheriting.size() && i < 5; ++i)
      names += (i ? ", `" : "`") + inheriting[i] + "`";
    if (inheriting.size() > 5) names += " and " + std::to_string(inheriting.size() - 5) + " more";
    reporter.report(preference->key,
                    "`DeploymentPreference` in `Globals` starts " +
                        std::to_string(inheriting.size()) +
                        " CodeDeploy deployments at once in this stack",
                    {core::Note{{}, "Shifted together: " + names}});
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(SharedGlobalsPreference)

}  // namespace samshift::rules
