#include "sam/api_event_link.h"

#include <string>

#include "model/intrinsics.h"

namespace samshift::sam {

using model::Node;

std::optional<SamProblem> apiEventLinkProblem(const model::Template& templ, const Node& event) {
  const Node* props = event.get("Properties");
  const Node* restApiId = props && props->isMapping() ? props->get("RestApiId") : nullptr;
  if (!restApiId) return std::nullopt;
  // Api.get_rest_api_id_string: the Ref's name, or the string itself.
  std::optional<std::string> name;
  if (restApiId->isString()) {
    name = restApiId->text();
  } else if (auto ref = model::refName(*restApiId)) {
    name = std::string(*ref);
  }
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
      if (name->isString()) {
        const model::ResourceView* api = templ.resource(name->text());
        // A name that is not an AWS::Serverless::Api gets another message, not modelled here.
        if (name->text() != "ServerlessRestApi" && (!api || api->type != "AWS::Serverless::Api"))
          return std::nullopt;
        continue;
      }
      ++failing;
      own = SamProblem{"api-event-rest-api-id-type",
                       "Event with id [" + entry.key.text() +
                           "] is invalid. Property 'RestApiId' should be a string.",
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
