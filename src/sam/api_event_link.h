#pragma once
// What SAM rejects when it links a function's Api event to its REST API
// (model/eventsources/push.py Api.resources_to_link_for_rest_api).

#include <optional>
#include <string>

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

// The implicit REST API plugin's rejection of an Api event whose RestApiId (or the name its Ref
// gives) is not a string, or names no resource or an HttpApi (plugins/api/implicit_api_plugin.py
// _validate_api_event, _add_api_to_swagger), which stops the
// transform before the Globals plugin. Only when exactly one function or state machine has such an
// event and no other check of that plugin is in doubt; nullopt otherwise.
std::optional<SamProblem> implicitApiPluginProblem(const model::Template& templ);

}  // namespace samshift::sam
