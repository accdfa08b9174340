#include "sam/api_event_link.h"

#include <string>

#include "model/intrinsics.h"
#include "sam/deployment_model.h"

namespace samshift::sam {

using model::Node;

std::optional<std::string> restApiIdName(const Node& restApiId) {
  if (restApiId.isString()) return restApiId.text();
  if (auto ref = model::refName(restApiId)) return std::string(*ref);
  return std::nullopt;
}

std::optional<SamProblem> apiEventLinkProblem(const model::Template& templ, const Node& event) {
  const Node* props = event.get("Properties");
  const Node* restApiId = props && props->isMapping() ? props->get("RestApiId") : nullptr;
  if (!restApiId) return std::nullopt;
  std::optional<std::string> name = restApiIdName(*restApiId);
  const model::ResourceView* api = name ? templ.resource(*name) : nullptr;
  if (!api || !api->properties || !api->properties->isMapping()) return std::nullopt;
  const Node* stage = api->properties->get("StageName");
  if (!stage || !stage->isString() || !stage->text().empty()) return std::nullopt;
  return SamProblem{"api-stage-name-empty", "StageName cannot be empty.", stage, true, *name};
}

namespace {

// _process_api_events on one event (implicit_rest_api_plugin.py): its Properties, then
// _validate_api_event (Path and Method given, RestApiId, Path and Method strings), then
// _add_api_to_swagger's RestApiId. nullopt when it passes; `unknown` when samshift cannot tell.
std::optional<SamProblem> implicitApiEventProblem(const model::Template& templ,
                                                  const model::ResourceView& resource,
                                                  const model::MapEntry& event, bool& unknown) {
  const Node* props = event.value.get("Properties");
  if (!props || !pythonTruthy(*props)) return std::nullopt;
  auto rejection = [&](const char* code, const std::string& message, const Node* node) {
    return SamProblem{code, "Event with id [" + event.key.text() + "] is invalid. " + message, node,
                      true, std::string(resource.id)};
  };
  if (!props->isMapping())
    return rejection("api-event-properties", "Properties should be a map.", props);
  const Node* path = props->get("Path");
  const Node* method = props->get("Method");
  if (!path || path->isNull())
    return rejection("api-event-properties", "Property 'Path' is required.", props);
  if (!method || method->isNull())
    return rejection("api-event-properties", "Property 'Method' is required.", props);
  const Node* restApiId = props->get("RestApiId");
  const Node* name = restApiId;
  if (restApiId && restApiId->isMapping() && restApiId->has("Ref")) name = restApiId->get("Ref");
  // A parameter's Ref SAM resolves first to a value not modelled here.
  if (name && name->isString() && name != restApiId && templ.parameter(name->text())) {
    unknown = true;
    return std::nullopt;
  }
  if (name && !name->isString()) {
    return rejection("api-event-rest-api-id-type", "Property 'RestApiId' should be a string.",
                     restApiId);
  }
  if (!path->isString())
    return rejection("api-event-properties", "Property 'Path' should be a string.", path);
  if (!method->isString())
    return rejection("api-event-properties", "Property 'Method' should be a string.", method);
  if (!name) return std::nullopt;
  // _add_api_to_swagger: the plugin's own API, or a resource of the template that is not an
  // HttpApi; what SAM does later with another type is not modelled here.
  const model::ResourceView* api = templ.resource(name->text());
  if (name->text() == "ServerlessRestApi" || (api && api->type == "AWS::Serverless::Api"))
    return std::nullopt;
  if (api && api->type != "AWS::Serverless::HttpApi") {
    unknown = true;
    return std::nullopt;
  }
  return rejection("api-event-rest-api-id-reference",
                   "RestApiId must be a valid reference to an 'AWS::Serverless::Api' resource "
                   "in same template.",
                   restApiId);
}

}  // namespace

std::vector<SamProblem> implicitApiPluginProblems(const model::Template& templ) {
  std::vector<SamProblem> found;
  for (const model::ResourceView& resource : templ.resources()) {
    // The plugin's errors and those of ServerlessAppPlugin, which runs first, are not ordered here.
    if (resource.type == "AWS::Serverless::Application") return {};
    if (resource.type != "AWS::Serverless::Function" &&
        resource.type != "AWS::Serverless::StateMachine")
      continue;
    const Node* events = resource.property("Events");
    if (!events || !events->isMapping()) continue;
    int failing = 0;
    std::optional<SamProblem> own;
    for (const model::MapEntry& entry : events->entries()) {
      const Node* type = entry.value.isMapping() ? entry.value.get("Type") : nullptr;
      if (!type || !type->isString("Api")) continue;
      bool unknown = false;
      std::optional<SamProblem> problem = implicitApiEventProblem(templ, resource, entry, unknown);
      if (unknown) return {};
      if (!problem) continue;
      ++failing;
      own = std::move(problem);
    }
    if (failing == 0) continue;
    // SAM stops a resource at its first failing event, in Python 2.7 order: one is unambiguous.
    if (failing > 1) return {};
    found.push_back(std::move(*own));
  }
  return found;
}

}  // namespace samshift::sam
