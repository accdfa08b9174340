// The template-level checks of the SAM transform: section structure, Globals, logical IDs.

#include <algorithm>

#include "sam/validation.h"

namespace samshift::sam {

using model::Node;

namespace {

constexpr const char* kGlobalsFunctionKeys[] = {
    "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig",
    "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias",
    "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference", "RolePath", "PermissionsBoundary",
    "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig", "AssumeRolePolicyDocument",
    "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures", "SnapStart",
    "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
    "SourceKMSKeyArn", "TenancyConfig", "DurableConfig", "CapacityProviderConfig", "FunctionScalingConfig",
    "PublishToLatestPublished", "VersionDeletionPolicy"};

SamProblem problem(std::string code, std::string message, const Node* node, bool resourcePrefix = true,
                   std::string subjectId = {}) {
  return SamProblem{std::move(code), std::move(message), node, resourcePrefix, std::move(subjectId)};
}

}  // namespace

std::vector<SamProblem> validateSamTemplate(const model::Template& templ) {
  std::vector<SamProblem> out;
  if (const Node* globals = templ.globals()) {
    if (!globals->isMapping() || globals->entries().empty()) {
      out.push_back(problem("globals-invalid", "'Globals' section is invalid. It must be a non-empty dictionary", globals,
                     false));
      return out;
    }
    static const char* kTypes[] = {"Api", "CapacityProvider", "Function", "HttpApi", "LayerVersion", "SimpleTable",
                                   "StateMachine", "WebSocketApi"};
    for (const model::MapEntry& entry : globals->entries()) {
      if (std::find(std::begin(kTypes), std::end(kTypes), entry.key.text()) == std::end(kTypes)) {
        out.push_back(problem("globals-unsupported-type",
                       "'Globals' section is invalid. '" + entry.key.text() +
                           "' is not supported. Must be one of the following values - ['Api', 'CapacityProvider', "
                           "'Function', 'HttpApi', 'LayerVersion', 'SimpleTable', 'StateMachine', 'WebSocketApi']",
                       &entry.key, false));
        return out;
      }
    }
  }
  for (const model::ResourceView& resource : templ.resources()) {
    bool alnum = !resource.id.empty();
    for (char c : resource.id) alnum = alnum && isalnum(static_cast<unsigned char>(c));
    if (!alnum) {
      out.push_back(problem("logical-id", "Logical ids must be alphanumeric.", resource.idNode, true,
                     std::string(resource.id)));
    }
  }
  if (!out.empty()) return out;
  if (const Node* resources = templ.resourcesNode(); resources && resources->isMapping()) {
    for (const model::MapEntry& entry : resources->entries()) {
      if (!entry.value.isMapping()) {
        out.push_back(problem("template-structure",
                       "Structure of the SAM template is invalid. All 'Resources' must be Objects. If you're using "
                       "YAML, this may be an indentation issue.",
                       &entry.value, false));
        return out;
      }
    }
  }
  for (const char* section : {"Mappings", "Parameters"}) {
    const Node* node = templ.section(section);
    if (node && !node->isMapping()) {
      out.push_back(problem("template-structure",
                     "Structure of the SAM template is invalid. 'Mappings' or 'Parameters' is either null or not a "
                     "valid dictionary.",
                     node, false));
      // SAM reports the structure once.
      return out;
    }
  }
  const Node* globals = templ.globals();
  if (const Node* capacity = globals ? globals->get("CapacityProvider") : nullptr; capacity && capacity->isMapping()) {
    static const char* kKeys[] = {"VpcConfig", "OperatorRole", "Tags", "InstanceRequirements", "ScalingConfig",
                                  "KmsKeyArn", "PropagateTags"};
    for (const model::MapEntry& entry : capacity->entries()) {
      if (std::find(std::begin(kKeys), std::end(kKeys), entry.key.text()) != std::end(kKeys)) continue;
      out.push_back(problem("globals-unsupported-property",
                     "'Globals' section is invalid. '" + entry.key.text() +
                         "' is not a supported property of 'CapacityProvider'. Must be one of the following values - "
                         "['VpcConfig', 'OperatorRole', 'Tags', 'InstanceRequirements', 'ScalingConfig', 'KmsKeyArn', "
                         "'PropagateTags']",
                     &entry.key, false));
      return out;
    }
  }
  if (const Node* function = globals ? globals->get("Function") : nullptr; function && function->isMapping()) {
    for (const model::MapEntry& entry : function->entries()) {
      const std::string& key = entry.key.text();
      if (std::find(std::begin(kGlobalsFunctionKeys), std::end(kGlobalsFunctionKeys), key) !=
          std::end(kGlobalsFunctionKeys)) {
        continue;
      }
      std::string list;
      for (const char* allowed : kGlobalsFunctionKeys) {
        if (!list.empty()) list += ", ";
        list += "'" + std::string(allowed) + "'";
      }
      out.push_back(problem("globals-unsupported-property",
                     "'Globals' section is invalid. '" + key +
                         "' is not a supported property of 'Function'. Must be one of the following values - [" +
                         list + "]",
                     &entry.key, false));
      return out;
    }
  }
  return out;
}

}  // namespace samshift::sam
