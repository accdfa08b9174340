#include "expand/codedeploy.h"

#include <algorithm>
#include <set>

#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/role.h"
#include "sam/combined_condition.h"
#include "sam/deployment_configs.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// SAM rewrites exactly its short names (CODEDEPLOY_PREDEFINED_CONFIGURATIONS_LIST).
bool isPredefined(const Node& node) {
  return node.isString() && sam::findSamDeploymentType(node.text());
}

Node subArguments(const Node& name) {
  return seq({str("CodeDeployDefault.Lambda${ConfigName}"), map({{"ConfigName", name}})});
}

// In place: a copy per level would copy a nested Type once for every level it is nested in.
void rewrite(Node& node, std::string_view keyContext) {
  if (node.isSequence()) {
    for (Node& item : node.items()) rewrite(item, "");
    return;
  }
  if (node.isIntrinsic()) {
    std::string name(node.intrinsicName());
    rewrite(node.entries()[0].value, name);
    return;
  }
  if (isPredefined(node)) {
    Node arguments = subArguments(node);
    node =
        keyContext == "Fn::Sub" ? std::move(arguments) : intrinsic("Fn::Sub", std::move(arguments));
  }
}

bool passthroughTrue(const Node& value) {
  return (value.isBool() && value.boolValue()) || value.isString("true") ||
         value.isString("True") || (value.isInt() && value.intValue() == 1);
}

Node alarmConfiguration(const Node& alarms) {
  if (alarms.isSequence() &&
      (alarms.items().empty() ||
       (alarms.items()[0].isIntrinsic() && alarms.items()[0].intrinsicName() == "Ref" &&
        alarms.items()[0].intrinsicArgument().isString("AWS::NoValue")))) {
    return Node::mapping();
  }
  Node list = Node::sequence();
  for (const Node& item : alarms.items()) list.push(map({{"Name", item}}));
  return map({{"Enabled", Node::boolean(true)}, {"Alarms", list}});
}

}  // namespace

Node deploymentConfigName(const Node& type) {
  Node name = type;
  rewrite(name, "");
  return name;
}

void recordDeploymentPreference(ExpandContext& ctx, FunctionState& fn) {
  if (!fn.deployment.deploymentPreference) return;
  const sam::DeploymentPreferenceModel& dp = *fn.deployment.deploymentPreference;
  if (!sam::pythonTruthy(dp.merged)) return;
  PreferenceRecord record;
  record.functionId = fn.id;
  record.enabled = dp.isEnabled();
  record.hasRole = dp.role.present() && sam::pythonTruthy(dp.role.value);
  bool passthrough =
      dp.passthroughCondition.present() && passthroughTrue(dp.passthroughCondition.value);
  if (record.enabled && passthrough && fn.pass.condition && fn.pass.condition->isString()) {
    record.condition = fn.pass.condition->text();
  }
  record.tags = Node::mapping();
  const Node* propagate = fn.property("PropagateTags");
  const Node* tags = fn.property("Tags");
  if (record.enabled && propagate && propagate->isBool() && propagate->boolValue() && tags &&
      tags->isMapping()) {
    record.tags = *tags;
  }
  ctx.preferences.push_back(record);
  if (!record.enabled || !fn.aliasId) return;

  std::string groupId = fn.id + "DeploymentGroup";
  Node update = map({{"ApplicationName", ref("ServerlessDeploymentApplication")},
                     {"DeploymentGroupName", ref(groupId)}});
  if (dp.preTraffic.present() && !dp.preTraffic.value.isNull())
    update.set("BeforeAllowTrafficHook", dp.preTraffic.value);
  if (dp.postTraffic.present() && !dp.postTraffic.value.isNull()) {
    update.set("AfterAllowTrafficHook", dp.postTraffic.value);
  }
  fn.alias.set("UpdatePolicy", map({{"CodeDeployLambdaAliasUpdate", update}}));

  Node props =
      map({{"ApplicationName", ref("ServerlessDeploymentApplication")},
           {"AutoRollbackConfiguration",
            map({{"Enabled", Node::boolean(true)},
                 {"Events", seq({str("DEPLOYMENT_FAILURE"), str("DEPLOYMENT_STOP_ON_ALARM"),
                                 str("DEPLOYMENT_STOP_ON_REQUEST")})}})},
           {"DeploymentConfigName", deploymentConfigName(dp.type.value)},
           {"DeploymentStyle", map({{"DeploymentType", str("BLUE_GREEN")},
                                    {"DeploymentOption", str("WITH_TRAFFIC_CONTROL")}})},
           {"ServiceRoleArn",
            record.hasRole ? dp.role.value : getAtt("CodeDeployServiceRole", "Arn")}});
  if (dp.alarms.present() && sam::pythonTruthy(dp.alarms.value)) {
    const Node& alarms = dp.alarms.value;
    bool noValue = alarms.isIntrinsic() && alarms.intrinsicName() == "Ref" &&
                   alarms.intrinsicArgument().isString("AWS::NoValue");
    if (!noValue) {
      if (alarms.isIntrinsic() && alarms.intrinsicName() == "Fn::If") {
        const Node& args = alarms.intrinsicArgument();
        props.set("AlarmConfiguration",
                  intrinsic("Fn::If", seq({args.items()[0], alarmConfiguration(args.items()[1]),
                                           alarmConfiguration(args.items()[2])})));
      } else {
        props.set("AlarmConfiguration", alarmConfiguration(alarms));
      }
    }
  }
  if (dp.triggerConfigurations.present() && sam::pythonTruthy(dp.triggerConfigurations.value)) {
    props.set("TriggerConfigurations", dp.triggerConfigurations.value);
  }
  if (!record.tags.entries().empty()) props.set("Tags", tagList(&record.tags, false));
  Node group = Node::mapping();
  group.set("Type", str("AWS::CodeDeploy::DeploymentGroup"));
  if (record.condition) group.set("Condition", str(*record.condition));
  group.set("Properties", std::move(props));
  ctx.add(groupId, std::move(group));
}

