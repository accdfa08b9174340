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

PropertyValidator dictOf(PropertyValidator key, PropertyValidator item) {
  return [key = std::move(key), item = std::move(item)](const Node& value) {
    if (!value.isMapping()) return false;
    return std::all_of(value.entries().begin(), value.entries().end(),
                       [&](const MapEntry& entry) { return key(entry.key) && item(entry.value); });
  };
}

bool passesAsIntrinsic(const Node& value) { return value.isMapping() && value.size() == 1; }

std::string propertyTypeMessage(const SamPropertyType& type) {
  std::string name(type.name);
  using PlainValidator = bool (*)(const Node&);
  const PlainValidator* plain = type.valid.target<PlainValidator>();
  if (plain && *plain == &isSamMap) return "Property '" + name + "' should be a map.";
  if (plain && *plain == &isSamString) return "Property '" + name + "' should be a string.";
  return "Type of property '" + name + "' is invalid.";
}

std::string missingPropertyMessage(std::string_view name) {
  return "Missing required property '" + std::string(name) + "'.";
}

std::optional<PropertyFault> firstPropertyFault(const Node* props,
                                                std::span<const SamPropertyType> types) {
  for (const SamPropertyType& type : types) {
    const Node* value = props && props->isMapping() ? props->get(type.name) : nullptr;
    if (!value || value->isNull()) {
      if (type.required) return PropertyFault{&type, nullptr, missingPropertyMessage(type.name)};
      continue;
    }
    if (type.supportsIntrinsics && passesAsIntrinsic(*value)) continue;
    if (!type.valid || type.valid(*value)) continue;
    return PropertyFault{&type, value, propertyTypeMessage(type)};
  }
  return std::nullopt;
}

const SamPropertyType* findPropertyType(std::span<const SamPropertyType> types,
                                        std::string_view name) {
  for (const SamPropertyType& type : types) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

const MapEntry* firstUndeclaredProperty(const Node* props, std::span<const SamPropertyType> types) {
  if (!props || !props->isMapping()) return nullptr;
  for (const MapEntry& entry : props->entries()) {
    if (!entry.key.isString() || !findPropertyType(types, entry.key.text())) return &entry;
  }
  return nullptr;
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
  if (const MapEntry* unknown = unknownKeys ? firstUndeclaredProperty(&props, types) : nullptr) {
    const std::string& name = unknown->key.text();
    out.push_back(resourceProblem(
        "resource-property-unknown",
        "property " + name + " not defined for resource of type " + std::string(resource.type),
        writtenKey(templ, resource, name)));
    return true;
  }
  std::optional<PropertyFault> fault = firstPropertyFault(&props, types);
  if (!fault) return false;
  out.push_back(resourceProblem(
      fault->value ? "resource-property-type" : "resource-property-required",
      std::move(fault->message), propertySource(templ, resource, fault->type->name)));
  return true;
}

}  // namespace samshift::sam
