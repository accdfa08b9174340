#include "sam/ignore_globals.h"

#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::sam {

using model::Node;

namespace {

const Node* ignoreGlobalsOf(const model::ResourceView& resource) {
  return resource.node && resource.node->isMapping() ? resource.node->get("IgnoreGlobals")
                                                     : nullptr;
}

SamProblem ignoreGlobalsProblem(const model::ResourceView& resource, std::string detail,
                                const Node* node) {
  return SamProblem{"ignore-globals-invalid",
                    "Resource " + std::string(resource.id) +
                        " has invalid resource attribute 'IgnoreGlobals'" + detail + ".",
                    node, true, std::string(resource.id)};
}

}  // namespace

std::optional<SamProblem> checkIgnoreGlobals(const model::Template& templ) {
  const Node* globals = templ.globals();
  if (!globals || !globals->isMapping()) return std::nullopt;
  for (const model::ResourceView& resource : templ.resources()) {
    const Node* ignore = ignoreGlobalsOf(resource);
    // Globals.merge does nothing for a type without a Globals section.
    const Node* section = globals->get(globalsSectionFor(resource.type));
    if (!ignore || !section || !section->isMapping() || !pythonTruthy(*ignore) ||
        ignore->isString("*")) {
      continue;
    }
    if (!ignore->isSequence()) return ignoreGlobalsProblem(resource, "", ignore);
    for (const Node& item : ignore->items()) {
      if (!item.isString()) break;  // Python would compare or hash it: left to expand
      if (!section->has(item.text()))
        return ignoreGlobalsProblem(resource, " on item '" + item.text() + "'", &item);
    }
  }
  return std::nullopt;
}

bool ignoreGlobalsUnderstood(const model::ResourceView& resource) {
  const Node* ignore = ignoreGlobalsOf(resource);
  if (!ignore || ignore->isString()) return true;
  if (!ignore->isSequence()) return !pythonTruthy(*ignore);
  for (const Node& item : ignore->items()) {
    if (!item.isString()) return false;
  }
  return true;
}

}  // namespace samshift::sam
