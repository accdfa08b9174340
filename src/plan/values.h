#pragma once
// How plan shows template values to people. Values are resolved by sam::ParameterValues
// (resolveForDeployment: parameters, mappings, decidable Fn::If); what is left is rendered in
// short form.

#include <optional>
#include <string>

#include "model/node.h"

namespace samshift::plan {

// Short-form YAML rendering of any value (flow style, one line).
std::string shortForm(const model::Node& node);

// How a value is shown: `!Ref X` → "X", a string as is, other scalars as CloudFormation reads
// them, other intrinsics in short form ("!GetAtt Hook.Arn", "!If [Cond, a, b]").
std::string display(const model::Node& node);

// The first `Fn::If` condition name left in a resolved value (for "depends on condition X").
std::optional<std::string> undecidedCondition(const model::Node& node);

}  // namespace samshift::plan
