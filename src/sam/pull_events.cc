#include "sam/pull_events.h"

#include <algorithm>
#include <vector>

#include "sam/deployment_model.h"
#include "sam/http_api_events.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::Node;

namespace {

// PullEventSource.property_types, in its order.
const SamPropertyType kCommon[] = {
    {"BatchSize", false, isSamInt},
    {"StartingPosition", false, {}},
    {"StartingPositionTimestamp", false, {}},
    {"Enabled", false, isSamBool},
    {"MaximumBatchingWindowInSeconds", false, isSamInt},
    {"MaximumRetryAttempts", false, isSamInt},
    {"BisectBatchOnFunctionError", false, isSamBool},
    {"MaximumRecordAgeInSeconds", false, isSamInt},
    {"DestinationConfig", false, isSamMap},
    {"ParallelizationFactor", false, isSamInt},
    {"Topics", false, isSamList},
    {"Queues", false, isSamList},
    {"SourceAccessConfigurations", false, isSamList},
    {"SecretsManagerKmsKeyId", false, isSamString},
    {"TumblingWindowInSeconds", false, isSamInt},
    {"FunctionResponseTypes", false, isSamList},
    {"KafkaBootstrapServers", false, isSamList},
    {"FilterCriteria", false, isSamMap},
    {"KmsKeyArn", false, {}},
    {"ConsumerGroupId", false, isSamString},
    {"ScalingConfig", false, isSamMap},
    {"ProvisionedPollerConfig", false, isSamMap},
    {"SchemaRegistryConfig", false, isSamMap},
    {"MetricsConfig", false, isSamMap},
    {"LoggingConfig", false, isSamMap},
};

struct PullSource {
  std::string_view type;
  // PullEventSource.property_types then the source's own, in SAM's order.
  std::vector<SamPropertyType> types;
};

// A source's properties: the common ones then `extra` (appended; StartingPosition, which
// Kinesis, DynamoDB and MSK redefine as required, keeps its place), `required` those it requires.
PullSource pullSourceOf(std::string_view type, std::initializer_list<SamPropertyType> extra,
                        std::initializer_list<std::string_view> required) {
  PullSource source{type, {}};
  auto add = [&](SamPropertyType property) {
    property.required =
        std::find(required.begin(), required.end(), property.name) != required.end();
    source.types.push_back(std::move(property));
  };
  for (const SamPropertyType& property : kCommon) add(property);
  for (const SamPropertyType& property : extra) add(property);
  return source;
}

const std::vector<PullSource>& pullSources() {
  static const std::vector<PullSource> kSources = {
      pullSourceOf("Kinesis", {{"Stream", false, {}}}, {"StartingPosition", "Stream"}),
      pullSourceOf("DynamoDB", {{"Stream", false, {}}}, {"StartingPosition", "Stream"}),
      pullSourceOf("SQS", {{"Queue", false, {}}}, {"Queue"}),
      pullSourceOf("MSK", {{"Stream", false, {}}}, {"StartingPosition", "Stream"}),
      pullSourceOf("MQ", {{"Broker", false, {}}, {"DynamicPolicyName", false, isSamBool, false}},
                   {"Broker"}),
      pullSourceOf("SelfManagedKafka", {}, {}),
      pullSourceOf("DocumentDB",
                   {{"Cluster", false, {}},
                    {"DatabaseName", false, {}},
                    {"CollectionName", false, {}},
                    {"FullDocument", false, {}}},
                   {"Cluster", "DatabaseName"}),
  };
  return kSources;
}

const PullSource* pullSource(std::string_view type) {
  for (const PullSource& source : pullSources()) {
    if (source.type == type) return &source;
  }
  return nullptr;
}

SamProblem problem(std::string code, std::string message, const Node* node,
                   std::string subjectId = {}) {
  return SamProblem{std::move(code), std::move(message), node, true, std::move(subjectId)};
}

// An InvalidEventException that SamFunction rewraps under the function's ID.
SamProblem eventProblem(std::string code, const std::string& eventId, const std::string& text,
                        const Node* node) {
  return problem(std::move(code), "Event with id [" + eventId + "] is invalid. " + text, node);
}

// SAM's is_intrinsic: a one-key mapping whose key is Ref, Condition or Fn::….
bool samIntrinsic(const Node& value) { return value.isIntrinsic(); }

// PullEventSource._validate_source_access_configurations (MQ, DocumentDB).
std::optional<SamProblem> basicAuthProblem(std::string_view type, const Node& props,
                                           const std::string& name,
                                           std::initializer_list<const char*> supported) {
  const Node* configs = props.get("SourceAccessConfigurations");
  auto fail = [&](const std::string& text, const Node* node) {
    return eventProblem("pull-event-source-access", name, text, node ? node : configs);
  };
  if (!truthy(configs))
    return fail(
        "No SourceAccessConfigurations for Amazon " + std::string(type) + " event provided.",
        nullptr);
  if (!configs->isSequence())
    return fail("Provided SourceAccessConfigurations cannot be parsed into a list.", nullptr);
  std::string supportedText = "[";
  for (const char* value : supported) {
    if (supportedText.size() > 1) supportedText += ", ";
    supportedText.append("'").append(value).append("'");
  }
  supportedText += "]";
  const Node* uri = nullptr;
  for (size_t index = 0; index < configs->items().size(); ++index) {
    const Node& config = configs->items()[index];
    std::string path = "SourceAccessConfigurations[" + std::to_string(index) + "]";
    if (!config.isMapping()) return fail("Property '" + path + "' should be a map.", &config);
    const Node* type = config.get("Type");
    if (!type || !type->isString())
      return fail("Property '" + path + ".Type' should be a string.", &config);
    bool known = std::any_of(supported.begin(), supported.end(),
                             [&](const char* value) { return type->isString(value); });
    if (!known)
      return fail(
          "Invalid property Type specified in SourceAccessConfigurations. The supported values "
          "are: " +
              supportedText + ".",
          type);
    if (!type->isString("BASIC_AUTH")) continue;
    if (uri)
      return fail("Multiple BASIC_AUTH properties specified in SourceAccessConfigurations.", type);
    uri = config.get("URI");
    if (!truthy(uri))
      return fail("No BASIC_AUTH URI property specified in SourceAccessConfigurations.", &config);
  }
  if (!uri) return fail("No BASIC_AUTH property specified in SourceAccessConfigurations.", nullptr);
  return std::nullopt;
}

// PullEventSource.validate_secrets_manager_kms_key_id.
std::optional<SamProblem> kmsKeyIdProblem(const Node& props, const std::string& name) {
  const Node* key = props.get("SecretsManagerKmsKeyId");
  if (truthy(key) && !key->isString())
    return eventProblem("pull-event-kms-key-id", name,
                        "Property 'SecretsManagerKmsKeyId' should be a string.", key);
  return std::nullopt;
}

// PullEventSource.validate_schema_registry_config (MSK, SelfManagedKafka).
std::optional<SamProblem> schemaRegistryProblem(const Node& props, const std::string& name) {
  const Node* config = props.get("SchemaRegistryConfig");
  if (!truthy(config)) return std::nullopt;
  auto fail = [&](const std::string& text, const Node* node) {
    return eventProblem("pull-event-schema-registry", name, text, node ? node : config);
  };
  if (!config->isMapping())
    return fail("Property 'SchemaRegistryConfig' should be a map.", nullptr);
  for (const char* field : {"SchemaRegistryURI", "EventRecordFormat", "SchemaValidationConfigs"}) {
    if (!config->has(field))
      return fail("Missing required field " + std::string(field) + " in SchemaRegistryConfig",
                  nullptr);
  }
  const Node* format = config->get("EventRecordFormat");
  if (!format->isString("JSON") && !format->isString("SOURCE"))
    return fail("EventRecordFormat in SchemaRegistryConfig must be either 'JSON' or 'SOURCE'",
                format);
  const Node* validation = config->get("SchemaValidationConfigs");
  if (!validation->isSequence()) return fail("SchemaValidationConfigs must be a list", validation);
  const Node* access = config->get("AccessConfigs");
  if (!truthy(access)) return std::nullopt;
  if (!access->isSequence())
    return fail("AccessConfigs in SchemaRegistryConfig must be a list", access);
  for (const Node& entry : access->items()) {
    if (!entry.isMapping() || !entry.has("Type") || !entry.has("URI"))
      return fail("Each AccessConfig must be a dict with 'Type' and 'URI' fields", &entry);
  }
  return std::nullopt;
}

// SelfManagedKafka.get_policy_statements and get_secret_key.
std::optional<SamProblem> selfManagedKafkaProblem(const Node& props, const std::string& name) {
  auto fail = [&](const std::string& text, const Node* node) {
    return eventProblem("pull-event-self-managed-kafka", name, text, node);
  };
  const Node* servers = props.get("KafkaBootstrapServers");
  if (!truthy(servers))
    return fail("No KafkaBootstrapServers provided for self managed kafka as an event source",
                servers);
  const Node* topics = props.get("Topics");
  if (!truthy(topics))
    return fail("No Topics provided for self managed kafka as an event source", topics);
  // len() of a one-key intrinsic mapping is 1 too.
  if (topics->size() != 1)
    return fail("Topics for self managed kafka only supports single configuration entry.", topics);
  const Node* configs = props.get("SourceAccessConfigurations");
  if (!truthy(configs))
    return fail("No SourceAccessConfigurations for self managed kafka event provided.", configs);
  if (!configs->isSequence())
    return fail("SourceAccessConfigurations for self managed kafka event should be a list.",
                configs);
  static constexpr std::string_view kAuth[] = {"SASL_SCRAM_256_AUTH", "SASL_SCRAM_512_AUTH",
                                               "BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH"};
  bool subnet = false;
  bool securityGroup = false;
  const Node* authUri = nullptr;
  for (const Node& config : configs->items()) {
    if (!config.isMapping()) {
      // sam_expect without is_sam_event: the event's own ID, not wrapped by the function's.
      return problem("pull-event-self-managed-kafka",
                     "Property 'SourceAccessConfigurations' should be a map.", &config, name);
    }
    const Node* type = config.get("Type");
    const Node* uri = config.get("URI");
    auto uriProblem = [&](const std::string& what) -> std::optional<SamProblem> {
      if (!truthy(uri))
        return fail("No " + what +
                        " URI property specified in SourceAccessConfigurations for self managed "
                        "kafka event.",
                    &config);
      if (!uri->isString() && !samIntrinsic(*uri))
        return fail("Wrong Type for " + what +
                        " URI property specified in SourceAccessConfigurations for self managed "
                        "kafka event.",
                    uri);
      return std::nullopt;
    };
    std::optional<SamProblem> found;
    if (type && type->isString("VPC_SUBNET")) {
      found = uriProblem("VPC_SUBNET");
      subnet = true;
    } else if (type && type->isString("VPC_SECURITY_GROUP")) {
      found = uriProblem("VPC_SECURITY_GROUP");
      securityGroup = true;
    } else if (type && type->isString() &&
               std::find(std::begin(kAuth), std::end(kAuth), type->text()) != std::end(kAuth)) {
      if (truthy(authUri))
        return fail(
            "Multiple auth mechanism properties specified in SourceAccessConfigurations for self "
            "managed kafka event.",
            type);
      found = uriProblem("auth mechanism");
      authUri = uri;
    } else if (type && type->isString("SERVER_ROOT_CA_CERTIFICATE")) {
      found = uriProblem("SERVER_ROOT_CA_CERTIFICATE");
    } else {
      return fail("Invalid SourceAccessConfigurations Type provided for self managed kafka event.",
                  type ? type : &config);
    }
    if (found) return found;
  }
  if (subnet != securityGroup)
    return fail(
        "VPC_SUBNET and VPC_SECURITY_GROUP in SourceAccessConfigurations for SelfManagedKafka "
        "must be both provided.",
        configs);
  if (auto kms = kmsKeyIdProblem(props, name)) return kms;
  return schemaRegistryProblem(props, name);
}

}  // namespace

