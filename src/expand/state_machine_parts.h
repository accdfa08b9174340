#pragma once
// The parts of an AWS::Serverless::StateMachine's expansion (state_machine.cc puts them together):
// its definition properties and its generated execution role.

#include <string>

#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand {

// DefinitionString (with the DefinitionSubstitutions SAM moves out of an inline Definition) or
// DefinitionS3Location, set on `out` in SAM's property order; DefinitionSubstitutions is returned
// (null when none), as SAM's order puts it after Tags. `props`: the merged properties.
model::Node setDefinition(ExpandContext& ctx, const std::string& id, const model::Node& props,
                          model::Node& out);

// SAM's tags of a state machine and its role: `stateMachine:createdBy: SAM`, then the user's
// (a null value becomes "").
model::Node stateMachineTags(const model::Node* userTags);

// The `<StateMachine>Role` SAM generates when `Role` is not given
// (StateMachineGenerator._construct_role).
model::Node stateMachineRole(ExpandContext& ctx, const std::string& id, const model::Node& props,
                             const PassThrough& pass);

}  // namespace samshift::expand
