#pragma once
// What SAM rejects when it links a function's Api event to its REST API
// (model/eventsources/push.py Api.resources_to_link_for_rest_api).

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// Api.get_rest_api_id_string: the name a RestApiId gives, as a string or the name of its Ref.
std::optional<std::string> restApiIdName(const model::Node& restApiId);

// An explicit API whose StageName is the empty string: "StageName cannot be empty.", under the
// API's logical ID. nullopt otherwise.
std::optional<SamProblem> apiEventLinkProblem(const model::Template& templ,
                                              const model::Node& event);

// The implicit REST API plugin's rejections (plugins/api/implicit_api_plugin.py and
// implicit_rest_api_plugin.py _process_api_events), which stop the transform before the Globals
// plugin: one per function or state machine, for an Api event whose Properties is not a map,
// whose Path or Method is missing or not a string, or whose RestApiId (or the name its Ref gives)
// is not a string or names no resource or an HttpApi. Only when each such resource has one
// failing Api event (SAM's event order is Python 2.7's) and no check of that plugin is in doubt;
// empty otherwise.
std::vector<SamProblem> implicitApiPluginProblems(const model::Template& templ);

}  // namespace samshift::sam
