#include "sam/state_machine_validation.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/policies.h"
#include "sam/resource_properties.h"
#include "sam/s3_uri.h"

namespace samshift::sam {

using model::Node;

namespace {

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

// Events is dict_of(IS_STR, IS_DICT). An event that is not a mapping stops SAM's implicit-API
// plugin before this check, with a message of its own that samshift does not reproduce (expand
// says so); here only the mapping itself is checked.
bool eventsValid(const Node& events) { return events.isMapping(); }

// SamStateMachine.property_types, in SAM's declaration order, which is the order it checks them
// in (Resource.validate_properties); PassThroughProperty ones take any value.
const SamPropertyType kStateMachinePropertyTypes[] = {
    {"Definition", false, isSamMap},
    {"DefinitionUri", false, oneOf({isSamString, isSamMap})},
    {"Logging", false, isSamMap},
    {"Role", false, isSamString},
    {"RolePath", false, {}},
    {"DefinitionSubstitutions", false, isSamMap},
    {"Events", false, eventsValid},
    {"Name", false, isSamString},
    {"Type", false, isSamString},
    {"Tags", false, isSamMap},
    {"PropagateTags", false, isSamBool},
    {"Policies", false, policiesValid},
    {"Tracing", false, isSamMap},
    {"PermissionsBoundary", false, isSamString},
    {"AutoPublishAlias", false, {}},
    {"DeploymentPreference", false, {}},
    // A Property, which takes no intrinsic.
    {"UseAliasAsEventTarget", false, isSamBool, false},
};

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
    if (findPropertyType(kStateMachinePropertyTypes, name) || among(kKeywords, name)) continue;
    out.push_back(
        {"state-machine-property-unknown",
         "property " + name + " not defined for resource of type " + std::string(resource.type),
         keyNode(resource, name),
         true,
         {}});
    return true;
  }
  if (std::optional<PropertyFault> fault = firstPropertyFault(&props, kStateMachinePropertyTypes)) {
    out.push_back({"state-machine-property-type",
                   std::move(fault->message),
                   source(fault->type->name),
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
