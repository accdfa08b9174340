#pragma once
// `samshift expand`: the SAM transform for what samshift supports. The result is a plain
// CloudFormation template, SAM's rejection (every cause, with the node that causes it), or the
// name of the first feature samshift cannot expand yet.

#include <optional>
#include <string>
#include <vector>

#include "core/source_file.h"
#include "expand/context.h"
#include "model/node.h"
#include "sam/parameter_values.h"

namespace samshift::expand {

struct ExpandResult {
  model::Node output;
  std::vector<ExpandError> errors;         // non-empty: SAM rejects the template
  std::optional<std::string> unsupported;  // set: samshift cannot expand it yet
};

ExpandResult expandTemplate(const model::Node& root, const sam::ParameterValues& params);

// SAM's overall rejection message for `errors` (in the order given, de-duplicated).
std::string overallErrorMessage(const std::vector<ExpandError>& errors);

}  // namespace samshift::expand
