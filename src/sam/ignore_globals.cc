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

// Python's str() of a list item that is not a key of any Globals section (which are strings);
// nullopt for one samshift does not spell as Python does (a float) or that Python cannot look up
// (a list or mapping: unhashable, the translator fails).
std::optional<std::string> pythonItemText(const Node& item) {
  if (item.isInt()) return std::to_string(item.intValue());
  if (item.isBool()) return item.boolValue() ? "True" : "False";
  if (item.isNull()) return "None";
  return std::nullopt;
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
      if (item.isString() && section->has(item.text())) continue;
      std::optional<std::string> text = item.isString() ? item.text() : pythonItemText(item);
      if (!text) break;  // left to expand, which does not support it
      return ignoreGlobalsProblem(resource, " on item '" + *text + "'", &item);
    }
  }
  return std::nullopt;
}

bool ignoreGlobalsUnderstood(const model::ResourceView& resource) {
  const Node* ignore = ignoreGlobalsOf(resource);
  if (!ignore || ignore->isString()) return true;
  if (!ignore->isSequence()) return !pythonTruthy(*ignore);
  for (const Node& item : ignore->items()) {
    if (!item.isString() && !pythonItemText(item)) return false;
  }
  return true;
}

}  // namespace samshift::sam
