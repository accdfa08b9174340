#pragma once
// What SAM rejects when it links a function's Api event to its REST API
// (model/eventsources/push.py Api.resources_to_link_for_rest_api).

#include <optional>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// An explicit API whose StageName is the empty string: "StageName cannot be empty.", under the
// API's logical ID. nullopt otherwise.
std::optional<SamProblem> apiEventLinkProblem(const model::Template& templ,
                                              const model::Node& event);

}  // namespace samshift::sam
