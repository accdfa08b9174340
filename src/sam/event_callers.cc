#include "sam/event_callers.h"

#include "sam/function_callers.h"
#include "sam/http_api_events.h"
#include "sam/pull_events.h"

namespace samshift::sam {

namespace {

using model::Node;

// The property of each event type that names the caller (model/eventsources/*.py).
std::string_view sourceProperty(std::string_view type) {
  if (type == "SQS") return "Queue";
  if (type == "Kinesis" || type == "DynamoDB" || type == "MSK") return "Stream";
  if (type == "MQ") return "Broker";
  if (type == "DocumentDB") return "Cluster";
  if (type == "SelfManagedKafka") return "Topics";
  if (type == "SNS") return "Topic";
  if (type == "S3") return "Bucket";
  if (type == "Schedule" || type == "ScheduleV2") return "Schedule";
  if (type == "CloudWatchEvent" || type == "EventBridgeRule") return "Pattern";
  if (type == "CloudWatchLogs") return "LogGroupName";
  if (type == "IoTRule") return "Sql";
  if (type == "Cognito") return "UserPool";
  return {};
}

// The API a route is added to: the Ref (or name) of RestApiId/ApiId, else the implicit API.
std::string apiOf(const Node* properties, std::string_view key, std::string_view implicit) {
  const Node* id = properties ? properties->get(key) : nullptr;
  return id ? referencedId(id) : std::string(implicit);
}

std::string textOf(const Node* value) {
  return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

}  // namespace

bool hasExtraRestApiStage(const Node& properties) {
  const Node* version = properties.isMapping() ? properties.get("OpenApiVersion") : nullptr;
  return !version || !pythonTruthy(*version);
}

std::vector<SamEventCaller> samEventCallers(const Node& properties,
                                            const std::optional<DeploymentModel>& model) {
  std::vector<SamEventCaller> out;
  SamEventCaller base;
  base.throughAlias =
      model && model->autoPublishAlias.present() && pythonTruthy(*model->autoPublishAlias.node);
  if (base.throughAlias) base.alias = model->aliasName().value_or("");
  const Node* events = properties.isMapping() ? properties.get("Events") : nullptr;
  std::vector<const model::MapEntry*> ordered;
  if (events && events->isMapping()) ordered = eventsInTransformOrder(*events);
  for (const model::MapEntry* entry : ordered) {
    const Node& event = entry->value;
    const Node* type = event.isMapping() ? event.get("Type") : nullptr;
    if (!type || !type->isString()) continue;
    const Node* eventProperties = event.get("Properties");
    if (eventProperties && !eventProperties->isMapping()) eventProperties = nullptr;
    SamEventCaller caller = base;
    caller.name = entry->key.text();
    caller.type = type->text();
    caller.node = &event;
    if (caller.type == "Api") {
      caller.api = apiOf(eventProperties, "RestApiId", kImplicitRestApiId);
      caller.method =
          httpMethodName(textOf(eventProperties ? eventProperties->get("Method") : nullptr));
      caller.path = textOf(eventProperties ? eventProperties->get("Path") : nullptr);
    } else if (caller.type == "HttpApi") {
      caller.api = apiOf(eventProperties, "ApiId", kImplicitHttpApiId);
      if (isHttpApiDefaultRoute(eventProperties)) {
        caller.method = "ANY";
        caller.path = kHttpApiDefaultPath;
      } else {
        caller.method = httpMethodName(textOf(eventProperties->get("Method")));
        caller.path = textOf(eventProperties->get("Path"));
      }
    } else if (std::string_view key = sourceProperty(caller.type); !key.empty()) {
      caller.source = eventProperties ? eventProperties->get(key) : nullptr;
    }
    out.push_back(std::move(caller));
  }
  if (const Node* url = properties.isMapping() ? properties.get("FunctionUrlConfig") : nullptr;
      url && url->isMapping()) {
    SamEventCaller caller = base;
    caller.name = "FunctionUrlConfig";
    caller.type = "FunctionUrl";
    caller.node = url;
    out.push_back(std::move(caller));
  }
  return out;
}

}  // namespace samshift::sam
