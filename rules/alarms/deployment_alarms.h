#pragma once
// The CloudWatch alarms that guard a deployment, paired with the function being deployed: each
// entry of an enabled `DeploymentPreference.Alarms`, and each alarm of the deployment group an
// alias's `CodeDeployLambdaAliasUpdate` names.

#include <vector>

#include "engine/rule.h"
#include "model/template.h"

namespace samshift::rules {

struct DeploymentAlarm {
  const model::Node* entry = nullptr;             // the alarm as the deployment names it
  const model::ResourceView* function = nullptr;  // the function it guards
  const model::ResourceView* alarm = nullptr;     // the template's alarm it names, or null
};

std::vector<DeploymentAlarm> deploymentAlarms(const engine::RuleContext& context);

// The `AWS/Lambda` metrics an `AWS::CloudWatch::Alarm` watches: its own (Namespace, MetricName,
// Dimensions on the alarm) or each `Metrics[].MetricStat.Metric`.
std::vector<const model::Node*> lambdaMetrics(const model::ResourceView& alarm);

}  // namespace samshift::rules
