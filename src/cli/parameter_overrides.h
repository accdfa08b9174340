#pragma once
// `--parameter-overrides`, read the same way by every command that resolves parameters, in both
// `sam deploy` spellings: `Key=Value` and `ParameterKey=Key,ParameterValue=Value`, several pairs
// in one quoted argument or as separate arguments, the option repeatable.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/arguments.h"
#include "core/result.h"

namespace samshift::cli {

using ParameterOverrides = std::vector<std::pair<std::string, std::string>>;

// When the current argument is `--parameter-overrides`, consumes it with its values and adds the
// pairs to `out` (a usage error for a word that is no pair); nullopt when it is another argument.
std::optional<core::Status> readParameterOverrides(Arguments& args, ParameterOverrides& out);

}  // namespace samshift::cli
