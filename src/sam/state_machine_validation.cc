#include "sam/state_machine_validation.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/policies.h"
#include "sam/s3_uri.h"

namespace samshift::sam {

using model::Node;

namespace {

// The validators of SamStateMachine.property_types that can fail. YAML keys of Events reach SAM
// as strings.
enum class Expected { kMap, kString, kStringOrMap, kEvents, kBool, kPolicies, kLiteralBool };

struct PropertyType {
  std::string_view name;
  Expected expected;
};

// In SAM's declaration order, which is the order it checks them in (Resource.validate_properties).
constexpr PropertyType kPropertyTypes[] = {
    {"Definition", Expected::kMap},
    {"DefinitionUri", Expected::kStringOrMap},
    {"Logging", Expected::kMap},
    {"Role", Expected::kString},
    {"DefinitionSubstitutions", Expected::kMap},
    {"Events", Expected::kEvents},
    {"Name", Expected::kString},
    {"Type", Expected::kString},
    {"Tags", Expected::kMap},
    {"PropagateTags", Expected::kBool},
    {"Policies", Expected::kPolicies},
    {"Tracing", Expected::kMap},
    {"PermissionsBoundary", Expected::kString},
    {"UseAliasAsEventTarget", Expected::kLiteralBool},
};

// Every property SamStateMachine declares (the others, PassThroughProperty, take any value).
constexpr std::string_view kDeclared[] = {"Definition",
                                          "DefinitionUri",
                                          "Logging",
                                          "Role",
                                          "RolePath",
                                          "DefinitionSubstitutions",
                                          "Events",
                                          "Name",
                                          "Type",
                                          "Tags",
                                          "PropagateTags",
                                          "Policies",
                                          "Tracing",
                                          "PermissionsBoundary",
                                          "AutoPublishAlias",
                                          "DeploymentPreference",
                                          "UseAliasAsEventTarget"};

// Names Resource.__setattr__ takes although they are no property (Resource._keywords): SAM
// would overwrite its own attributes with them. expand does not support them.
constexpr std::string_view kKeywords[] = {"logical_id", "relative_id", "depends_on",
                                          "resource_attributes"};

template <size_t N>
bool among(const std::string_view (&names)[N], std::string_view name) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// The key of a property written in the resource (Globals set no unknown ones).
const Node* keyNode(const model::ResourceView& resource, std::string_view name) {
  if (resource.properties && resource.properties->isMapping()) {
    for (const model::MapEntry& entry : resource.properties->entries()) {
      if (entry.key.isString(name)) return &entry.key;
    }
  }
  return resource.idNode;
}

// `Policies` as the policy-template plugin leaves it: a list of strings and maps when it is
// Python-true, else as written (a string or a list passes).
bool policiesValid(const Node& policies) {
  if (!pythonTruthy(policies)) return policies.isString() || policies.isSequence();
  for (const Node* entry : policyEntries(&policies)) {
    if (!entry->isString() && !entry->isMapping()) return false;
  }
  return true;
}

bool valid(const Node& value, Expected expected) {
  // A PropertyType takes what looks like an intrinsic, any mapping of one key
  // (Resource._is_intrinsic_function); UseAliasAsEventTarget is a Property, which takes none.
  if (expected != Expected::kLiteralBool && value.isMapping() && value.entries().size() == 1)
    return true;
  switch (expected) {
    case Expected::kMap:
      return value.isMapping();
    case Expected::kString:
      return value.isString();
    case Expected::kStringOrMap:
      return value.isString() || value.isMapping();
    case Expected::kEvents:
      // An event that is not a mapping stops SAM's implicit-API plugin before this check, with
      // a message of its own that samshift does not reproduce (expand says so).
      return value.isMapping();
    case Expected::kBool:
    case Expected::kLiteralBool:
      return value.isBool();
    case Expected::kPolicies:
      return policiesValid(value);
  }
  return true;
}

// InvalidResourcePropertyTypeException's text: the expected type is named for IS_DICT and IS_STR.
std::string typeMessage(std::string_view name, Expected expected) {
  std::string property(name);
  if (expected == Expected::kMap) return "Property '" + property + "' should be a map.";
  if (expected == Expected::kString) return "Property '" + property + "' should be a string.";
  return "Type of property '" + property + "' is invalid.";
}

// StateMachineGenerator._construct_definition_uri.
void checkDefinitionUri(const Node& uri, const Node* source, std::vector<SamProblem>& out) {
  if (uri.isMapping()) {
    const Node* bucket = uri.get("Bucket");
    const Node* key = uri.get("Key");
    if (!bucket || !pythonTruthy(*bucket) || !key || !pythonTruthy(*key)) {
      out.push_back({"state-machine-definition-uri-location",
                     "'DefinitionUri' requires Bucket and Key properties to be specified.",
                     source,
                     true,
                     {}});
    }
    return;
  }
  if (!uri.isString() || readS3Uri(uri.text()).kind != S3UriReading::Kind::kInvalid) return;
  // A path without a scheme is what `sam package` uploads and replaces with an S3 location.
  bool local = uri.text().find("://") == std::string::npos;
  out.push_back({local ? "state-machine-definition-uri-local" : "state-machine-definition-uri",
                 "'DefinitionUri' is not a valid S3 Uri of the form 's3://bucket/key' with "
                 "optional versionId query parameter.",
                 source,
                 true,
                 {}});
}

}  // namespace

bool checkStateMachineProperties(const model::Template& templ, const model::ResourceView& resource,
                                 const Node& props, std::vector<SamProblem>& out) {
  auto source = [&](std::string_view key) {
    const Node* node = propertySource(templ, resource, key);
    return node ? node : resource.idNode;
  };
  // Resource.from_dict sets the properties in their order; the first it does not know stops it.
  for (const model::MapEntry& entry : props.entries()) {
    const std::string& name = entry.key.text();
    if (among(kDeclared, name) || among(kKeywords, name)) continue;
    out.push_back(
        {"state-machine-property-unknown",
         "property " + name + " not defined for resource of type " + std::string(resource.type),
         keyNode(resource, name),
         true,
         {}});
    return true;
  }
  for (const PropertyType& type : kPropertyTypes) {
    const Node* value = props.get(type.name);
    if (!value || value->isNull() || valid(*value, type.expected)) continue;
    out.push_back({"state-machine-property-type",
                   typeMessage(type.name, type.expected),
                   source(type.name),
                   true,
                   {}});
    return true;
  }
  const Node* definition = props.get("Definition");
  const Node* definitionUri = props.get("DefinitionUri");
  bool hasDefinition = definition && pythonTruthy(*definition);
  bool hasUri = definitionUri && pythonTruthy(*definitionUri);
  if (hasDefinition && hasUri) {
    out.push_back({"state-machine-definition-conflict",
                   "Specify either 'Definition' or 'DefinitionUri' property and not both.",
                   source("DefinitionUri"),
                   true,
                   {}});
    return true;
  }
  if (!hasDefinition && !hasUri) {
    out.push_back({"state-machine-definition-missing",
                   "Either 'Definition' or 'DefinitionUri' property must be specified.",
                   resource.idNode,
                   true,
                   {}});
    return true;
  }
  size_t before = out.size();
  if (hasUri) checkDefinitionUri(*definitionUri, source("DefinitionUri"), out);
  if (out.size() != before && out.back().code != "state-machine-definition-uri-local") return true;
  const Node* role = props.get("Role");
  const Node* policies = props.get("Policies");
  bool hasRole = role && pythonTruthy(*role);
  if (hasRole && policies && pythonTruthy(*policies)) {
    out.push_back({"state-machine-role-and-policies",
                   "Specify either 'Role' or 'Policies' (but not both at the same time) or neither "
                   "of them",
                   source("Policies"),
                   true,
                   {}});
    return true;
  }
  // The role SAM builds. Globals cannot set a state machine's Policies: the entries as written
  // are the template's nodes.
  if (!hasRole) {
    for (SamProblem& problem : policyEntryProblems(resource.property("Policies"))) {
      out.push_back(std::move(problem));
      return true;
    }
  }
  return false;
}

}  // namespace samshift::sam
