#pragma once
// The types SAM checks while it reads a function (SamFunction.property_types, checked by
// Resource.validate_properties in declaration order), for the properties no other check of
// src/sam reads first.

#include <functional>
#include <optional>
#include <string_view>

#include "model/node.h"
#include "sam/validation.h"

namespace samshift::sam {

// The first declared property of `props` (merged with Globals) whose value SAM's type rejects,
// as problem `property-type` at `source(name)`. A one-key mapping passes any type (SAM takes it
// for an intrinsic), and so does null.
std::optional<SamProblem> declaredTypeProblem(
    const model::Node& props, const std::function<const model::Node*(std::string_view)>& source);

}  // namespace samshift::sam
