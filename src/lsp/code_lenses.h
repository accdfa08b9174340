#pragma once
// Code lenses: above each DeploymentPreference (of a SAM function or state machine, or of an
// AWS::StepFunctions::StateMachineAlias) and each AWS::CodeDeploy::DeploymentGroup an alias
// deploys through, how the deployment shifts traffic, in one line
// ("10% → 100% after 5 min · 2 alarms · PreTraffic").

#include <string>
#include <vector>

#include "core/location.h"
#include "lsp/analysis.h"
#include "plan/deployments.h"

namespace samshift::lsp {

struct CodeLens {
  core::Span span;  // the key the lens sits above
  std::string title;
};

// One line for a deployment: its schedule, alarms and hooks, or why it will not run.
std::string deploymentLensTitle(const plan::Deployment& deployment);

std::vector<CodeLens> codeLenses(const Analysis& analysis);

}  // namespace samshift::lsp
