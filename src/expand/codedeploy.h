#pragma once
// CodeDeploy for functions with an enabled DeploymentPreference (docs/sam-semantics.md §6, §7): the
// per-function DeploymentGroup and alias UpdatePolicy, then the shared application and role.

#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand {

// `Type` → DeploymentConfigName: predefined names become the CodeDeployDefault.Lambda Sub form.
model::Node deploymentConfigName(const model::Node& type);

// After every resource: ServerlessDeploymentApplication, CodeDeployServiceRole, conditions.
void emitSharedCodeDeploy(ExpandContext& ctx);

}  // namespace samshift::expand
