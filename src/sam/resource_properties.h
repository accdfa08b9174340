#pragma once
// SAM's checks of a resource's properties as its model reads them (samtranslator/model/__init__.py
// Resource.from_dict): a key the resource type does not declare ("property X not defined for
// resource of type T", met while SAM sets the properties in the order written), then each declared
// property in declaration order: a required one that is missing or null, a value its validator
// refuses. A one-key mapping passes as an intrinsic when the property supports intrinsics.

#include <functional>
#include <optional>
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
// dict_of(validate_key, validate_item): a mapping whose keys and values pass.
PropertyValidator dictOf(PropertyValidator key, PropertyValidator item);

// A problem of the resource itself, which SAM prefixes with "Resource with id [X] is invalid.".
SamProblem resourceProblem(std::string code, std::string message, const model::Node* node);

// One entry of a SAM resource class's property_types.
struct SamPropertyType {
  std::string_view name;
  bool required = false;
  PropertyValidator valid;         // empty: any value (PassThroughProperty)
  bool supportsIntrinsics = true;  // false for SAM's Property, which takes no intrinsic
};

// Resource._is_intrinsic_function: any mapping of one key passes a PropertyType's validator.
bool passesAsIntrinsic(const model::Node& value);

// InvalidResourcePropertyTypeException's text: "Property 'X' should be a map." / "… a string."
// when the validator is IS_DICT / IS_STR itself (PropertyType.EXPECTED_TYPE_BY_VALIDATOR, keyed
// by the validator's identity), else "Type of property 'X' is invalid.".
std::string propertyTypeMessage(const SamPropertyType& type);
std::string missingPropertyMessage(std::string_view name);

// What Resource.validate_properties meets first, going through `types` in their (SAM's) order:
// a required property missing or null (`value` null), or a value its validator refuses.
struct PropertyFault {
  const SamPropertyType* type;
  const model::Node* value;
  std::string message;
};
std::optional<PropertyFault> firstPropertyFault(const model::Node* props,
                                                std::span<const SamPropertyType> types);

// The entry of `types` named `name`, or null.
const SamPropertyType* findPropertyType(std::span<const SamPropertyType> types,
                                        std::string_view name);

// The first key of `props` (in the order written) that `types` does not declare: where
// Resource.from_dict stops with "property X not defined for resource of type T".
const model::MapEntry* firstUndeclaredProperty(const model::Node* props,
                                               std::span<const SamPropertyType> types);

// The first problem SAM meets in `props` (the resource's properties after Globals), appended to
// `out` with its node; nothing when SAM accepts them. Returns true when it found one.
// `unknownKeys`: false for a resource class with validate_setattr off, which takes any key here.
bool checkSamPropertyTypes(const model::Template& templ, const model::ResourceView& resource,
                           const model::Node& props, std::span<const SamPropertyType> types,
                           std::vector<SamProblem>& out, bool unknownKeys = true);

}  // namespace samshift::sam
