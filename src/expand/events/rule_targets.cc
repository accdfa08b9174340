#include "expand/events/rule_targets.h"

#include "expand/builders.h"
#include "expand/function_state.h"
#include "sam/deployment_model.h"

namespace samshift::expand::events {

using model::Node;

namespace {

// EventBridge's limit on a target's Id (model/events.py, _EVENT_RULE_TARGET_ID_MAX_LENGTH).
constexpr size_t kMaxTargetId = 64;

}  // namespace

const Node* givenProperty(const Node& properties, std::string_view key) {
  const Node* value = properties.get(key);
  return value && !value->isNull() ? value : nullptr;
}

std::string ruleTargetId(const std::string& logicalId, std::string_view suffix) {
  if (logicalId.size() + suffix.size() <= kMaxTargetId) return logicalId + std::string(suffix);
  return logicalId.substr(0, kMaxTargetId - suffix.size()) + std::string(suffix);
}

Node ruleTargetIdOf(const Node& properties, const std::string& logicalId, std::string_view suffix) {
  // SAM: `self.Target["Id"] if self.Target and "Id" in self.Target`.
  const Node* target = givenProperty(properties, "Target");
  const Node* id = target && target->isMapping() ? target->get("Id") : nullptr;
  return id ? *id : str(ruleTargetId(logicalId, suffix));
}

Node deadLetterQueueArn(ExpandContext& ctx, const std::string& eventId,
                        const Node& deadLetterConfig, const PassThrough& pass, bool queuePolicy,
                        const Node* tags) {
  if (const Node* arn = givenProperty(deadLetterConfig, "Arn")) return *arn;
  const Node* queueId = givenProperty(deadLetterConfig, "QueueLogicalId");
  // SAM's `queue_logical_id or <event>Queue`; src/sam has checked it is an alphanumeric string.
  std::string queue = queueId && queueId->isString() && !queueId->text().empty()
                          ? queueId->text()
                          : eventId + "Queue";
  Node queueProps = Node::mapping();
  if (tags) queueProps.set("Tags", tagList(tags, false));
  ctx.add(queue, makeResource("AWS::SQS::Queue", std::move(queueProps), pass));
  Node queueArn = getAtt(queue, "Arn");
  if (queuePolicy) {
    // SQSQueuePolicies.eventbridge_dlq_send_message_resource_based_policy.
    Node statement = map(
        {{"Action", str("sqs:SendMessage")},
         {"Effect", str("Allow")},
         {"Principal", map({{"Service", str("events.amazonaws.com")}})},
         {"Resource", queueArn},
         {"Condition", map({{"ArnEquals", map({{"aws:SourceArn", getAtt(eventId, "Arn")}})}})}});
    ctx.add(eventId + "QueuePolicy",
            makeResource("AWS::SQS::QueuePolicy",
                         map({{"PolicyDocument", map({{"Version", str("2012-10-17")},
                                                      {"Statement", seq({statement})}})},
                              {"Queues", seq({ref(queue)})}}),
                         pass));
  }
  return queueArn;
}

void addEventRule(ExpandContext& ctx, const RuleEvent& event, Node target) {
  const Node& given = event.properties;
  // The rule's properties in EventsRule's order (model/events.py).
  Node props = Node::mapping();
  auto copy = [&](const char* from, const char* to) {
    if (const Node* value = givenProperty(given, from)) props.set(to, *value);
  };
  if (event.schedule) {
    // A function's Schedule reads RuleName and does not use it (push.py).
    copy("Description", "Description");
    copy("Name", "Name");
    copy("Schedule", "ScheduleExpression");
  } else {
    copy("EventBusName", "EventBusName");
    copy("Pattern", "EventPattern");
    copy("RuleName", "Name");
  }
  if (const Node* state = givenProperty(given, "State"); state && sam::pythonTruthy(*state))
    props.set("State", *state);
  // SAM's `"ENABLED" if self.Enabled else "DISABLED"`: an intrinsic (a mapping) is ENABLED.
  if (const Node* enabled = givenProperty(given, "Enabled"))
    props.set("State", str(sam::pythonTruthy(*enabled) ? "ENABLED" : "DISABLED"));
  auto copyTarget = [&](const char* key) {
    if (const Node* value = givenProperty(given, key)) target.set(key, *value);
  };
  copyTarget("Input");
  if (!event.schedule) copyTarget("InputPath");
  if (const Node* deadLetter = givenProperty(given, "DeadLetterConfig")) {
    Node arn = deadLetterQueueArn(ctx, event.id, *deadLetter, event.pass, true, event.tags);
    target.set("DeadLetterConfig", map({{"Arn", std::move(arn)}}));
  }
  copyTarget("RetryPolicy");
  if (!event.schedule) copyTarget("InputTransformer");
  props.set("Targets", seq({std::move(target)}));
  ctx.add(event.id, makeResource("AWS::Events::Rule", std::move(props), event.pass));
}

}  // namespace samshift::expand::events
