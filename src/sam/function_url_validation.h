#pragma once
// SAM's checks of a function's FunctionUrlConfig (sam_resources.py
// SamFunction._validate_function_url_params): AuthType, then Cors.

#include <optional>

#include "model/node.h"
#include "sam/validation.h"

namespace samshift::sam {

// The first problem SAM finds in a Python-true FunctionUrlConfig mapping (`config`, merged);
// `source` is where to report one of the config as a whole.
std::optional<SamProblem> functionUrlProblem(const model::Node& config, const model::Node* source);

}  // namespace samshift::sam
