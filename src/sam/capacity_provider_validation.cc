#include "sam/capacity_provider_validation.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "sam/resource_properties.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kCode = "capacity-provider-invalid";

// SamCapacityProvider.property_types, in SAM's order: all `Property`, which takes no intrinsic.
const SamPropertyType kCapacityProviderPropertyTypes[] = {
    {"CapacityProviderName", false, oneOf({isSamString, isSamMap}), false},
    {"VpcConfig", true, isSamMap, false},
    {"OperatorRole", false, oneOf({isSamString, isSamMap}), false},
    {"Tags", false, isSamMap, false},
    {"PropagateTags", false, isSamBool, false},
    {"InstanceRequirements", false, isSamMap, false},
    {"ScalingConfig", false, isSamMap, false},
    {"KmsKeyArn", false, oneOf({isSamString, isSamMap}), false},
};

// What pydantic (v1) makes of one field: fine, an error with SAM's text (_format_all_errors), or
// a case samshift does not model.
enum class Field { kFine, kWrong, kUnknown };

// SamIntrinsicable[list[SamIntrinsicable[str]]]: a dict, or a list of dicts and of what
// str_validator takes (str, and numbers it converts).
Field stringList(const Node& value) {
  if (value.isMapping()) return Field::kFine;
  if (!value.isSequence()) return value.isScalar() ? Field::kWrong : Field::kUnknown;
  for (const Node& item : value.items()) {
    if (!item.isMapping() && !item.isString() && !item.isNumber() && !item.isBool())
      return Field::kUnknown;
  }
  return Field::kFine;
}

bool hasDigit(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// SamIntrinsicable[int] (`integer`) or SamIntrinsicable[float] (`number`): int() and float()
// take numbers and bools; a string without any digit is none (but float() takes inf and nan).
Field number(const Node& value, bool isFloat) {
  if (value.isMapping() || value.isNumber() || value.isBool()) return Field::kFine;
  if (value.isSequence()) return Field::kWrong;
  if (!value.isString()) return Field::kUnknown;
  std::string lower = value.text();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool special = lower.find("inf") != std::string::npos || lower.find("nan") != std::string::npos;
  if (!hasDigit(lower) && !(isFloat && special)) return Field::kWrong;
  return Field::kUnknown;
}

struct ModelField {
  const char* name;
  bool required;
  const char* expected;  // "list", "integer" or "number"
};

struct PydanticErrors {
  std::vector<std::pair<std::string, const Node*>> messages;
  bool unknown = false;
};

// One nested model (VpcConfig, InstanceRequirements, ScalingConfig): its fields in order, then
// the keys it does not declare (Extra.forbid).
void checkModel(const Node& value, std::string_view path, std::initializer_list<ModelField> fields,
                PydanticErrors& errors) {
  std::string prefix = std::string(path) + ".";
  for (const ModelField& field : fields) {
    const Node* given = value.get(field.name);
    if (!given) {
      if (field.required)
        errors.messages.push_back({"Property '" + prefix + field.name + "' is required.", &value});
      continue;
    }
    if (given->isNull()) {
      if (field.required) {
        errors.messages.push_back(
            {"Property '" + prefix + field.name + "' none is not an allowed value.", given});
      }
      continue;
    }
    std::string_view expected = field.expected;
    Field verdict = expected == "list" ? stringList(*given) : number(*given, expected == "number");
    if (verdict == Field::kUnknown) errors.unknown = true;
    if (verdict == Field::kWrong) {
      errors.messages.push_back({"Property '" + prefix + field.name +
                                     "' value must be dictionary or " + std::string(expected) + ".",
                                 given});
    }
  }
  for (const MapEntry& entry : value.entries()) {
    bool declared = std::any_of(fields.begin(), fields.end(), [&](const ModelField& field) {
      return entry.key.text() == field.name;
    });
    if (!declared) {
      errors.messages.push_back(
          {"Property '" + prefix + entry.key.text() + "' is an invalid property.", &entry.key});
    }
  }
}

// The template node a node of the merged copy came from, else the resource's ID.
const Node* templateNode(const model::Template& templ, const model::ResourceView& resource,
                         const Node* node) {
  if (node && node->span().known()) {
    for (const Node* scope : {resource.node, templ.globals()}) {
      if (const Node* found = scope ? findBySpan(*scope, node->span()) : nullptr) return found;
    }
  }
  return resource.idNode;
}

bool given(const Node& props, const char* key) {
  const Node* value = props.get(key);
  return value && !value->isNull();
}

}  // namespace

void validateCapacityProvider(const model::Template& templ, const model::ResourceView& resource,
                              const Node& props, std::vector<SamProblem>& out) {
  if (checkSamPropertyTypes(templ, resource, props, kCapacityProviderPropertyTypes, out, false))
    return;
  // validate_before_transform: the model, every error joined with spaces.
  PydanticErrors errors;
  if (const Node* vpc = props.get("VpcConfig"); vpc && vpc->isMapping()) {
    checkModel(*vpc, "VpcConfig",
               {{"SecurityGroupIds", false, "list"}, {"SubnetIds", true, "list"}}, errors);
  }
  if (const Node* req = props.get("InstanceRequirements"); req && req->isMapping()) {
    checkModel(*req, "InstanceRequirements",
               {{"Architectures", false, "list"},
                {"AllowedTypes", false, "list"},
                {"ExcludedTypes", false, "list"}},
               errors);
  }
  if (const Node* scaling = props.get("ScalingConfig"); scaling && scaling->isMapping()) {
    checkModel(*scaling, "ScalingConfig",
               {{"MaxVCpuCount", false, "integer"}, {"AverageCPUUtilization", false, "number"}},
               errors);
  }
  if (errors.unknown) return;
  if (!errors.messages.empty()) {
    std::string joined;
    for (const auto& [message, node] : errors.messages)
      joined += (joined.empty() ? "" : " ") + message;
    out.push_back(resourceProblem(kCode, std::move(joined),
                                  templateNode(templ, resource, errors.messages[0].second)));
    for (size_t i = 1; i < errors.messages.size(); ++i) {
      out.push_back(resourceProblem(kCode, errors.messages[i].first,
                                    templateNode(templ, resource, errors.messages[i].second)));
    }
    return;
  }
  // Then __validation_rules__.
  const Node* req = props.get("InstanceRequirements");
  if (req && req->isMapping() && given(*req, "AllowedTypes") && given(*req, "ExcludedTypes")) {
    out.push_back(resourceProblem(kCode,
                                  "Cannot specify 'InstanceRequirements.AllowedTypes' and "
                                  "'InstanceRequirements.ExcludedTypes' together.",
                                  templateNode(templ, resource, req)));
  }
}

}  // namespace samshift::sam
