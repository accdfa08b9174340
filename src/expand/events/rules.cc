// Schedule, CloudWatchEvent and EventBridgeRule: an AWS::Events::Rule targeting the function
// (or alias) and the permission for events.amazonaws.com.

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/events/rule_targets.h"
#include "sam/deployment_model.h"

namespace samshift::expand::events {

using model::Node;

void emitRule(ExpandContext& ctx, FunctionState& fn, const Event& event, const std::string& type) {
  addEventRule(
      ctx, {event.id, event.properties, type == "Schedule", fn.pass, fn.propagatedTags()},
      map({{"Arn", fn.arn()}, {"Id", ruleTargetIdOf(event.properties, event.id, "LambdaTarget")}}));
  Node perm = permission(fn, "events.amazonaws.com");
  perm.get("Properties")->set("SourceArn", getAtt(event.id, "Arn"));
  ctx.add(event.id + "Permission", std::move(perm));
}

void emitLogs(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(ctx, event, "CloudWatchLogs", {"LogGroupName", "FilterPattern"});
  const Node* group = event.properties.get("LogGroupName");
  Node groupName = group ? *group : Node::null();
  std::string permissionId = event.id + "Permission";
  Node perm = permission(fn, "logs.amazonaws.com");
  perm.get("Properties")
      ->set("SourceArn",
            intrinsic(
                "Fn::Sub",
                seq({str("arn:" + ctx.partition() +
                         ":logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*"),
                     map({{"__LogGroupName__", groupName}})})));
  ctx.add(permissionId, std::move(perm));
  Node props = map({{"DestinationArn", fn.arn()}, {"LogGroupName", groupName}});
  copyKeys(props, event.properties, {"FilterPattern"});
  Node filter = makeResource("AWS::Logs::SubscriptionFilter", std::move(props), fn.pass);
  filter.set("DependsOn", seq({str(permissionId)}));
  ctx.add(event.id, std::move(filter));
}

void emitIot(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(ctx, event, "IoTRule", {"Sql", "AwsIotSqlVersion"});
  Node payload = map({{"Actions", seq({map({{"Lambda", map({{"FunctionArn", fn.arn()}})}})})},
                      {"RuleDisabled", Node::boolean(false)}});
  // IoTRule._construct_iot_rule: AwsIotSqlVersion only when Python-true.
  copyKeys(payload, event.properties, {"Sql"});
  if (const Node* version = givenProperty(event.properties, "AwsIotSqlVersion");
      version && sam::pythonTruthy(*version))
    payload.set("AwsIotSqlVersion", *version);
  Node props = map({{"TopicRulePayload", payload}});
  if (const Node* tags = fn.propagatedTags()) props.set("Tags", tagList(tags, false));
  ctx.add(event.id, makeResource("AWS::IoT::TopicRule", std::move(props), fn.pass));
  Node perm = permission(fn, "iot.amazonaws.com");
  perm.get("Properties")->set("SourceAccount", intrinsic("Fn::Sub", str("${AWS::AccountId}")));
  perm.get("Properties")
      ->set("SourceArn",
            intrinsic("Fn::Sub", seq({str("arn:" + ctx.partition() +
                                          ":iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}"),
                                      map({{"RuleName", ref(event.id)}})})));
  ctx.add(event.id + "Permission", std::move(perm));
}

}  // namespace samshift::expand::events
