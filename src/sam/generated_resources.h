#pragma once
// The resources the SAM transform generates for a function or a state machine, by logical ID and
// type, where the ID does not depend on a hash or on another resource: the execution role, the
// alias, the function URL and its permissions, EventInvokeConfig and its destinations, the
// resources of each event (an Api event's permission named after its stage). SAM refuses a template
// in which one of them takes the ID of a resource of the template (validation.h:
// "duplicate-logical-id").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/deployment_model.h"

namespace samshift::sam {

// An event type a function takes (SAM's event sources), and what it generates under
// `<Function><Event>`.
struct FunctionEventType {
  std::string_view type;      // "SQS"
  std::string_view resource;  // the resource named after the event; empty when there is none
  bool permission;            // and `<Function><Event>Permission`
};

// The entry of an event type SAM knows; null for one it rejects.
const FunctionEventType* functionEventType(std::string_view type);

struct GeneratedResource {
  std::string logicalId;
  std::string_view type;
};

// `mergedProperties`: the resource's Properties with Globals applied; `model`: its
// DeploymentModel (for the alias). Other resource types generate nothing listed here.
std::vector<GeneratedResource> generatedResources(const model::Template& templ,
                                                  const model::ResourceView& resource,
                                                  const model::Node& mergedProperties,
                                                  const std::optional<DeploymentModel>& model);

// True when SAM lets a generated resource of `generatedType` replace a resource of the template
// of `existingType` with the same ID (a function's own AWS::Lambda::Function, a bucket an S3
// event amends, …).
bool mayReplace(std::string_view generatedType, std::string_view existingType);

}  // namespace samshift::sam

namespace samshift::sam {

// How many resources SAM's output has at least for `resource` (itself, or what replaces it, and
// what it generates): the resources above, the published version of an alias, the deployment
// group of an enabled DeploymentPreference. A floor: API methods, hashed IDs and connectors add
// more.
size_t expandedResourceFloor(const model::Template& templ, const model::ResourceView& resource,
                             const model::Node& mergedProperties,
                             const std::optional<DeploymentModel>& model);

// The resources SAM adds once for the whole template when functions shift traffic with CodeDeploy:
// ServerlessDeploymentApplication, and CodeDeployServiceRole unless every preference names a Role.
size_t sharedCodeDeployResources(bool anyDeploymentGroup, bool anyWithoutRole);

}  // namespace samshift::sam