void emitSharedCodeDeploy(ExpandContext& ctx) {
  bool anyEnabled = false;
  bool needRole = false;
  bool allConditional = true;
  std::vector<std::string> conditions;
  Node tags = Node::mapping();
  for (const PreferenceRecord& record : ctx.preferences) {
    if (!record.enabled) continue;
    anyEnabled = true;
    if (!record.hasRole) needRole = true;
    if (!record.condition) allConditional = false;
    if (record.condition &&
        std::find(conditions.begin(), conditions.end(), *record.condition) == conditions.end()) {
      conditions.push_back(*record.condition);
    }
    for (const MapEntry& entry : record.tags.entries()) tags.set(entry.key.text(), entry.value);
  }
  if (!anyEnabled) return;
  std::optional<std::string> condition;
  if (allConditional && conditions.size() == 1) {
    condition = conditions[0];
  } else if (allConditional && conditions.size() >= 2) {
    // Fn::Or takes at most 10 conditions: chain groups of 10 (docs/sam-semantics.md §7.3).
    condition = "ServerlessCodeDeployCondition";
    for (auto& [name, value] : sam::combinedConditions(*condition, conditions))
      ctx.extraConditions.set(name, std::move(value));
  }
  Node appProps = map({{"ComputePlatform", str("Lambda")}});
  if (!tags.entries().empty()) appProps.set("Tags", tagList(&tags, false));
  Node app = Node::mapping();
  app.set("Type", str("AWS::CodeDeploy::Application"));
  if (condition) app.set("Condition", str(*condition));
  app.set("Properties", appProps);
  ctx.add("ServerlessDeploymentApplication", std::move(app));
  if (!needRole) return;
  bool limited = ctx.partition() == "aws-iso" || ctx.partition() == "aws-iso-b";
  Node roleProps = map(
      {{"AssumeRolePolicyDocument", assumeRolePolicy("codedeploy.amazonaws.com")},
       {"ManagedPolicyArns",
        seq({str(managedPolicyArn(ctx, limited ? "service-role/AWSCodeDeployRoleForLambdaLimited"
                                               : "service-role/AWSCodeDeployRoleForLambda"))})}});
  if (!tags.entries().empty()) roleProps.set("Tags", tagList(&tags, false));
  Node role = Node::mapping();
  role.set("Type", str("AWS::IAM::Role"));
  if (condition) role.set("Condition", str(*condition));
  role.set("Properties", roleProps);
  ctx.add("CodeDeployServiceRole", std::move(role));
}

}  // namespace samshift::expand
