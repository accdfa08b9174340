#include "sam/resource_properties.h"

#include <algorithm>
#include <string>

#include "sam/globals.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

SamProblem resourceProblem(std::string code, std::string message, const Node* node) {
  return SamProblem{std::move(code), std::move(message), node, true, {}};
}

bool isSamString(const Node& value) { return value.isString(); }
bool isSamMap(const Node& value) { return value.isMapping(); }
bool isSamList(const Node& value) { return value.isSequence(); }
bool isSamInt(const Node& value) { return value.isInt() || value.isBool(); }
bool isSamBool(const Node& value) { return value.isBool(); }

PropertyValidator oneOf(std::vector<PropertyValidator> validators) {
  return [validators = std::move(validators)](const Node& value) {
    return std::any_of(validators.begin(), validators.end(),
                       [&](const PropertyValidator& valid) { return valid(value); });
  };
}

PropertyValidator listOf(PropertyValidator item) {
  return [item = std::move(item)](const Node& value) {
    if (!value.isSequence()) return false;
    return std::all_of(value.items().begin(), value.items().end(), item);
  };
}

PropertyValidator dictOf(PropertyValidator item) {
  return [item = std::move(item)](const Node& value) {
    if (!value.isMapping()) return false;
    return std::all_of(value.entries().begin(), value.entries().end(),
                       [&](const MapEntry& entry) { return item(entry.value); });
  };
}

namespace {

// Where the user wrote property `name`: its key in Properties, else its value in Globals (the
// merged properties are a copy, whose nodes do not outlive the check).
const Node* writtenKey(const model::Template& templ, const model::ResourceView& resource,
                       const std::string& name) {
  if (resource.properties && resource.properties->isMapping()) {
    for (const MapEntry& entry : resource.properties->entries()) {
      if (entry.key.text() == name) return &entry.key;
    }
  }
  return propertySource(templ, resource, name);
}

}  // namespace

bool checkSamPropertyTypes(const model::Template& templ, const model::ResourceView& resource,
                           const Node& props, std::span<const SamPropertyType> types,
                           std::vector<SamProblem>& out, bool unknownKeys) {
  auto declared = [&](const std::string& name) {
    return std::any_of(types.begin(), types.end(),
                       [&](const SamPropertyType& type) { return type.name == name; });
  };
  for (const MapEntry& entry : props.entries()) {
    const std::string& name = entry.key.text();
    if (!unknownKeys || declared(name)) continue;
    out.push_back(resourceProblem(
        "resource-property-unknown",
        "property " + name + " not defined for resource of type " + std::string(resource.type),
        writtenKey(templ, resource, name)));
    return true;
  }
  for (const SamPropertyType& type : types) {
    const Node* value = props.get(type.name);
    const Node* source = propertySource(templ, resource, type.name);
    bool intrinsic = value && value->isMapping() && value->entries().size() == 1;
    if (type.supportsIntrinsics && intrinsic) continue;
    if (!value || value->isNull()) {
      if (!type.required) continue;
      out.push_back(resourceProblem("resource-property-required",
                                    "Missing required property '" + std::string(type.name) + "'.",
                                    source));
      return true;
    }
    if (!type.valid || type.valid(*value)) continue;
    std::string name(type.name);
    out.push_back(resourceProblem(
        "resource-property-type",
        type.expected.empty()
            ? "Type of property '" + name + "' is invalid."
            : "Property '" + name + "' should be a " + std::string(type.expected) + ".",
        source));
    return true;
  }
  return false;
}

}  // namespace samshift::sam
