#pragma once
// Execution-role helpers shared by the function emitters (managed policies from events, inline
// policies from invoke destinations).

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
// The policies EventInvokeConfig destinations need (invoke_config.cc).
std::vector<model::Node> invokeConfigPolicies(ExpandContext& ctx, const FunctionState& fn);

}  // namespace samshift::expand
