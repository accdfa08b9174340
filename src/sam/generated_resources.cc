#include "sam/generated_resources.h"

#include <algorithm>
#include <array>

#include "sam/validation.h"

namespace samshift::sam {

using model::Node;

namespace {

constexpr std::string_view kEventSourceMapping = "AWS::Lambda::EventSourceMapping";
constexpr std::string_view kEventsRule = "AWS::Events::Rule";
constexpr std::string_view kPermission = "AWS::Lambda::Permission";
constexpr std::string_view kRole = "AWS::IAM::Role";

constexpr std::array<FunctionEventType, 19> kFunctionEvents = {{
    {"SQS", kEventSourceMapping, false},
    {"Kinesis", kEventSourceMapping, false},
    {"DynamoDB", kEventSourceMapping, false},
    {"MSK", kEventSourceMapping, false},
    {"MQ", kEventSourceMapping, false},
    {"SelfManagedKafka", kEventSourceMapping, false},
    {"DocumentDB", kEventSourceMapping, false},
    {"SNS", "AWS::SNS::Subscription", true},
    {"S3", "", true},
    {"Schedule", kEventsRule, true},
    {"CloudWatchEvent", kEventsRule, true},
    {"EventBridgeRule", kEventsRule, true},
    {"CloudWatchLogs", "AWS::Logs::SubscriptionFilter", true},
    {"IoTRule", "AWS::IoT::TopicRule", true},
    {"AlexaSkill", "", true},
    {"HttpApi", "", true},
    // Named after the API's stage, or the function, or with a role: see functionEvent.
    {"Api", "", false},
    {"ScheduleV2", "", false},
    {"Cognito", "", false},
}};

// SAM's do_not_verify (translator/verify_logical_id.py): generated type → template types it may
// replace.
struct Replaceable {
  std::string_view generated;
  std::string_view existing;
};

constexpr std::array<Replaceable, 17> kReplaceable = {{
    {"AWS::Lambda::Function", "AWS::Serverless::Function"},
    {"AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"},
    {"AWS::Lambda::CapacityProvider", "AWS::Serverless::CapacityProvider"},
    {"AWS::ApiGateway::RestApi", "AWS::Serverless::Api"},
    {"AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi"},
    {"AWS::ApiGatewayV2::Api", "AWS::Serverless::WebSocketApi"},
    {"AWS::S3::Bucket", "AWS::S3::Bucket"},
    {"AWS::SNS::Topic", "AWS::SNS::Topic"},
    {"AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"},
    {"AWS::CloudFormation::Stack", "AWS::Serverless::Application"},
    {"AWS::Cognito::UserPool", "AWS::Cognito::UserPool"},
    {"AWS::ApiGateway::DomainName", "AWS::ApiGateway::DomainName"},
    {"AWS::ApiGateway::BasePathMapping", "AWS::ApiGateway::BasePathMapping"},
    {"AWS::ApiGateway::DomainNameV2", "AWS::ApiGateway::DomainNameV2"},
    {"AWS::ApiGateway::BasePathMappingV2", "AWS::ApiGateway::BasePathMappingV2"},
    {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
    {"AWS::AppSync::GraphQLApi", "AWS::Serverless::GraphQLApi"},
}};

// The dead-letter queue SAM creates for a rule or schedule event whose DeadLetterConfig has no
// Arn (`QueueLogicalId` or `<id>Queue`), and for a rule its queue policy
// (eventbridge_utils.py, scheduler.py).
void deadLetterQueue(const std::string& id, const Node& event, bool queuePolicy,
                     std::vector<GeneratedResource>& out) {
  const Node* properties = event.get("Properties");
  const Node* config =
      properties && properties->isMapping() ? properties->get("DeadLetterConfig") : nullptr;
  if (!config || !config->isMapping() || !config->get("Type")) return;
  const Node* arn = config->get("Arn");
  if (arn && !arn->isNull()) return;
  const Node* queueId = config->get("QueueLogicalId");
  bool named = queueId && queueId->isString() && !queueId->text().empty();
  out.push_back({named ? queueId->text() : id + "Queue", "AWS::SQS::Queue"});
  if (queuePolicy) out.push_back({id + "QueuePolicy", "AWS::SQS::QueuePolicy"});
}

// A ScheduleV2 event, of a function or a state machine: the schedule, its dead-letter queue, and
// the role it assumes unless the event names one.
void scheduleV2(const std::string& id, const Node& event, std::vector<GeneratedResource>& out) {
  out.push_back({id, "AWS::Scheduler::Schedule"});
  deadLetterQueue(id, event, false, out);
  const Node* properties = event.get("Properties");
  const Node* role = properties && properties->isMapping() ? properties->get("RoleArn") : nullptr;
  if (!role || !sam::pythonTruthy(*role)) out.push_back({id + "Role", kRole});
}

// The stage an Api event's permission is named after: Prod for the implicit API, the StageName
// of an API of the template ("Stage" when it is not a string), AllStages for an API SAM cannot
// follow (push.py, Api._get_permissions). nullopt when SAM rejects the event instead.
std::optional<std::string> apiPermissionStage(const model::Template& templ,
                                              const Node* properties) {
  const Node* restApiId = properties ? properties->get("RestApiId") : nullptr;
  if (!restApiId) return "Prod";
  const Node* named =
      restApiId->isMapping() && restApiId->has("Ref") ? restApiId->get("Ref") : restApiId;
  if (!named->isString()) return "AllStages";
  const model::ResourceView* api = templ.resource(named->text());
  if (!api || !api->node || !api->node->isMapping()) return std::nullopt;
  const Node* stage = api->property("StageName");
  if (!stage || !stage->isString()) return "Stage";
  if (stage->text().empty()) return std::nullopt;
  return stage->text();
}

void functionEvent(const model::Template& templ, const std::string& id, const Node& event,
                   std::vector<GeneratedResource>& out) {
  const Node* type = event.get("Type");
  if (!type || !type->isString()) return;
  if (type->isString("ScheduleV2")) return scheduleV2(id, event, out);
  if (type->isString("Api")) {
    // A stage name that is not alphanumeric makes a hashed ID, which only the expansion knows.
    auto stage = apiPermissionStage(templ, event.get("Properties"));
    if (stage && validLogicalId(*stage)) out.push_back({id + "Permission" + *stage, kPermission});
    return;
  }
  const FunctionEventType* known = functionEventType(type->text());
  if (!known) return;
  const Node* properties = event.get("Properties");
  const Node* sqs = properties ? properties->get("SqsSubscription") : nullptr;
  if (type->isString("SNS") && sqs && sam::pythonTruthy(*sqs)) {
    // The topic feeds a queue, which feeds the function.
    if (sqs->isBool()) out.push_back({id + "Queue", "AWS::SQS::Queue"});
    const Node* policyId = sqs->isMapping() ? sqs->get("QueuePolicyLogicalId") : nullptr;
    out.push_back({policyId && policyId->isString() ? policyId->text() : id + "QueuePolicy",
                   "AWS::SQS::QueuePolicy"});
    out.push_back({id, known->resource});
    out.push_back({id + "EventSourceMapping", kEventSourceMapping});
    return;
  }
  if (known->permission) out.push_back({id + "Permission", kPermission});
  if (!known->resource.empty()) out.push_back({id, known->resource});
  if (known->resource == kEventsRule) deadLetterQueue(id, event, true, out);
}

void function(const model::Template& templ, const model::ResourceView& resource, const Node& props,
              const std::optional<DeploymentModel>& model, std::vector<GeneratedResource>& out) {
  std::string id(resource.id);
  if (model) {
    if (auto alias = model->aliasName()) {
      out.push_back({aliasLogicalId(id, *alias), "AWS::Lambda::Alias"});
    }
  }
  if (const Node* url = props.get("FunctionUrlConfig"); url && url->isMapping()) {
    out.push_back({id + "Url", "AWS::Lambda::Url"});
    if (const Node* auth = url->get("AuthType"); auth && auth->isString("NONE")) {
      out.push_back({id + "UrlPublicPermissions", kPermission});
      out.push_back({id + "URLInvokeAllowPublicAccess", kPermission});
    }
  }
  if (const Node* config = props.get("EventInvokeConfig"); config && config->isMapping()) {
    std::string configId = id + "EventInvokeConfig";
    const Node* destinations = config->get("DestinationConfig");
    for (const char* name : {"OnSuccess", "OnFailure"}) {
      const Node* entry = destinations ? destinations->get(name) : nullptr;
      const Node* type = entry ? entry->get("Type") : nullptr;
      if (!type || entry->has("Destination")) continue;
      // Without a Destination, SAM creates the queue or topic.
      if (type->isString("SQS")) out.push_back({configId + name + "Queue", "AWS::SQS::Queue"});
      if (type->isString("SNS")) out.push_back({configId + name + "Topic", "AWS::SNS::Topic"});
    }
    out.push_back({configId, "AWS::Lambda::EventInvokeConfig"});
  }
  if (!props.has("Role")) out.push_back({id + "Role", kRole});
  if (const Node* events = props.get("Events"); events && events->isMapping()) {
    for (const model::MapEntry& event : events->entries())
      functionEvent(templ, id + event.key.text(), event.value, out);
  }
}

void stateMachine(const model::ResourceView& resource, const Node& props,
                  std::vector<GeneratedResource>& out) {
  std::string id(resource.id);
  if (const Node* role = props.get("Role"); !role || !sam::pythonTruthy(*role))
    out.push_back({id + "Role", "AWS::IAM::Role"});
  const Node* alias = props.get("AutoPublishAlias");
  if (alias && sam::pythonTruthy(*alias)) {
    out.push_back({id + "Version", "AWS::StepFunctions::StateMachineVersion"});
    if (alias->isString())
      out.push_back({id + "Alias" + alias->text(), "AWS::StepFunctions::StateMachineAlias"});
  }
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return;
  for (const model::MapEntry& event : events->entries()) {
    const Node* type = event.value.get("Type");
    if (!type || !type->isString()) continue;
    std::string eventId = id + event.key.text();
    bool rule = type->isString("Schedule") || type->isString("CloudWatchEvent") ||
                type->isString("EventBridgeRule");
    // Each rule and API event gets a role allowed to start executions, but a Schedule with a
    // RoleArn (stepfunctions/events.py).
    const Node* properties = event.value.get("Properties");
    const Node* roleArn = type->isString("Schedule") && properties && properties->isMapping()
                              ? properties->get("RoleArn")
                              : nullptr;
    bool ownRole = type->isString("Api") || (rule && (!roleArn || roleArn->isNull()));
    if (ownRole) out.push_back({eventId + "Role", kRole});
    if (rule) {
      out.push_back({eventId, kEventsRule});
      deadLetterQueue(eventId, event.value, true, out);
    }
    if (type->isString("ScheduleV2")) scheduleV2(eventId, event.value, out);
  }
}

}  // namespace

std::vector<GeneratedResource> generatedResources(const model::Template& templ,
                                                  const model::ResourceView& resource,
                                                  const Node& mergedProperties,
                                                  const std::optional<DeploymentModel>& model) {
  std::vector<GeneratedResource> out;
  if (!mergedProperties.isMapping()) return out;
  if (resource.type == "AWS::Serverless::Function")
    function(templ, resource, mergedProperties, model, out);
  if (resource.type == "AWS::Serverless::StateMachine")
    stateMachine(resource, mergedProperties, out);
  return out;
}

const FunctionEventType* functionEventType(std::string_view type) {
  auto found = std::find_if(kFunctionEvents.begin(), kFunctionEvents.end(),
                            [&](const FunctionEventType& entry) { return entry.type == type; });
  return found == kFunctionEvents.end() ? nullptr : &*found;
}

bool mayReplace(std::string_view generatedType, std::string_view existingType) {
  return std::any_of(kReplaceable.begin(), kReplaceable.end(), [&](const Replaceable& entry) {
    return entry.generated == generatedType && entry.existing == existingType;
  });
}

}  // namespace samshift::sam

namespace samshift::sam {

size_t expandedResourceFloor(const model::Template& templ, const model::ResourceView& resource,
                             const Node& mergedProperties,
                             const std::optional<DeploymentModel>& model) {
  size_t count = 1 + generatedResources(templ, resource, mergedProperties, model).size();
  if (!model) return count;
  if (model->aliasName()) ++count;  // the version the alias points at
  const std::optional<DeploymentPreferenceModel>& preference = model->deploymentPreference;
  if (!model->stateMachine && model->aliasName() && preference && preference->isEnabled())
    ++count;  // `<Function>DeploymentGroup`
  return count;
}

size_t sharedCodeDeployResources(bool anyDeploymentGroup, bool anyWithoutRole) {
  if (!anyDeploymentGroup) return 0;
  return anyWithoutRole ? 2 : 1;
}

}  // namespace samshift::sam