bool isPullEventType(std::string_view type) { return pullSource(type) != nullptr; }

std::optional<SamProblem> pullEventReadProblem(std::string_view type, const Node& event,
                                               const std::string& functionId,
                                               const std::string& name) {
  const PullSource* source = pullSource(type);
  if (!source) return std::nullopt;
  std::string id = functionId + name;
  const Node* props = event.get("Properties");
  if (props && !props->isMapping())
    return problem("pull-event-properties-not-map", "Properties of a resource must be an object.",
                   props, id);
  if (const model::MapEntry* unknown = firstUndeclaredProperty(props, source->types)) {
    return problem("pull-event-property-unknown",
                   "property " + unknown->key.text() + " not defined for resource of type " +
                       std::string(type),
                   &unknown->key, id);
  }
  if (std::optional<PropertyFault> fault = firstPropertyFault(props, source->types)) {
    if (!fault->value)
      return problem("event-missing-property", std::move(fault->message), props ? props : &event,
                     id);
    return problem("pull-event-property-type", std::move(fault->message), fault->value, id);
  }
  return std::nullopt;
}

namespace {

std::optional<SamProblem> pullEventTransformProblem(std::string_view type, const Node& props,
                                                    const std::string& functionId,
                                                    const std::string& name) {
  std::string id = functionId + name;
  // PullEventSource._validate_filter_criteria.
  if (const Node* filter = props.get("FilterCriteria");
      truthy(filter) && !samIntrinsic(*filter) &&
      !(filter->isMapping() && filter->size() == 1 && filter->entries()[0].key.isString("Filters")))
    return eventProblem("pull-event-filter-criteria", name,
                        "FilterCriteria field has a wrong format", filter);
  if (const Node* group = props.get("ConsumerGroupId");
      truthy(group) && type != "MSK" && type != "SelfManagedKafka")
    return eventProblem(
        "pull-event-consumer-group", id,
        "Property ConsumerGroupId not defined for resource of type " + std::string(type) + ".",
        group);
  if (const Node* destination = props.get("DestinationConfig"); truthy(destination)) {
    const Node* onFailure = destination->get("OnFailure");
    if (!onFailure || !onFailure->isMapping())
      return eventProblem("pull-event-destination", id,
                          "Property 'DestinationConfig.OnFailure' should be a map.",
                          onFailure ? onFailure : destination);
    const Node* destinationType = onFailure->get("Type");
    if (truthy(destinationType) && !destinationType->isString("SQS") &&
        !destinationType->isString("SNS") && !destinationType->isString("S3") &&
        !destinationType->isString("Kafka"))
      return eventProblem("pull-event-destination", id,
                          "The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'",
                          destinationType);
  }
  if (type == "MSK") return schemaRegistryProblem(props, name);
  if (type == "MQ" || type == "DocumentDB") {
    auto auth = type == "MQ" ? basicAuthProblem(type, props, name, {"BASIC_AUTH", "VIRTUAL_HOST"})
                             : basicAuthProblem(type, props, name, {"BASIC_AUTH"});
    if (auth) return auth;
    return kmsKeyIdProblem(props, name);
  }
  if (type == "SelfManagedKafka") return selfManagedKafkaProblem(props, name);
  return std::nullopt;
}

}  // namespace

