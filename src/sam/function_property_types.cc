#include "sam/function_property_types.h"

#include <algorithm>
#include <span>
#include <string>

#include "sam/resource_properties.h"

namespace samshift::sam {

using model::Node;

namespace {

// SamFunction.property_types in declaration order, for the properties checked here (the others
// are checked where SAM's other checks of them are: Policies, Role, Layers, AutoPublishAlias…).
const SamPropertyType kFunctionPropertyTypes[] = {
    {"FunctionName", false, oneOf({isSamString, isSamMap})},
    {"DeadLetterQueue", false, isSamMap},
    {"AssumeRolePolicyDocument", false, isSamMap},
    {"PermissionsBoundary", false, isSamString},
    {"Environment", false, dictOf(isSamMap)},
    {"Tags", false, isSamMap},
    {"PropagateTags", false, isSamBool},
    {"Tracing", false, oneOf({isSamString, isSamMap})},
    {"EventInvokeConfig", false, isSamMap},
    {"SnapStart", false, isSamMap},
    {"FunctionUrlConfig", false, isSamMap},
    {"CapacityProviderConfig", false, isSamMap},
    {"FunctionScalingConfig", false, isSamMap},
    {"DurableConfig", false, isSamMap},
};

}  // namespace

std::optional<SamProblem> declaredTypeProblem(
    const Node& props, const std::function<const Node*(std::string_view)>& source) {
  std::optional<PropertyFault> fault = firstPropertyFault(&props, kFunctionPropertyTypes);
  if (!fault) return std::nullopt;
  return SamProblem{
      "property-type", std::move(fault->message), source(fault->type->name), true, {}};
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
