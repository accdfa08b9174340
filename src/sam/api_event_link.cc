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

}  // namespace samshift::sam
