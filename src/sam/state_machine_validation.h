#pragma once
// SAM's rejections of an AWS::Serverless::StateMachine's own properties (samtranslator/model/
// sam_resources.py SamStateMachine.property_types, model/stepfunctions/generators.py
// StateMachineGenerator.to_cloudformation); its alias checks are in validation.cc.

#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// The checks SAM makes after the policy-template plugin and before the alias: property types in
// SAM's declaration order, then Definition / DefinitionUri, then Role with Policies, then the
// entries of Policies it cannot put in the role. `props`: the merged properties. True when SAM
// stops there (a DefinitionUri that is a local path does not stop: `sam package` replaces it).
bool checkStateMachineProperties(const model::Template& templ, const model::ResourceView& resource,
                                 const model::Node& props, std::vector<SamProblem>& out);

}  // namespace samshift::sam
