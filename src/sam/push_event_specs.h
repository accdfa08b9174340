#pragma once
// The properties SAM's push event sources declare (their `property_types`), in SAM's order: what
// each takes, whether it is required, whether an intrinsic passes its type check.

#include <span>
#include <string_view>

namespace samshift::sam {

// The validators SAM's property types use (samtranslator/model/types.py).
enum class PropertyKind {
  kString,              // IS_STR
  kMap,                 // IS_DICT
  kBool,                // IS_BOOL
  kStringOrStringList,  // one_of(IS_STR, list_of(IS_STR))
  kBoolOrMap,           // one_of(IS_BOOL, IS_DICT)
  kStringMap,           // dict_of(IS_STR, IS_STR)
  kAny,                 // PassThroughProperty
};

struct PropertySpec {
  std::string_view name;
  bool required;
  PropertyKind kind;
  bool intrinsics = true;  // PropertyType (a one-key mapping passes); false for Property
};

// The properties of event `type` of a function or (`stateMachine`) a state machine; empty for a
// type that is not a push event source checked here.
std::span<const PropertySpec> pushEventSpecs(bool stateMachine, std::string_view type);

}  // namespace samshift::sam
