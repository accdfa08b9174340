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

// SAM's Resource.__setattr__ while it reads the resource: the first property (in the merged
// properties' order) that the resource type does not declare. Only for the types whose
// declarations samshift lists (AWS::Serverless::Function, AWS::Serverless::CapacityProvider);
// nullopt for the others.
// A key written only in Globals is not reported: SAM rejects the Globals section first
// (validateSamTemplate), so only keys of `own` (the resource's Properties) are.
std::optional<SamProblem> undeclaredPropertyProblem(const model::Node& props,
                                                    const model::Node* own,
                                                    std::string_view resourceType);

}  // namespace samshift::sam
