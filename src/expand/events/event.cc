// Dispatch of a function's Events to the emitter of each type.

#include "expand/events/event.h"

#include "expand/builders.h"
#include "sam/pull_events.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace events {

Node permission(const FunctionState& fn, const char* principal) {
  return makeResource("AWS::Lambda::Permission",
                      map({{"Action", str("lambda:InvokeFunction")},
                           {"FunctionName", fn.target()},
                           {"Principal", str(principal)}}),
                      fn.pass);
}

void requireKnown(ExpandContext& ctx, const Event& event, const std::string& type,
                  std::initializer_list<const char*> known) {
  for (const MapEntry& entry : event.properties.entries()) {
    bool found = false;
    for (const char* key : known) found = found || entry.key.text() == key;
    if (!found)
      ctx.notSupported("property " + entry.key.text() + " of " + type + " event " + event.id);
  }
}

void copyKeys(Node& to, const Node& from, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (const Node* value = from.get(key)) to.set(key, *value);
  }
}

}  // namespace events

void emitFunctionEvents(ExpandContext& ctx, FunctionState& fn) {
  const Node* eventsNode = fn.property("Events");
  if (!eventsNode || !eventsNode->isMapping()) return;
  // SAM transforms the events in its order_events order (by Path, else by name).
  for (const MapEntry* sorted : sam::eventsInTransformOrder(*eventsNode)) {
    const MapEntry& entry = *sorted;
    const Node* typeNode = entry.value.get("Type");
    std::string type = typeNode && typeNode->isString() ? typeNode->text() : "";
    const Node* propsNode = entry.value.get("Properties");
    Node empty = Node::mapping();
    events::Event event{fn.id + entry.key.text(),
                        propsNode && propsNode->isMapping() ? *propsNode : empty, entry.key.text()};
    if (fn.propagatedTags() && type == "SNS" && event.properties.has("SqsSubscription")) {
      ctx.notSupported("PropagateTags with an SNS SqsSubscription in function " + fn.id);
    }
    if (sam::isPullEventType(type)) {
      events::emitPull(ctx, fn, event, type);
    } else if (type == "SNS") {
      events::emitSns(ctx, fn, event);
    } else if (type == "S3") {
      events::emitS3(ctx, fn, event);
    } else if (type == "Schedule" || type == "CloudWatchEvent" || type == "EventBridgeRule") {
      events::emitRule(ctx, fn, event, type);
    } else if (type == "CloudWatchLogs") {
      events::emitLogs(ctx, fn, event);
    } else if (type == "Cognito") {
      events::emitCognito(ctx, fn, event);
    } else if (type == "AlexaSkill") {
      events::emitAlexaSkill(ctx, fn, event);
    } else if (type == "ScheduleV2") {
      events::emitFunctionScheduleV2(ctx, fn, event);
    } else if (type == "IoTRule") {
      events::emitIot(ctx, fn, event);
    } else if (type == "Api") {
      events::emitApi(ctx, fn, event);
    } else if (type == "HttpApi") {
      events::emitHttpApi(ctx, fn, event);
    } else {
      ctx.notSupported("event type " + type + " in function " + fn.id);
    }
  }
}

}  // namespace samshift::expand
