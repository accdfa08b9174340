#pragma once
// Event sources of an AWS::Serverless::StateMachine: each starts executions through a role of its
// own (`<StateMachine><EventId>Role`), targeting the alias with UseAliasAsEventTarget
// (docs/sam-semantics.md §10.4).

#include <string>

#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand::events {

// `targetId` is the alias or the state machine; `pass` the state machine's attributes.
void emitStateMachineEvents(ExpandContext& ctx, const std::string& machineId,
                            const model::Node& events, const std::string& targetId,
                            const PassThrough& pass);

}  // namespace samshift::expand::events
