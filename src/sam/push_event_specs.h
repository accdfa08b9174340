#pragma once
// The properties SAM's push event sources declare (their `property_types`), in SAM's order: what
// each takes, whether it is required, whether an intrinsic passes its type check.

#include <span>
#include <string_view>

#include "sam/resource_properties.h"

namespace samshift::sam {

// The properties of event `type` of a function or (`stateMachine`) a state machine; empty for a
// type that is not a push event source checked here.
std::span<const SamPropertyType> pushEventSpecs(bool stateMachine, std::string_view type);

// The properties of a state machine's Api event (not a push event source above: the implicit
// API plugin and the API generator handle the rest of it).
std::span<const SamPropertyType> stateMachineApiEventSpecs();

}  // namespace samshift::sam
