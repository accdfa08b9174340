#include "sam/push_events.h"

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <vector>

#include "model/intrinsics.h"
#include "sam/api_auth_validation.h"
#include "sam/api_event_link.h"
#include "sam/api_models_validation.h"
#include "sam/cognito_user_pool.h"
#include "sam/deployment_model.h"
#include "sam/http_api_auth.h"
#include "sam/http_api_events.h"
#include "sam/http_api_validation.h"
#include "sam/parameter_values.h"
#include "sam/push_event_specs.h"
#include "sam/py27_conversion.h"
#include "sam/resource_order.h"
#include "sam/template_index.h"

namespace samshift::sam {

using model::Node;

namespace {

std::string eventLogicalId(const PushEvent& event) {
  return std::string(event.ownerId) + event.name;
}

const Node* propertiesOf(const PushEvent& event) {
  const Node* props = event.event.get("Properties");
  return props && props->isMapping() ? props : nullptr;
}

std::string typeOf(const PushEvent& event) {
  const Node* type = event.event.get("Type");
  return type && type->isString() ? type->text() : std::string();
}

// SAM's `getattr(self, name) is not None`: set, and not null.
const Node* given(const Node* props, std::string_view key) {
  const Node* value = props ? props->get(key) : nullptr;
  return value && !value->isNull() ? value : nullptr;
}

// InvalidResourceException raised by the event itself (its from_dict): under the event's
// logical ID, not wrapped in the owner's message.
SamProblem eventResourceProblem(const PushEvent& event, std::string code, std::string message,
                                const Node* node) {
  return SamProblem{std::move(code), std::move(message), node, true, eventLogicalId(event)};
}

// InvalidEventException(id, message): a function wraps it in its own message, a state machine
// reports it as it is.
SamProblem invalidEvent(const PushEvent& event, const std::string& id, std::string code,
                        const std::string& message, const Node* node) {
  std::string text = "Event with id [" + id + "] is invalid. " + message;
  if (event.owner == EventOwner::kFunction)
    return SamProblem{std::move(code), text, node, true, {}};
  return SamProblem{std::move(code), text, node, false, id};
}

// SAM's Resource.from_dict for the event: every property it is given must be one the source
// declares (in the order given), then each declared one, in declaration order, must be present
// when required and of its type (an intrinsic passes where the property takes one).
std::optional<SamProblem> propertyProblem(const PushEvent& event,
                                          std::span<const SamPropertyType> specs) {
  const Node* props = propertiesOf(event);
  if (const model::MapEntry* unknown = firstUndeclaredProperty(props, specs)) {
    return eventResourceProblem(
        event, "event-property-unknown",
        "property " + unknown->key.text() + " not defined for resource of type " + typeOf(event),
        &unknown->key);
  }
  std::optional<PropertyFault> fault = firstPropertyFault(props, specs);
  if (!fault) return std::nullopt;
  if (!fault->value) {
    return eventResourceProblem(event, "event-missing-property", std::move(fault->message),
                                props ? props : &event.event);
  }
  return eventResourceProblem(event, "event-property-type", std::move(fault->message),
                              fault->value);
}

// SAM's resources_to_link of an S3 event and a Cognito event: a `Ref` to a resource of the
// template (any type: SAM looks the ID up among all resources).
std::optional<SamProblem> referencedResourceProblem(const PushEvent& event) {
  const Node* props = propertiesOf(event);
  std::string type = typeOf(event);
  bool s3 = type == "S3";
  if (!s3 && type != "Cognito") return std::nullopt;
  const Node* target = given(props, s3 ? "Bucket" : "UserPool");
  const Node* refValue = target && target->isMapping() ? target->get("Ref") : nullptr;
  if (refValue && !refValue->isString()) {
    return s3 ? invalidEvent(event, event.name, "s3-bucket-ref",
                             "'Ref' value in S3 events is not a valid string.", refValue)
              : invalidEvent(event, eventLogicalId(event), "cognito-user-pool-ref",
                             "Ref in Userpool is not a string.", refValue);
  }
  if (refValue && event.templ.resource(refValue->text())) return std::nullopt;
  return s3 ? invalidEvent(event, event.name, "s3-bucket-not-in-template",
                           "S3 events must reference an S3 bucket in the same template.", target)
            : invalidEvent(event, event.name, "cognito-user-pool-not-in-template",
                           "Cognito events must reference a Cognito UserPool in the same "
                           "template.",
                           target);
}

// Resource._validate_logical_id of a resource SAM names after the template's value (a DLQ's
// QueueLogicalId, an SNS QueuePolicyLogicalId): `^[A-Za-z0-9]+$` as Python's re.match reads it,
// which lets one final newline through. The problem is reported under that value.
std::optional<SamProblem> generatedIdProblem(const Node& id) {
  if (id.isString()) {
    std::string_view text = id.text();
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    if (validLogicalId(text)) return std::nullopt;
  } else if (!id.isScalar()) {
    return std::nullopt;  // SAM's message shows Python's repr of it: not modelled
  }
  return SamProblem{"generated-logical-id", "Logical ids must be alphanumeric.", &id, true,
                    pythonStr(id)};
}

// EventBridgeRuleUtils.validate_dlq_config and the QueueLogicalId check of
// get_dlq_queue_arn_and_resources.
std::optional<SamProblem> deadLetterProblem(const PushEvent& event) {
  const Node* config = given(propertiesOf(event), "DeadLetterConfig");
  if (!config || !config->isMapping()) return std::nullopt;
  std::string id = eventLogicalId(event);
  const Node* arn = config->get("Arn");
  const Node* type = config->get("Type");
  if (arn && type) {
    return invalidEvent(event, id, "event-dlq-arn-and-type",
                        "You can either define 'Arn' or 'Type' property of DeadLetterConfig.",
                        config);
  }
  if (type && !type->isString("SQS")) {
    return invalidEvent(event, id, "event-dlq-type",
                        "The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.",
                        type);
  }
  if (!arn && !type) {
    return invalidEvent(event, id, "event-dlq-missing",
                        "No 'Arn' or 'Type' property provided for DeadLetterConfig.", config);
  }
  if (arn && !arn->isNull()) return std::nullopt;
  const Node* queueId = config->get("QueueLogicalId");
  if (queueId && !queueId->isNull() && !queueId->isString()) {
    return invalidEvent(event, id, "event-dlq-queue-id", "QueueLogicalId must be a string",
                        queueId);
  }
  if (queueId && pythonTruthy(*queueId)) return generatedIdProblem(*queueId);
  return std::nullopt;
}

std::optional<SamProblem> stateAndEnabledProblem(const PushEvent& event) {
  const Node* props = propertiesOf(event);
  const Node* state = given(props, "State");
  if (state && pythonTruthy(*state) && given(props, "Enabled")) {
    return invalidEvent(event, event.name, "event-state-and-enabled",
                        "State and Enabled Properties cannot both be specified.", state);
  }
  return std::nullopt;
}

// The user pool a Cognito event names (its `UserPool: {Ref: …}`); empty when it names none.
std::string cognitoPoolId(const Node& event) {
  const Node* props = event.get("Properties");
  const Node* pool = props && props->isMapping() ? given(props, "UserPool") : nullptr;
  const Node* id = pool && pool->isMapping() ? pool->get("Ref") : nullptr;
  return id && id->isString() ? id->text() : std::string();
}

// The triggers of a Cognito event: its Trigger, a string or a list of them.
std::vector<const Node*> cognitoTriggers(const Node& event) {
  const Node* props = event.get("Properties");
  const Node* trigger = props && props->isMapping() ? given(props, "Trigger") : nullptr;
  std::vector<const Node*> out;
  if (trigger && trigger->isString()) out.push_back(trigger);
  if (trigger && trigger->isSequence()) {
    for (const Node& item : trigger->items()) out.push_back(&item);
  }
  return out;
}

// Python's str() of the Trigger SAM names in its message: the string, or the list's repr.
std::string triggerText(const Node& trigger) {
  if (!trigger.isSequence()) return trigger.text();
  std::string out = "[";
  for (const Node& item : trigger.items()) {
    if (out.size() > 1) out += ", ";
    out += "'" + item.text() + "'";
  }
  return out + "]";
}

bool isCognitoEvent(const Node& event) {
  const Node* type = event.isMapping() ? event.get("Type") : nullptr;
  return type && type->isString("Cognito");
}

// Cognito._inject_lambda_config: the pool's LambdaConfig must be a map, and each trigger is set
// once across the template (the pool's own, then the Cognito events SAM builds before this one).
std::optional<SamProblem> cognitoProblem(const PushEvent& event) {
  std::string poolId = cognitoPoolId(event.event);
  const model::ResourceView* pool = event.templ.resource(poolId);
  if (!pool || (pool->properties && !pool->properties->isMapping())) return std::nullopt;
  std::set<std::string> taken;
  if (const Node* config = given(pool->properties, "LambdaConfig")) {
    if (!config->isMapping()) {
      return SamProblem{"cognito-lambda-config-map", "Property 'LambdaConfig' should be a map.",
                        config, true, poolId};
    }
    for (const model::MapEntry& entry : config->entries()) taken.insert(entry.key.text());
  }
  auto take = [&](const Node& other) {
    for (const Node* trigger : cognitoTriggers(other)) taken.insert(trigger->text());
  };
  // The functions SAM builds before the owner (all of them for a state machine's event).
  std::optional<CognitoEventsByPool> read;
  const CognitoEventsByPool& uses = event.cognito ? *event.cognito : read.emplace(event.templ);
  auto found = uses.byPool.find(poolId);
  for (const CognitoEventsByPool::Use& use :
       found == uses.byPool.end() ? std::vector<CognitoEventsByPool::Use>{} : found->second) {
    if (use.function->id == event.ownerId) break;
    take(*use.event);
  }
  for (const Node* other : event.earlier) {
    if (isCognitoEvent(*other) && cognitoPoolId(*other) == poolId) take(*other);
  }
  for (const Node* trigger : cognitoTriggers(event.event)) {
    if (!taken.insert(trigger->text()).second) {
      const Node* all = given(propertiesOf(event), "Trigger");
      return invalidEvent(event, event.name, "cognito-trigger-duplicate",
                          "Cognito trigger \"" + triggerText(*all) + "\" defined multiple times.",
                          trigger);
    }
  }
  // Then SAM re-reads the pool with its CognitoUserPool model (CognitoUserPool.from_dict).
  if (!pool->typeNode || !pool->typeNode->isString("AWS::Cognito::UserPool"))
    return std::nullopt;  // SAM writes it back as a user pool: expand leaves it unsupported
  // Iterates the pool's own entries (never a copy): the problem points at one of its keys.
  if (!pool->properties) return std::nullopt;
  for (const model::MapEntry& entry : pool->properties->entries()) {
    if (!entry.key.isString() || !cognitoUserPoolProperty(entry.key.text())) {
      return SamProblem{"cognito-user-pool-property",
                        "property " + entry.key.text() +
                            " not defined for resource of type AWS::Cognito::UserPool",
                        &entry.key, true, poolId};
    }
  }
  return std::nullopt;
}

// What S3.to_cloudformation finds in the bucket it amends: for a conditional function its Tags
// must be a list, else its DependsOn a string or a list of hashable values (Python's set());
// then Properties must be a map, NotificationConfiguration a map, LambdaConfigurations a list.
// Problems of the bucket are reported under its ID.
std::optional<SamProblem> s3Problem(const PushEvent& event) {
  const Node* bucketRef = given(propertiesOf(event), "Bucket");
  const Node* idNode = bucketRef && bucketRef->isMapping() ? bucketRef->get("Ref") : nullptr;
  const model::ResourceView* bucket =
      idNode && idNode->isString() ? event.templ.resource(idNode->text()) : nullptr;
  if (!bucket || !bucket->node || !bucket->node->isMapping()) return std::nullopt;
  std::string bucketId(bucket->id);
  auto bucketProblem = [&](std::string code, std::string message, const Node* node) {
    return SamProblem{std::move(code), std::move(message), node, true, bucketId};
  };
  const Node* props = bucket->node->get("Properties");
  const model::ResourceView* owner = event.templ.resource(event.ownerId);
  if (owner && owner->condition) {
    const Node* tags = props && props->isMapping() ? given(props, "Tags") : nullptr;
    if (tags && !tags->isSequence())
      return bucketProblem("s3-bucket-tags-list", "Property 'Tags' should be a list.", tags);
  } else if (const Node* dependsOn = bucket->node->get("DependsOn")) {
    bool hashable = dependsOn->isString() || dependsOn->isMapping();
    if (dependsOn->isSequence()) {
      hashable = std::none_of(dependsOn->items().begin(), dependsOn->items().end(),
                              [](const Node& item) { return !item.isScalar(); });
    }
    if (!hashable) {
      return eventResourceProblem(
          event, "s3-bucket-depends-on",
          "Invalid type for field 'DependsOn'. Expected a string or list of strings.", dependsOn);
    }
  }
  if (props && !props->isMapping())
    return bucketProblem("s3-bucket-properties-map", "Properties should be a map.", props);
  const Node* notification = given(props, "NotificationConfiguration");
  if (notification && !notification->isMapping()) {
    return bucketProblem("s3-notification-configuration-map",
                         "Property 'NotificationConfiguration' should be a map.", notification);
  }
  const Node* configurations = notification ? given(notification, "LambdaConfigurations") : nullptr;
  if (configurations && !configurations->isSequence()) {
    return bucketProblem("s3-lambda-configurations-list",
                         "Invalid type for LambdaConfigurations. Must be a list.", configurations);
  }
  return std::nullopt;
}

}  // namespace

bool isPushEventType(EventOwner owner, std::string_view type) {
  return !pushEventSpecs(owner == EventOwner::kStateMachine, type).empty();
}

std::optional<SamProblem> pushEventLinkProblem(const PushEvent& event) {
  std::string type = typeOf(event);
  if (type == "Api" && event.owner == EventOwner::kFunction)
    return apiEventLinkProblem(event.templ, event.event);
  // A state machine reads its Api event (Resource.from_dict) as it links it.
  if (type == "Api") {
    const Node* props = event.event.get("Properties");
    if (!props || !props->isMapping()) return std::nullopt;  // the implicit API plugin's
    return propertyProblem(event, stateMachineApiEventSpecs());
  }
  if (type == "HttpApi" && event.owner == EventOwner::kFunction) {
    if (auto problem = httpApiEventPropertyProblem(event.event)) {
      return eventResourceProblem(
          event, problem->unknown ? "event-property-unknown" : "event-property-type",
          problem->message, problem->node);
    }
    return httpApiEventLinkProblem(event.templ, event.event);
  }
  std::span<const SamPropertyType> specs =
      pushEventSpecs(event.owner == EventOwner::kStateMachine, type);
  if (specs.empty()) return std::nullopt;
  // Resource._validate_resource_dict.
  if (const Node* props = event.event.get("Properties"); props && !props->isMapping()) {
    return eventResourceProblem(event, "event-properties-not-map",
                                "Properties of a resource must be an object.", props);
  }
  if (auto problem = propertyProblem(event, specs)) return problem;
  return referencedResourceProblem(event);
}

std::optional<SamProblem> pushEventBuildProblem(const PushEvent& event) {
  std::string type = typeOf(event);
  bool function = event.owner == EventOwner::kFunction;
  if (type == "Schedule" ||
      (function && (type == "CloudWatchEvent" || type == "EventBridgeRule"))) {
    // A Schedule checks State with Enabled before its DeadLetterConfig, a function's
    // CloudWatchEvent after it; a state machine's CloudWatchEvent has no Enabled.
    if (type == "Schedule") {
      if (auto problem = stateAndEnabledProblem(event)) return problem;
      return deadLetterProblem(event);
    }
    if (auto problem = deadLetterProblem(event)) return problem;
    return stateAndEnabledProblem(event);
  }
  if (type == "CloudWatchEvent" || type == "EventBridgeRule") return deadLetterProblem(event);
  if (type == "Cognito") return cognitoProblem(event);
  if (type == "S3") return s3Problem(event);
  if (type == "Api" && function) {
    if (auto rejection = apiEventRejection(event.templ, event.event))
      return invalidEvent(event, event.name, rejection->code, rejection->message, rejection->node);
    return std::nullopt;
  }
  if (type == "HttpApi" && function)
    return httpApiEventAuthProblem(event.templ, event.name, event.event);
  if (type == "Api") {
    if (auto rejection = apiEventAuthRejection(event.templ, event.event, true))
      return invalidEvent(event, event.name, rejection->code, rejection->message, rejection->node);
    return std::nullopt;
  }
  const Node* props = propertiesOf(event);
  if (type == "ScheduleV2") {
    // scheduler.py builds the schedule (its Name) before it reads DeadLetterConfig.
    const Node* omitName = given(props, "OmitName");
    const Node* name = given(props, "Name");
    if (omitName && pythonTruthy(*omitName) && name && pythonTruthy(*name)) {
      return invalidEvent(event, eventLogicalId(event), "schedule-v2-omit-name-with-name",
                          "Name cannot be set when OmitName is True", name);
    }
    return deadLetterProblem(event);
  }
  const Node* sqs = type == "SNS" ? given(props, "SqsSubscription") : nullptr;
  if (sqs && sqs->isMapping() && pythonTruthy(*sqs)) {
    // An existing queue: SAM needs both its ARN and its URL (Python-true).
    const Node* arn = sqs->get("QueueArn");
    const Node* url = sqs->get("QueueUrl");
    if (!arn || !pythonTruthy(*arn) || !url || !pythonTruthy(*url)) {
      return invalidEvent(event, event.name, "sns-sqs-subscription-queue",
                          "No QueueARN or QueueURL provided.", sqs);
    }
    const Node* policyId = sqs->get("QueuePolicyLogicalId");
    if (policyId && pythonTruthy(*policyId)) return generatedIdProblem(*policyId);
  }
  return std::nullopt;
}

std::optional<SamProblem> stateMachineEventsLinkProblem(const model::Template& templ,
                                                        const model::ResourceView& resource) {
  const Node* events = resource.property("Events");
  if (!events || !events->isMapping()) return std::nullopt;
  for (const model::MapEntry& entry : events->entries()) {
    if (!entry.value.isMapping()) continue;
    if (auto problem = pushEventLinkProblem(
            {templ, resource.id, EventOwner::kStateMachine, entry.key.text(), entry.value}))
      return problem;
  }
  return std::nullopt;
}

CognitoEventsByPool::CognitoEventsByPool(const model::Template& templ) {
  for (const model::ResourceView& function : templ.resources()) {
    if (function.type != "AWS::Serverless::Function") continue;
    const Node* events = function.property("Events");
    if (!events || !events->isMapping()) continue;
    for (const model::MapEntry& entry : events->entries()) {
      if (isCognitoEvent(entry.value))
        byPool[cognitoPoolId(entry.value)].push_back({&function, &entry.value});
    }
  }
}

std::optional<SamProblem> pushEventsBuildProblem(const model::Template& templ,
                                                 const model::ResourceView& resource,
                                                 const Node& props, EventOwner owner,
                                                 const TemplateIndex* index) {
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return std::nullopt;
  // A function sorts its events (SamFunction.order_events); when Python could not compare their
  // keys, SAM fails there, and they are read as written.
  std::optional<std::vector<const model::MapEntry*>> sorted;
  if (owner == EventOwner::kFunction) {
    bool py27 = index ? index->convertsToPy27() : samConvertsToPy27(templ);
    sorted = functionEventOrder(*events, py27);
  }
  std::vector<const model::MapEntry*> order;
  if (sorted) {
    order = std::move(*sorted);
  } else {
    for (const model::MapEntry& entry : events->entries()) order.push_back(&entry);
  }
  std::vector<const Node*> earlier;
  for (const model::MapEntry* entry : order) {
    if (!entry->value.isMapping()) continue;
    if (auto problem =
            pushEventBuildProblem({templ, resource.id, owner, entry->key.text(), entry->value,
                                   earlier, index ? &index->cognitoEvents() : nullptr}))
      return problem;
    earlier.push_back(&entry->value);
  }
  return std::nullopt;
}

}  // namespace samshift::sam
