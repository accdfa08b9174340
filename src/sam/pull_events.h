#pragma once
// SAM's pull event sources of a function (samtranslator/model/eventsources/pull.py): Kinesis,
// DynamoDB, SQS, MSK, MQ, SelfManagedKafka and DocumentDB, each an
// AWS::Lambda::EventSourceMapping. What SAM checks when it reads such an event
// (Resource.from_dict) and when it transforms it (PullEventSource.to_cloudformation and the
// source's get_policy_statements), with SAM's texts (docs/sam-semantics.md §8.8).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "sam/validation.h"

namespace samshift::sam {

// True for the event types pull.py defines.
bool isPullEventType(std::string_view type);

// What SAM's from_dict rejects in the event `name` of function `functionId` (in
// _event_resources_to_link, before the function is transformed): Properties that is not a
// mapping, a property the source does not define (in the order written), then a required property
// missing or a value of the wrong type (in the source's property_types order).
std::optional<SamProblem> pullEventReadProblem(std::string_view type, const model::Node& event,
                                               const std::string& functionId,
                                               const std::string& name);

// What SAM rejects when it transforms the pull events of a function (after the function, its
// alias and role), the first in SAM's order of events (SamFunction.order_events): FilterCriteria,
// ConsumerGroupId, DestinationConfig.OnFailure, then what the source's policy statements need
// (SourceAccessConfigurations, Topics, KafkaBootstrapServers, SecretsManagerKmsKeyId,
// SchemaRegistryConfig). `functionProperties` passed pullEventReadProblem for every event.
std::optional<SamProblem> pullEventsTransformProblem(const model::Node& functionProperties,
                                                     const std::string& functionId);

// The events of a function in the order SAM transforms them: by `Properties.Path` when there is
// one (an Api event), else by the event's name.
std::vector<const model::MapEntry*> eventsInTransformOrder(const model::Node& events);

}  // namespace samshift::sam
