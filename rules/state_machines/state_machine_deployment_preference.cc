// S002: a state machine's DeploymentPreference goes unchanged into
// AWS::StepFunctions::StateMachineAlias; SAM checks none of it, Step Functions checks it when the
// stack deploys.

#include "engine/registry.h"
#include "sam/deployment_model.h"

namespace samshift::rules {

namespace {

using model::Node;

class StateMachineDeploymentPreference : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "S002", "state-machine-deployment-preference", core::Severity::kError,
        "A state machine's `DeploymentPreference` that Step Functions rejects",
        R"(## What it does
Checks the `DeploymentPreference` of an `AWS::Serverless::StateMachine` that has an alias: it
must be a mapping with a `Type` of `ALL_AT_ONCE`, `CANARY` or `LINEAR`; `CANARY` and `LINEAR`
need a `Percentage` (a whole number from 1 to 99) and an `Interval` (minutes, from 1 to 2100);
`ALL_AT_ONCE` takes neither. Values written as intrinsics are not judged.

## Why is this bad?
SAM copies the preference into the `AWS::StepFunctions::StateMachineAlias` without looking at
it (and fails with an internal error when it is not a mapping). Step Functions refuses it when
the stack deploys, after the state machine itself was updated. Lambda's names
(`Canary10Percent5Minutes`) are a common mistake: state machines take the type and its numbers
separately.

## Example
```yaml
DeploymentPreference:
  Type: Canary10Percent5Minutes
```

## Use instead
```yaml
DeploymentPreference:
  Type: CANARY
  Percentage: 10
  Interval: 5
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView* resource :
         context.templ.resourcesOfType("AWS::Serverless::StateMachine")) {
      const Node* alias = resource->property("AutoPublishAlias");
      const Node* preference = resource->property("DeploymentPreference");
      if (!alias || !sam::pythonTruthy(*alias) || !preference || preference->isIntrinsic())
        continue;
      check(*preference, reporter);
    }
  }

 private:
  static void checkNumber(const Node& parent, const char* key, int64_t low, int64_t high,
                          const char* unit, engine::Reporter& reporter) {
    const Node* value = parent.get(key);
    if (!value || value->isIntrinsic()) return;
    if (!value->isInt() || value->intValue() < low || value->intValue() > high) {
      reporter.report(*value, "`" + std::string(key) + "` must be a whole number of " + unit +
                                  " from " + std::to_string(low) + " to " + std::to_string(high));
    }
  }

  static void check(const Node& preference, engine::Reporter& reporter) {
    if (!preference.isMapping()) {
      reporter.report(preference, "`DeploymentPreference` of a state machine must be a mapping");
      return;
    }
    if (preference.entries().empty()) return;  // SAM writes ALL_AT_ONCE for `{}`
    const model::MapEntry* type = preference.entry("Type");
    if (!type) {
      reporter.report(preference,
                      "`DeploymentPreference` has no `Type` (ALL_AT_ONCE, CANARY or LINEAR)");
      return;
    }
    if (type->value.isIntrinsic()) return;
    const std::string& name = type->value.text();
    if (!type->value.isString() ||
        (name != "ALL_AT_ONCE" && name != "CANARY" && name != "LINEAR")) {
      reporter.report(type->value, "`Type` `" + name + "` is not ALL_AT_ONCE, CANARY or LINEAR");
      return;
    }
    if (name == "ALL_AT_ONCE") {
      for (const char* key : {"Percentage", "Interval"}) {
        if (const model::MapEntry* extra = preference.entry(key)) {
          reporter.report(extra->key, "`" + std::string(key) + "` does not apply to ALL_AT_ONCE");
        }
      }
      return;
    }
    for (const char* key : {"Percentage", "Interval"}) {
      if (!preference.get(key))
        reporter.report(type->value, name + " needs `" + std::string(key) + "`");
    }
    checkNumber(preference, "Percentage", 1, 99, "percent", reporter);
    checkNumber(preference, "Interval", 1, 2100, "minutes", reporter);
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(StateMachineDeploymentPreference)

}  // namespace samshift::rules
