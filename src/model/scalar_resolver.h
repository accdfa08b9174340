#pragma once
// Types a plain YAML scalar the way PyYAML's SafeLoader does (YAML 1.1), which is what the SAM
// transform and CloudFormation read templates with: `yes`/`off` are booleans, `010` is 8,
// `1e3` is a string but `1.0e+3` is a float, `190:20:30` is an int, `~` is null.

#include <string_view>

#include "model/node.h"

namespace samshift::model {

// Sets `node` to the typed value of a plain scalar.
void resolvePlainScalar(std::string_view text, Node& node);

}  // namespace samshift::model
