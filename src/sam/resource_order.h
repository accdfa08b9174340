#pragma once
// The order in which SAM meets a template's resources. Once SAM has made a template with an API
// Python 2.7-compatible (utils/py27hash_fix.py to_py27_compatible_template), its Resources is a
// Py27Dict, which iterates in Python 2.7's hash order, and the implicit API plugins add (and may
// remove) ServerlessRestApi and ServerlessHttpApi. docs/sam-semantics.md §2.6.

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"

namespace samshift::sam {

// Sorts `resources`, already in SAM's transform order (sam::transformOrder), in the order the
// translator meets them within each kind (_get_resources_to_iterate over the Py27Dict, when
// samConvertsToPy27).
void orderAsTranslatorIterates(const model::Template& templ,
                               std::vector<const model::ResourceView*>& resources);

// The serverless resources in the order SAM's translator transforms them: transformOrder, then
// orderAsTranslatorIterates.
std::vector<const model::ResourceView*> translatorOrder(const model::Template& templ);

// The logical IDs as the implicit REST API plugin iterates them (its ServerlessRestApi added).
std::vector<std::string> implicitApiPluginOrder(const model::Template& templ);

// SamFunction.order_events: a function's events (a Py27Dict when `py27`) sorted stably by their
// Path, or by their name when they have none. nullopt when Python could not compare the keys (a
// Path that is not a string beside another event).
std::optional<std::vector<const model::MapEntry*>> functionEventOrder(const model::Node& events,
                                                                      bool py27);

}  // namespace samshift::sam
