#pragma once
// AWS::Serverless::StateMachine → AWS::StepFunctions::StateMachine, and with AutoPublishAlias
// its StateMachineVersion and StateMachineAlias (docs/sam-semantics.md §10).

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandStateMachine(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
