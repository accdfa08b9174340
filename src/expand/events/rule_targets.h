#pragma once
// What EventBridge rules and schedules of functions and state machines share: the target's Id
// and its dead-letter queue (samtranslator/model/events.py, model/eventbridge_utils.py).

#include <string>
#include <string_view>

#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand::events {

// `<logicalId><suffix>`, cut to EventBridge's 64 characters with the suffix kept
// (generate_valid_target_id).
std::string ruleTargetId(const std::string& logicalId, std::string_view suffix);

// The target's Id: the event's `Target.Id` when it has one, else ruleTargetId.
model::Node ruleTargetIdOf(const model::Node& properties, const std::string& logicalId,
                           std::string_view suffix);

// The ARN of the dead-letter queue of `DeadLetterConfig` (already validated by src/sam): its `Arn`,
// or a queue SAM generates (`QueueLogicalId`, else `<eventId>Queue`); with `queuePolicy`, the
// AWS::SQS::QueuePolicy `<eventId>QueuePolicy` letting the rule `<eventId>` send to it.
// `tags`: a function's tags that PropagateTags gives the queue, or null.
model::Node deadLetterQueueArn(ExpandContext& ctx, const std::string& eventId,
                               const model::Node& deadLetterConfig, const PassThrough& pass,
                               bool queuePolicy, const model::Node* tags);

// A Schedule, CloudWatchEvent or EventBridgeRule event of a function or state machine.
struct RuleEvent {
  const std::string& id;  // <Owner><EventId>, the rule's logical ID
  const model::Node& properties;
  bool schedule;  // a Schedule (else CloudWatchEvent or EventBridgeRule)
  const PassThrough& pass;
  const model::Node* tags;  // what PropagateTags gives the dead-letter queue, or null
};

// Adds the AWS::Events::Rule of the event, whose one target starts with `target` (Arn, Id and a
// state machine's RoleArn); the rule's other properties and the target's come from the event,
// with the dead-letter queue it asks for. src/sam (push_events.cc) has checked the property names
// and types, DeadLetterConfig, and State with Enabled.
void addEventRule(ExpandContext& ctx, const RuleEvent& event, model::Node target);

// The value of property `key` of an event when SAM sees it as set (present and not null).
const model::Node* givenProperty(const model::Node& properties, std::string_view key);

}  // namespace samshift::expand::events
