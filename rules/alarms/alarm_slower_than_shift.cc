// M004: a deployment alarm that cannot fire before the traffic has moved.

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class SlowAlarm : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "M004", "alarm-slower-than-shift", core::Severity::kWarning,
        "A deployment alarm needs longer to fire than the deployment takes to move all traffic",
        R"(## What it does
For each alarm of a gradual `DeploymentPreference`, or of the `AlarmConfiguration` of a
deployment group with a gradual `DeploymentConfigName`, that is an `AWS::CloudWatch::Alarm` of
the template, computes the shortest time it can take to go into ALARM: `Period` ×
`DatapointsToAlarm` (or × `EvaluationPeriods` when `DatapointsToAlarm` is not set), and compares
it with the time the deployment type takes to move all traffic (a predefined type or a custom
configuration of the template): the canary wait, or for a linear type every step after the
first (`Linear10PercentEvery1Minute` reaches 100% after 9 minutes).

## Why is this bad?
CodeDeploy checks the alarms while it shifts. An alarm that needs 15 minutes of data cannot fire
during a 5-minute canary: the new version takes all the traffic before the alarm can stop it.

## Example
```yaml
ErrorsAlarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    Period: 300
    EvaluationPeriods: 3
# with DeploymentPreference Type: Canary10Percent5Minutes
```

## Use instead
```yaml
ErrorsAlarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    Period: 60
    EvaluationPeriods: 2
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    for (const ShiftingFunction& function : shiftingFunctions(context)) {
      if (!function.enabled) continue;
      auto schedule = shiftSchedule(templ, function);
      const Node* alarms = function.alarms();
      if (!schedule || !alarms) continue;
      for (const Node* entry : listItems(*alarms)) {
        check(templ, *entry, *schedule, function.resource->id, reporter);
      }
    }
    // Explicit deployment groups: the alarms of their AlarmConfiguration.
    for (const ResourceView* group : templ.resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
      const Node* config = group->property("DeploymentConfigName");
      const Node* alarmConfig = group->property("AlarmConfiguration");
      auto schedule = config ? configSchedule(templ, *config) : std::nullopt;
      if (!schedule || !alarmConfig || !alarmConfig->isMapping() || !alarmConfig->get("Alarms")) {
        continue;
      }
      for (const Node* entry : listItems(*alarmConfig->get("Alarms"))) {
        if (entry->isMapping() && !entry->isIntrinsic() && entry->get("Name")) {
          check(templ, *entry->get("Name"), *schedule, group->id, reporter);
        }
      }
    }
  }

 private:
  static void check(const model::Template& templ, const Node& entry, const sam::Schedule& schedule,
                    std::string_view deployed, engine::Reporter& reporter) {
    if (schedule.kind == sam::ShiftKind::kAllAtOnce || schedule.intervalMinutes <= 0) return;
    const ResourceView* alarm = referencedResource(templ, entry);
    if (!alarm || alarm->type != "AWS::CloudWatch::Alarm") return;
    const Node* period = alarm->property("Period");
    const Node* evaluations = alarm->property("EvaluationPeriods");
    const Node* datapoints = alarm->property("DatapointsToAlarm");
    const Node* count = datapoints ? datapoints : evaluations;
    std::optional<double> seconds = period ? literalNumber(*period) : std::nullopt;
    std::optional<double> times = count ? literalNumber(*count) : std::nullopt;
    if (!seconds || !times) return;
    double window = *seconds * *times;
    double wait = sam::totalMinutes(schedule) * 60.0;
    if (window <= wait) return;
    reporter.report(*count,
                    "Alarm `" + std::string(alarm->id) + "` needs at least " + minutes(window) +
                        " to fire, but the deployment of `" + std::string(deployed) +
                        "` moves all traffic in " + minutes(wait),
                    {core::Note{entry.span(), "The alarm guards the deployment here"}});
  }

  static std::string minutes(double seconds) {
    if (std::fmod(seconds, 60.0) == 0)
      return std::to_string(static_cast<long>(seconds / 60)) + " minutes";
    return std::to_string(static_cast<long>(seconds)) + " seconds";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(SlowAlarm)

}  // namespace samshift::rules
