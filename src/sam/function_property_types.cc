#include "sam/function_property_types.h"

#include <algorithm>
#include <span>
#include <string>

namespace samshift::sam {

using model::Node;

namespace {

enum class Expected { kMap, kString, kBool, kStringOrMap, kMapOfMaps };

struct Declared {
  std::string_view name;
  Expected expected;
};

// SamFunction.property_types in declaration order, for the properties checked here (the others
// are checked where SAM's other checks of them are: Policies, Role, Layers, AutoPublishAlias…).
constexpr Declared kDeclared[] = {
    {"FunctionName", Expected::kStringOrMap},     {"DeadLetterQueue", Expected::kMap},
    {"AssumeRolePolicyDocument", Expected::kMap}, {"PermissionsBoundary", Expected::kString},
    {"Environment", Expected::kMapOfMaps},        {"Tags", Expected::kMap},
    {"PropagateTags", Expected::kBool},           {"Tracing", Expected::kStringOrMap},
    {"EventInvokeConfig", Expected::kMap},        {"SnapStart", Expected::kMap},
    {"FunctionUrlConfig", Expected::kMap},        {"CapacityProviderConfig", Expected::kMap},
    {"FunctionScalingConfig", Expected::kMap},    {"DurableConfig", Expected::kMap},
};

bool accepts(Expected expected, const Node& value) {
  switch (expected) {
    case Expected::kMap:
      return value.isMapping();
    case Expected::kString:
      return value.isString();
    case Expected::kBool:
      return value.isBool();
    case Expected::kStringOrMap:
      return value.isString() || value.isMapping();
    case Expected::kMapOfMaps:
      if (!value.isMapping()) return false;
      for (const model::MapEntry& entry : value.entries()) {
        if (!entry.value.isMapping()) return false;
      }
      return true;
  }
  return false;
}

// InvalidResourcePropertyTypeException's text: a named type only for IS_DICT and IS_STR.
std::string message(const Declared& declared) {
  std::string name(declared.name);
  if (declared.expected == Expected::kMap) return "Property '" + name + "' should be a map.";
  if (declared.expected == Expected::kString) return "Property '" + name + "' should be a string.";
  return "Type of property '" + name + "' is invalid.";
}

}  // namespace

std::optional<SamProblem> declaredTypeProblem(
    const Node& props, const std::function<const Node*(std::string_view)>& source) {
  for (const Declared& declared : kDeclared) {
    const Node* value = props.get(declared.name);
    if (!value || value->isNull()) continue;
    // Resource._is_intrinsic_function: any mapping of one key.
    if (value->isMapping() && value->entries().size() == 1) continue;
    if (accepts(declared.expected, *value)) continue;
    return SamProblem{"property-type", message(declared), source(declared.name), true, {}};
  }
  return std::nullopt;
}

namespace {

// SamFunction.property_types and SamCapacityProvider.property_types (sam_resources.py).
constexpr std::string_view kFunctionProperties[] = {
    "FunctionName",
    "Handler",
    "Runtime",
    "CodeUri",
    "ImageUri",
    "PackageType",
    "InlineCode",
    "DeadLetterQueue",
    "Description",
    "MemorySize",
    "Timeout",
    "VpcConfig",
    "Role",
    "AssumeRolePolicyDocument",
    "Policies",
    "RolePath",
    "PermissionsBoundary",
    "Environment",
    "Events",
    "Tags",
    "PropagateTags",
    "Tracing",
    "KmsKeyArn",
    "DeploymentPreference",
    "ReservedConcurrentExecutions",
    "Layers",
    "EventInvokeConfig",
    "EphemeralStorage",
    "AutoPublishAlias",
    "AutoPublishCodeSha256",
    "AutoPublishAliasAllProperties",
    "VersionDescription",
    "ProvisionedConcurrencyConfig",
    "FileSystemConfigs",
    "ImageConfig",
    "CodeSigningConfigArn",
    "Architectures",
    "SnapStart",
    "FunctionUrlConfig",
    "RuntimeManagementConfig",
    "LoggingConfig",
    "RecursiveLoop",
    "SourceKMSKeyArn",
    "CapacityProviderConfig",
    "FunctionScalingConfig",
    "VersionDeletionPolicy",
    "PublishToLatestPublished",
    "TenancyConfig",
    "DurableConfig",
};
constexpr std::string_view kCapacityProviderProperties[] = {
    "CapacityProviderName", "VpcConfig",     "OperatorRole", "Tags", "PropagateTags",
    "InstanceRequirements", "ScalingConfig", "KmsKeyArn"};

}  // namespace

std::optional<SamProblem> undeclaredPropertyProblem(const Node& props, const Node* own,
                                                    std::string_view resourceType) {
  std::span<const std::string_view> declared;
  if (resourceType == "AWS::Serverless::Function") declared = kFunctionProperties;
  if (resourceType == "AWS::Serverless::CapacityProvider") declared = kCapacityProviderProperties;
  if (declared.empty() || !props.isMapping()) return std::nullopt;
  for (const model::MapEntry& entry : props.entries()) {
    const std::string& name = entry.key.text();
    if (std::find(declared.begin(), declared.end(), name) != declared.end()) continue;
    if (!own || !own->isMapping() || !own->has(name)) continue;
    return SamProblem{
        "undeclared-property",
        "property " + name + " not defined for resource of type " + std::string(resourceType),
        &entry.key,
        true,
        {}};
  }
  return std::nullopt;
}

}  // namespace samshift::sam
