#pragma once
// Execution-role helpers shared by the function and state machine emitters (the role's policies
// from `Policies`, managed policies from events, inline policies from invoke destinations).

#include <string>
#include <vector>

#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand {

struct FunctionState;

std::string managedPolicyArn(const ExpandContext& ctx, const std::string& name);
model::Node assumeRolePolicy(const char* service);
// No-ops when the function has no generated role.
void addManagedPolicy(FunctionState& fn, const std::string& arn);
void addInlinePolicy(FunctionState& fn, model::Node policy);
// SAM's construct_role_for_resource over the entries of a resource's `Policies`: each managed
// policy appended to `managedArns` unless there already, and the statements and policy templates
// as inline policies `<roleId>Policy<index>`, returned. `owner` names the resource in what is not
// supported ("function Fn").
std::vector<model::Node> addRolePolicies(ExpandContext& ctx, const std::string& owner,
                                         const std::string& roleId,
                                         const std::vector<const model::Node*>& entries,
                                         model::Node& managedArns);
// The policies EventInvokeConfig destinations need (invoke_config.cc).
std::vector<model::Node> invokeConfigPolicies(ExpandContext& ctx, const FunctionState& fn);

}  // namespace samshift::expand
