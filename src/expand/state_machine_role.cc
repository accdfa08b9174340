// The execution role SAM generates for a state machine without `Role`: `<StateMachine>Role`
// (generators.py StateMachineGenerator._construct_role, role_constructor.py).

#include "expand/builders.h"
#include "expand/role.h"
#include "expand/state_machine_parts.h"
#include "sam/deployment_model.h"
#include "sam/policies.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

Node stateMachineTags(const Node* userTags) {
  Node tags = seq({map({{"Key", str("stateMachine:createdBy")}, {"Value", str("SAM")}})});
  if (!userTags || !userTags->isMapping()) return tags;
  for (const MapEntry& entry : userTags->entries()) {
    // get_tag_list: `tag_value if tag_value is not None else ""`.
    tags.push(map(
        {{"Key", str(entry.key.text())}, {"Value", entry.value.isNull() ? str("") : entry.value}}));
  }
  return tags;
}

Node stateMachineRole(ExpandContext& ctx, const std::string& id, const Node& props,
                      const PassThrough& pass) {
  std::string roleId = id + "Role";
  std::vector<const Node*> entries = sam::policyEntries(props.get("Policies"));
  // With tracing enabled SAM appends the X-Ray policy's name to the entries (by name: the
  // bundled map gives its ARN).
  Node xray = str(ctx.partition() == "aws" ? "AWSXrayWriteOnlyAccess" : "AWSXRayDaemonWriteAccess");
  const Node* tracing = props.get("Tracing");
  const Node* enabled = tracing && tracing->isMapping() ? tracing->get("Enabled") : nullptr;
  if (enabled && enabled->isBool() && enabled->boolValue()) entries.push_back(&xray);
  Node managedArns = Node::sequence();
  std::vector<Node> policies =
      addRolePolicies(ctx, "state machine " + id, roleId, entries, managedArns);

  // In the order of SAM's IAMRole.property_types; ManagedPolicyArns is written even when empty.
  Node roleProps = map({{"AssumeRolePolicyDocument", assumeRolePolicy("states.amazonaws.com")},
                        {"ManagedPolicyArns", std::move(managedArns)}});
  if (const Node* path = props.get("RolePath"); path && !path->isNull())
    roleProps.set("Path", *path);
  if (!policies.empty()) {
    Node list = Node::sequence();
    for (Node& policy : policies) list.push(std::move(policy));
    roleProps.set("Policies", std::move(list));
  }
  if (const Node* boundary = props.get("PermissionsBoundary"); boundary && !boundary->isNull())
    roleProps.set("PermissionsBoundary", *boundary);
  roleProps.set("Tags", stateMachineTags(props.get("Tags")));
  return makeResource("AWS::IAM::Role", std::move(roleProps), pass);
}

}  // namespace samshift::expand
