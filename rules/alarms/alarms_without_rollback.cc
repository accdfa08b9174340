// M005: a deployment group with alarms but no rollback when they fire.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

class AlarmsWithoutRollback : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "M005", "alarms-without-rollback", core::Severity::kWarning,
        "A deployment group has alarms but does not roll back when they fire",
        R"(## What it does
Reports an `AWS::CodeDeploy::DeploymentGroup` with an enabled `AlarmConfiguration` listing
alarms whose `AutoRollbackConfiguration` is missing, disabled, or lacks the
`DEPLOYMENT_STOP_ON_ALARM` event. (SAM writes both for the groups it generates.)

## Why is this bad?
When an alarm fires, CodeDeploy stops the deployment, but without `DEPLOYMENT_STOP_ON_ALARM`
it does not move the traffic back: the alias stays split between the broken new version and
the old one until someone intervenes.

## Example
```yaml
AlarmConfiguration:
  Enabled: true
  Alarms:
    - Name: !Ref ErrorsAlarm
```

## Use instead
```yaml
AlarmConfiguration:
  Enabled: true
  Alarms:
    - Name: !Ref ErrorsAlarm
AutoRollbackConfiguration:
  Enabled: true
  Events:
    - DEPLOYMENT_FAILURE
    - DEPLOYMENT_STOP_ON_ALARM
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    for (const model::ResourceView* group :
         templ.resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
      const Node* config = group->property("AlarmConfiguration");
      if (!config || !config->isMapping() || config->isIntrinsic()) continue;
      const Node* enabled = config->get("Enabled");
      if (enabled &&
          (!enabled->isScalar() || enabled->text() == "false" || enabled->text() == "False"))
        continue;
      const Node* alarms = config->get("Alarms");
      if (!alarms || !alarms->isSequence() || alarms->items().empty()) continue;
      const model::MapEntry* key = group->properties->entry("AlarmConfiguration");
      const Node* rollback = group->property("AutoRollbackConfiguration");
      if (!rollback) {
        reporter.report(key->key, "Deployment group `" + std::string(group->id) +
                                      "` has alarms but no `AutoRollbackConfiguration`");
        continue;
      }
      if (!rollback->isMapping() || rollback->isIntrinsic()) continue;
      const Node* rollbackEnabled = rollback->get("Enabled");
      if (rollbackEnabled && rollbackEnabled->isScalar() &&
          (rollbackEnabled->text() == "false" || rollbackEnabled->text() == "False")) {
        reporter.report(
            *rollbackEnabled,
            "`AutoRollbackConfiguration` is disabled on a deployment group with alarms");
        continue;
      }
      const Node* events = rollback->get("Events");
      if (!events || !events->isSequence()) continue;
      bool stopOnAlarm = false;
      for (const Node& event : events->items()) {
        stopOnAlarm =
            stopOnAlarm || !event.isString() || event.text() == "DEPLOYMENT_STOP_ON_ALARM";
      }
      if (!stopOnAlarm) {
        reporter.report(*events,
                        "`AutoRollbackConfiguration.Events` lacks `DEPLOYMENT_STOP_ON_ALARM` on a "
                        "deployment group with alarms");
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(AlarmsWithoutRollback)

}  // namespace samshift::rules
