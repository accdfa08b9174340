// Schedule, CloudWatchEvent and EventBridgeRule: an AWS::Events::Rule targeting the function
// (or alias) and the permission for events.amazonaws.com.

#include <algorithm>

#include "expand/builders.h"
#include "expand/events/event.h"

namespace samshift::expand::events {

using model::MapEntry;
using model::Node;

void emitRule(ExpandContext& ctx, FunctionState& fn, const Event& event, const std::string& type) {
  static const char* kKnown[] = {"Schedule", "Pattern",     "EventBusName", "Input",  "InputPath",
                                 "Name",     "Description", "State",        "Enabled"};
  for (const MapEntry& entry : event.properties.entries()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), entry.key.text()) == std::end(kKnown)) {
      ctx.notSupported("property " + entry.key.text() + " of " + type + " event " + event.id);
    }
  }
  Node props = Node::mapping();
  if (type == "Schedule") {
    copyKeys(props, event.properties, {"Name", "Description", "State"});
    if (const Node* schedule = event.properties.get("Schedule"))
      props.set("ScheduleExpression", *schedule);
    if (const Node* enabled = event.properties.get("Enabled")) {
      // SAM rejects Enabled together with State, and passes an intrinsic through unchanged.
      if (!enabled->isBool() || event.properties.has("State")) {
        ctx.notSupported("Enabled of Schedule event " + event.id +
                         " (only a boolean without State)");
      } else {
        props.set("State", str(enabled->boolValue() ? "ENABLED" : "DISABLED"));
      }
    }
  } else {
    if (event.properties.has("Enabled"))
      ctx.notSupported("Enabled of " + type + " event " + event.id);
    if (const Node* pattern = event.properties.get("Pattern")) props.set("EventPattern", *pattern);
    copyKeys(props, event.properties, {"EventBusName", "Name", "State"});
  }
  Node target = map({{"Arn", fn.arn()}, {"Id", str(validTargetId(event.id, "LambdaTarget"))}});
  copyKeys(target, event.properties, {"Input", "InputPath"});
  props.set("Targets", seq({target}));
  ctx.add(event.id, makeResource("AWS::Events::Rule", std::move(props), fn.pass));
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
  copyKeys(payload, event.properties, {"Sql", "AwsIotSqlVersion"});
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
