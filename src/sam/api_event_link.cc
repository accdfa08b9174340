#include "sam/api_event_link.h"

#include <string>

#include "model/intrinsics.h"

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

std::optional<SamProblem> implicitApiPluginProblem(const model::Template& templ) {
  std::optional<SamProblem> found;
  for (const model::ResourceView& resource : templ.resources()) {
    // The plugin's errors and those of ServerlessAppPlugin, which runs first, are not ordered here.
    if (resource.type == "AWS::Serverless::Application") return std::nullopt;
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
      const Node* props = entry.value.get("Properties");
      if (!props || !props->isMapping()) return std::nullopt;  // not modelled
      const Node* path = props->get("Path");
      const Node* method = props->get("Method");
      const Node* restApiId = props->get("RestApiId");
      if (!path || path->isNull() || !method || method->isNull()) return std::nullopt;
      if (!restApiId) continue;
      const Node* name = restApiId;
      if (restApiId->isMapping() && restApiId->has("Ref")) name = restApiId->get("Ref");
      // A parameter's Ref SAM resolves first to a value not modelled here.
      if (name->isString() && name != restApiId && templ.parameter(name->text()))
        return std::nullopt;
      std::string message = "Property 'RestApiId' should be a string.";
      const char* code = "api-event-rest-api-id-type";
      if (name->isString()) {
        // _add_api_to_swagger: the plugin's own API, or a resource of the template that is not an
        // HttpApi; what SAM does later with another type is not modelled here.
        const model::ResourceView* api = templ.resource(name->text());
        if (name->text() == "ServerlessRestApi" || (api && api->type == "AWS::Serverless::Api"))
          continue;
        if (api && api->type != "AWS::Serverless::HttpApi") return std::nullopt;
        message =
            "RestApiId must be a valid reference to an 'AWS::Serverless::Api' resource in same "
            "template.";
        code = "api-event-rest-api-id-reference";
      }
      ++failing;
      own = SamProblem{code, "Event with id [" + entry.key.text() + "] is invalid. " + message,
                       restApiId, true, std::string(resource.id)};
    }
    if (failing == 0) continue;
    // SAM stops a resource at its first failing event, in Python 2.7 order: one is unambiguous.
    if (failing > 1 || found) return std::nullopt;
    found = std::move(own);
  }
  return found;
}

}  // namespace samshift::sam
