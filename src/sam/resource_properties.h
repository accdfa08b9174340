#pragma once
// SAM's checks of a resource's properties as its model reads them (samtranslator/model/__init__.py
// Resource.from_dict): a key the resource type does not declare ("property X not defined for
// resource of type T", met while SAM sets the properties in the order written), then each declared
// property in declaration order: a required one that is missing or null, a value its validator
// refuses. A one-key mapping passes as an intrinsic when the property supports intrinsics.

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// What SAM's PropertyType validators accept (samtranslator/model/types.py).
using PropertyValidator = std::function<bool(const model::Node&)>;

bool isSamString(const model::Node& value);
bool isSamMap(const model::Node& value);
bool isSamList(const model::Node& value);
// Python's int, which a bool is too.
bool isSamInt(const model::Node& value);
bool isSamBool(const model::Node& value);
PropertyValidator oneOf(std::vector<PropertyValidator> validators);
PropertyValidator listOf(PropertyValidator item);
// A mapping whose values all pass `item` (SAM's keys are always strings).
PropertyValidator dictOf(PropertyValidator item);

// A problem of the resource itself, which SAM prefixes with "Resource with id [X] is invalid.".
SamProblem resourceProblem(std::string code, std::string message, const model::Node* node);

// One entry of a SAM resource class's property_types.
struct SamPropertyType {
  std::string_view name;
  bool required = false;
  PropertyValidator valid;  // empty: any value (PassThroughProperty)
  // SAM's ExpectedType text for the message "Property 'X' should be a <expected>." ("map",
  // "string"); empty for "Type of property 'X' is invalid.".
  std::string_view expected;
  bool supportsIntrinsics = true;
};

// The first problem SAM meets in `props` (the resource's properties after Globals), appended to
// `out` with its node; nothing when SAM accepts them. Returns true when it found one.
// `unknownKeys`: false for a resource class with validate_setattr off, which takes any key here.
bool checkSamPropertyTypes(const model::Template& templ, const model::ResourceView& resource,
                           const model::Node& props, std::span<const SamPropertyType> types,
                           std::vector<SamProblem>& out, bool unknownKeys = true);

}  // namespace samshift::sam
