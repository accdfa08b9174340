#include "rules/alarms/deployment_alarms.h"

#include "rules/deployment/deployment_facts.h"
#include "sam/codedeploy_resources.h"

namespace samshift::rules {

using model::Node;
using model::ResourceView;

std::vector<DeploymentAlarm> deploymentAlarms(const engine::RuleContext& context) {
  const model::Template& templ = context.templ;
  std::vector<DeploymentAlarm> out;
  auto add = [&](const Node& entry, const ResourceView& function) {
    const ResourceView* alarm = referencedResource(templ, entry);
    out.push_back(DeploymentAlarm{&entry, &function, alarm});
  };
  for (const ShiftingFunction& function : shiftingFunctions(context)) {
    if (!function.enabled) continue;
    const Node* alarms = function.alarms();
    if (!alarms) continue;
    for (const Node* entry : listItems(*alarms)) add(*entry, *function.resource);
  }
  // An alias whose CodeDeployLambdaAliasUpdate names a group of the template: the group's alarms
  // guard the alias's function.
  for (const ResourceView* alias : templ.resourcesOfType("AWS::Lambda::Alias")) {
    const Node* policy = sam::aliasCodeDeployUpdate(*alias);
    const Node* groupName =
        policy && policy->isMapping() ? policy->get("DeploymentGroupName") : nullptr;
    const ResourceView* group = groupName ? referencedResource(templ, *groupName) : nullptr;
    const Node* functionName = alias->property("FunctionName");
    const ResourceView* function =
        functionName ? referencedResource(templ, *functionName) : nullptr;
    if (!group || group->type != "AWS::CodeDeploy::DeploymentGroup" || !function) continue;
    const Node* alarmConfig = group->property("AlarmConfiguration");
    if (!alarmConfig || !alarmConfig->isMapping() || !alarmConfig->get("Alarms")) continue;
    for (const Node* entry : listItems(*alarmConfig->get("Alarms"))) {
      if (entry->isMapping() && !entry->isIntrinsic() && entry->get("Name"))
        add(*entry->get("Name"), *function);
    }
  }
  return out;
}

std::vector<const Node*> lambdaMetrics(const ResourceView& alarm) {
  std::vector<const Node*> out;
  auto isLambda = [](const Node* metric) {
    const Node* space = metric && metric->isMapping() ? metric->get("Namespace") : nullptr;
    return space && space->isString("AWS/Lambda");
  };
  if (isLambda(alarm.properties)) out.push_back(alarm.properties);
  const Node* metrics = alarm.property("Metrics");
  for (const Node& query : metrics ? metrics->items() : model::kNoItems) {
    const Node* stat = query.isMapping() ? query.get("MetricStat") : nullptr;
    const Node* metric = stat && stat->isMapping() ? stat->get("Metric") : nullptr;
    if (isLambda(metric)) out.push_back(metric);
  }
  return out;
}

}  // namespace samshift::rules