std::vector<const model::MapEntry*> eventsInTransformOrder(const Node& events) {
  std::vector<const model::MapEntry*> order;
  if (!events.isMapping()) return order;
  static const std::string kDefaultPath = kHttpApiDefaultPath;
  auto key = [](const model::MapEntry* event) -> const std::string& {
    const Node* props = event->value.isMapping() ? event->value.get("Properties") : nullptr;
    // ImplicitHttpApiPlugin has given a default-route HttpApi event its Path by then.
    const Node* type = event->value.isMapping() ? event->value.get("Type") : nullptr;
    if (type && type->isString("HttpApi") && isHttpApiDefaultRoute(props)) return kDefaultPath;
    const Node* path = props && props->isMapping() ? props->get("Path") : nullptr;
    return path && path->isString() ? path->text() : event->key.text();
  };
  for (const model::MapEntry& event : events.entries()) order.push_back(&event);
  std::stable_sort(order.begin(), order.end(),
                   [&](const auto* a, const auto* b) { return key(a) < key(b); });
  return order;
}

std::optional<SamProblem> pullEventsTransformProblem(const Node& functionProperties,
                                                     const std::string& functionId) {
  const Node* events = functionProperties.get("Events");
  if (!events) return std::nullopt;
  static const Node kEmpty = Node::mapping();
  for (const model::MapEntry* event : eventsInTransformOrder(*events)) {
    const Node* type = event->value.isMapping() ? event->value.get("Type") : nullptr;
    if (!type || !type->isString() || !isPullEventType(type->text())) continue;
    const Node* props = event->value.get("Properties");
    if (auto found = pullEventTransformProblem(type->text(), props ? *props : kEmpty, functionId,
                                               event->key.text()))
      return found;
  }
  return std::nullopt;
}

}  // namespace samshift::sam
