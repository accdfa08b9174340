// The template-level checks of the SAM transform, in its order: the parser's (a Resources section
// of mappings, serverless Properties that are mappings), the implicit REST API plugin's, the
// Globals plugin's, then the Mappings resolver's. SAM stops at the first.

#include <algorithm>
#include <span>

#include "sam/api_event_link.h"
#include "sam/application.h"
#include "sam/http_api_validation.h"
#include "sam/ignore_globals.h"
#include "sam/validation.h"

#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/parameter_values.h"

namespace samshift::sam {

using model::Node;

namespace {

constexpr const char* kGlobalsSections[] = {"Api",          "CapacityProvider", "Function",
                                            "HttpApi",      "LayerVersion",     "SimpleTable",
                                            "StateMachine", "WebSocketApi"};

// Globals.supported_properties["AWS::Serverless::Api"] (plugins/globals/globals.py).
constexpr const char* kGlobalsApiKeys[] = {"Auth",
                                           "Name",
                                           "DefinitionUri",
                                           "CacheClusterEnabled",
                                           "CacheClusterSize",
                                           "MergeDefinitions",
                                           "Variables",
                                           "EndpointConfiguration",
                                           "MethodSettings",
                                           "BinaryMediaTypes",
                                           "MinimumCompressionSize",
                                           "Cors",
                                           "GatewayResponses",
                                           "AccessLogSetting",
                                           "CanarySetting",
                                           "TracingEnabled",
                                           "OpenApiVersion",
                                           "Domain",
                                           "AlwaysDeploy",
                                           "PropagateTags",
                                           "SecurityPolicy",
                                           "EndpointAccessMode"};

constexpr const char* kGlobalsCapacityProviderKeys[] = {
    "VpcConfig",     "OperatorRole", "Tags",         "InstanceRequirements",
    "ScalingConfig", "KmsKeyArn",    "PropagateTags"};

constexpr const char* kGlobalsFunctionKeys[] = {"Handler",
                                                "Runtime",
                                                "CodeUri",
                                                "DeadLetterQueue",
                                                "Description",
                                                "MemorySize",
                                                "Timeout",
                                                "VpcConfig",
                                                "Environment",
                                                "Tags",
                                                "PropagateTags",
                                                "Tracing",
                                                "KmsKeyArn",
                                                "AutoPublishAlias",
                                                "AutoPublishAliasAllProperties",
                                                "Layers",
                                                "DeploymentPreference",
                                                "RolePath",
                                                "PermissionsBoundary",
                                                "ReservedConcurrentExecutions",
                                                "ProvisionedConcurrencyConfig",
                                                "AssumeRolePolicyDocument",
                                                "EventInvokeConfig",
                                                "FileSystemConfigs",
                                                "CodeSigningConfigArn",
                                                "Architectures",
                                                "SnapStart",
                                                "EphemeralStorage",
                                                "FunctionUrlConfig",
                                                "RuntimeManagementConfig",
                                                "LoggingConfig",
                                                "RecursiveLoop",
                                                "SourceKMSKeyArn",
                                                "TenancyConfig",
                                                "DurableConfig",
                                                "CapacityProviderConfig",
                                                "FunctionScalingConfig",
                                                "PublishToLatestPublished",
                                                "VersionDeletionPolicy"};

// Globals.supported_properties["AWS::Serverless::WebSocketApi"].
constexpr const char* kGlobalsWebSocketApiKeys[] = {"AccessLogSettings",
                                                    "ApiKeySelectionExpression",
                                                    "DefaultRouteSettings",
                                                    "DisableExecuteApiEndpoint",
                                                    "DisableSchemaValidation",
                                                    "Domain",
                                                    "FailOnWarnings",
                                                    "IpAddressType",
                                                    "PropagateTags",
                                                    "RouteSelectionExpression",
                                                    "RouteSettings",
                                                    "StageVariables",
                                                    "Tags"};

SamProblem templateProblem(std::string code, std::string message, const Node* node) {
  return SamProblem{std::move(code), std::move(message), node, false, {}};
}

bool contains(std::span<const char* const> names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Python's repr of a list of strings, as SAM's messages show one: ['a', 'b'].
std::string pythonList(std::span<const char* const> names) {
  std::string out = "[";
  for (const char* name : names) {
    if (out.size() > 1) out += ", ";
    out += '\'';
    out += name;
    out += '\'';
  }
  return out + "]";
}

// At the Resources section's value, else its key, else the template's first key.
std::optional<SamProblem> checkResourcesSection(const model::Template& templ) {
  const Node& root = templ.root();
  if (!root.isMapping()) return std::nullopt;  // not a template at all
  const model::MapEntry* resources = root.entry("Resources");
  if (resources && resources->value.isMapping() && !resources->value.entries().empty())
    return std::nullopt;
  const Node* node = resources
                         ? (resources->value.span().known() ? &resources->value : &resources->key)
                     : root.entries().empty() ? &root
                                              : &root.entries().front().key;
  return templateProblem(
      "resources-required",
      "Structure of the SAM template is invalid. 'Resources' section is required", node);
}

std::optional<SamProblem> checkResourcesAreObjects(const model::Template& templ) {
  const Node* resources = templ.resourcesNode();
  if (!resources || !resources->isMapping()) return std::nullopt;
  for (const model::MapEntry& entry : resources->entries()) {
    if (entry.value.isMapping()) continue;
    return templateProblem(
        "resource-not-object",
        "Structure of the SAM template is invalid. All 'Resources' must be Objects. If "
        "you're using YAML, this may be an indentation issue.",
        &entry.value);
  }
  return std::nullopt;
}

// The first serverless resource whose Properties is not a mapping: SAM's parser stops the whole
// template there, before the Globals plugin and any resource.
std::optional<SamProblem> checkServerlessProperties(const model::Template& templ) {
  for (const model::ResourceView& resource : templ.resources()) {
    // SamResource.valid, for every resource whatever its type: a Condition that is set must be
    // a string (sdk/resource.py).
    const Node* condition = resource.node ? resource.node->get("Condition") : nullptr;
    if (condition && pythonTruthy(*condition) && !condition->isString()) {
      return templateProblem(
          "condition-not-string",
          "Structure of the SAM template is invalid. Every Condition member must be a string.",
          condition);
    }
    if (!resource.isServerless() || !resource.properties || resource.properties->isMapping())
      continue;
    return SamProblem{"properties-not-map", "Attribute 'Properties' should be a map.",
                      resource.properties, true, std::string(resource.id)};
  }
  return std::nullopt;
}

// The first key of `section` (Globals.`name`) that SAM does not take from Globals.
std::optional<SamProblem> checkGlobalsKeys(const Node& globals, const char* name,
                                           std::span<const char* const> allowed) {
  const Node* section = globals.get(name);
  if (!section || !section->isMapping()) return std::nullopt;
  for (const model::MapEntry& entry : section->entries()) {
    if (contains(allowed, entry.key.text())) continue;
    return templateProblem("globals-unsupported-property",
                           "'Globals' section is invalid. '" + entry.key.text() +
                               "' is not a supported property of '" + name +
                               "'. Must be one of the following values - " + pythonList(allowed),
                           &entry.key);
  }
  return std::nullopt;
}

std::optional<SamProblem> checkGlobals(const model::Template& templ) {
  const Node* globals = templ.globals();
  if (!globals) return std::nullopt;
  // An empty mapping is accepted: Globals._parse only rejects what is not a dict.
  if (!globals->isMapping()) {
    return templateProblem("globals-invalid",
                           "'Globals' section is invalid. It must be a non-empty dictionary",
                           globals);
  }
  // Globals._parse meets each section in turn: its name, then its value.
  for (const model::MapEntry& entry : globals->entries()) {
    if (!contains(kGlobalsSections, entry.key.text())) {
      return templateProblem("globals-unsupported-type",
                             "'Globals' section is invalid. '" + entry.key.text() +
                                 "' is not supported. Must be one of the following values - " +
                                 pythonList(kGlobalsSections),
                             &entry.key);
    }
    if (!entry.value.isMapping()) {
      // SAM's message, with its unformatted "${section}".
      return templateProblem(
          "globals-section-not-map",
          "'Globals' section is invalid. Value of ${section} must be a dictionary", &entry.key);
    }
  }
  if (auto problem = checkGlobalsKeys(*globals, "Api", kGlobalsApiKeys)) return problem;
  if (auto problem = checkGlobalsKeys(*globals, "CapacityProvider", kGlobalsCapacityProviderKeys))
    return problem;
  if (auto problem = checkGlobalsKeys(*globals, "WebSocketApi", kGlobalsWebSocketApiKeys))
    return problem;
  return checkGlobalsKeys(*globals, "Function", kGlobalsFunctionKeys);
}

std::optional<SamProblem> checkMappings(const model::Template& templ) {
  // SAM's message names Parameters too, but it reads a Parameters section that is not a mapping
  // as no parameters (checked with the SAM translator v1.110.0).
  const Node* mappings = templ.section("Mappings");
  if (!mappings || mappings->isMapping()) return std::nullopt;
  return templateProblem(
      "mappings-not-object",
      "Structure of the SAM template is invalid. 'Mappings' or 'Parameters' is either null or "
      "not a valid dictionary.",
      mappings);
}

}  // namespace

std::vector<SamProblem> validateSamTemplate(const model::Template& templ,
                                            const ParameterValues& params) {
  for (auto check : {checkResourcesSection, checkResourcesAreObjects, checkServerlessProperties}) {
    if (std::optional<SamProblem> problem = check(templ)) return {std::move(*problem)};
  }
  // Then the plugins: the application plugin first, the implicit REST API plugin before the
  // Globals plugin.
  if (std::optional<SamProblem> problem = serverlessRepoPluginProblem(templ, params))
    return {std::move(*problem)};
  // The implicit REST API plugin reports every function and state machine it rejects.
  if (std::vector<SamProblem> problems = implicitApiPluginProblems(templ); !problems.empty())
    return problems;
  // The implicit HTTP API plugin runs next, and reports a problem for each function.
  if (std::vector<SamProblem> problems = implicitHttpApiPluginProblems(templ); !problems.empty())
    return problems;
  for (auto check : {checkGlobals, checkIgnoreGlobals, checkMappings}) {
    if (std::optional<SamProblem> problem = check(templ)) return {std::move(*problem)};
  }
  return {};
}

}  // namespace samshift::sam
