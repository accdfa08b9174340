#include "lsp/code_lenses.h"

#include <algorithm>

#include "plan/routes.h"
#include "sam/parameter_values.h"

namespace samshift::lsp {

namespace {

std::string minutes(int count) { return std::to_string(count) + " min"; }

std::string scheduleLine(const plan::Deployment& deployment) {
  const plan::Schedule& schedule = *deployment.schedule;
  std::string first = plan::formatPercent(schedule.percentage) + "%";
  switch (schedule.kind) {
    case plan::ShiftKind::kAllAtOnce:
      return "100% at once";
    case plan::ShiftKind::kCanary:
      return first + " → 100% after " + minutes(schedule.intervalMinutes);
    case plan::ShiftKind::kLinear:
      return "+" + first + " every " + minutes(schedule.intervalMinutes) + " → 100% after " +
             minutes(deployment.totalMinutes());
    case plan::ShiftKind::kFixedWeight:
      return first + " on the additional version, fixed";
  }
  return {};
}

// Where the lens of a function's, state machine's or state machine alias's deployment goes: its
// own DeploymentPreference key, else (a function's preference from Globals) its logical ID.
core::Span lensSpan(const model::Template& templ, const plan::Deployment& deployment) {
  const model::ResourceView* resource = templ.resource(deployment.resource);
  const model::Node* properties = resource ? resource->properties : nullptr;
  const model::MapEntry* own =
      properties && properties->isMapping() ? properties->entry("DeploymentPreference") : nullptr;
  return own ? own->key.span() : deployment.span;
}

}  // namespace

std::string deploymentLensTitle(const plan::Deployment& deployment) {
  if (!deployment.planned) return "No deployment: " + deployment.reason;
  std::string title = deployment.schedule ? scheduleLine(deployment)
                                          : "Schedule unknown (" + deployment.config + ")";
  if (deployment.source == plan::DeploymentSource::kLambdaAliasRouting) return title;
  size_t alarms = deployment.alarms.size();
  title += alarms == 0   ? " · no alarms"
           : alarms == 1 ? " · 1 alarm"
                         : " · " + std::to_string(alarms) + " alarms";
  if (!deployment.hooks.preTraffic.empty()) title += " · PreTraffic";
  if (!deployment.hooks.postTraffic.empty()) title += " · PostTraffic";
  return title;
}

std::vector<CodeLens> codeLenses(const Analysis& analysis) {
  std::vector<CodeLens> lenses;
  if (!analysis.isTemplate || !analysis.document.parsed) return lenses;
  const model::Template& templ = analysis.templ();
  sam::ParameterValues params(templ, {}, "us-east-1");
  std::vector<plan::Deployment> deployments = plan::findDeployments(templ, params);
  for (const plan::Deployment& deployment : deployments) {
    core::Span span;
    switch (deployment.source) {
      case plan::DeploymentSource::kSamFunction:
      case plan::DeploymentSource::kSamStateMachine:
      case plan::DeploymentSource::kStateMachineAlias:
        span = lensSpan(templ, deployment);
        break;
      case plan::DeploymentSource::kLambdaAliasCodeDeploy:
        if (const model::ResourceView* group = templ.resource(deployment.deploymentGroup))
          span = group->idNode ? group->idNode->span() : core::Span{};
        break;
      default:
        break;
    }
    if (span.known()) lenses.push_back(CodeLens{span, deploymentLensTitle(deployment)});
  }
  // Above each API stage, what its routes reach ("prod → PROD → OrdersV1 95% · OrdersV2 5%").
  for (const plan::StageRoute& stage : plan::stageRoutes(templ, params, deployments)) {
    if (stage.span.known()) lenses.push_back(CodeLens{stage.span, stage.summary});
  }
  std::stable_sort(lenses.begin(), lenses.end(), [](const CodeLens& a, const CodeLens& b) {
    return a.span.begin < b.span.begin;
  });
  return lenses;
}

}  // namespace samshift::lsp
