#pragma once
// `--parameter-overrides`, read the same way by every command that resolves parameters, in both
// `sam deploy` spellings: `Key=Value` and `ParameterKey=Key,ParameterValue=Value`, quoted as the
// shell would (`Key='a b'`), several pairs in one argument or as separate arguments, the option
// repeatable.
//
// Which arguments are pairs, predictably: the option's value always is (every word of it must be
// a pair); after it, each argument that is a pair and no existing file is one too, and the first
// argument that is not (an option, `-`, a word without `=`, an existing file) ends the list. So
// `--parameter-overrides Stage=prod env=prod/template.yaml` leaves the template alone, and a
// template named first or after `--` is never in doubt.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/arguments.h"
#include "core/result.h"
#include "model/template.h"

namespace samshift::cli {

using ParameterOverrides = std::vector<std::pair<std::string, std::string>>;

// When the current argument is `--parameter-overrides`, consumes it with its values and adds the
// pairs to `out` (a usage error for a word that is no pair, or an unclosed quote); nullopt when
// it is another argument.
std::optional<core::Status> readParameterOverrides(Arguments& args, ParameterOverrides& out);

// The overridden keys the template does not declare as parameters, in the order given.
// CloudFormation rejects a deployment that names one.
std::vector<std::string> unknownParameters(const model::Template& templ,
                                           const ParameterOverrides& overrides);

// "`Stge` is not a parameter of t.yaml (its parameters: Stage, Env)" for the keys given.
std::string describeUnknownParameters(const model::Template& templ,
                                      const std::vector<std::string>& unknown,
                                      const std::string& templateName);

}  // namespace samshift::cli
