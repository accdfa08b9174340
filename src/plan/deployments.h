#pragma once
// Which traffic shifts a template sets up, and how each one runs: the template → deployments half
// of `samshift plan` (the config → steps half is src/sam: sam/schedule.h, sam/deployment_configs.h,
// sam/codedeploy_resources.h; plan/schedule.h words it). Shared with the LSP hover.
//
// A deployment is found for:
// - an AWS::Serverless::Function or AWS::Serverless::StateMachine with a DeploymentPreference
//   (Globals merged for functions) and an AutoPublishAlias;
// - an explicit AWS::Lambda::Alias whose UpdatePolicy has CodeDeployLambdaAliasUpdate (the
//   deployment group, its configuration and alarms are looked up in the template);
// - an explicit AWS::Lambda::Alias with RoutingConfig weights (a fixed split, no schedule);
// - an explicit AWS::StepFunctions::StateMachineAlias with a DeploymentPreference.
// A disabled preference, or one SAM would reject, is still listed, with `planned` false and the
// reason, so that callers can say why there is no plan.

#include <optional>
#include <string>
#include <vector>

#include "core/location.h"
#include "model/template.h"
#include "plan/schedule.h"
#include "sam/parameter_values.h"

namespace samshift::plan {

using ParameterValues = sam::ParameterValues;

enum class DeploymentSource {
  kSamFunction,            // AWS::Serverless::Function DeploymentPreference
  kSamStateMachine,        // AWS::Serverless::StateMachine DeploymentPreference
  kLambdaAliasCodeDeploy,  // AWS::Lambda::Alias UpdatePolicy.CodeDeployLambdaAliasUpdate
  kLambdaAliasRouting,     // AWS::Lambda::Alias RoutingConfig
  kStateMachineAlias,      // AWS::StepFunctions::StateMachineAlias DeploymentPreference
};

// "function", "state machine", "lambda alias", "lambda alias routing", "state machine alias".
std::string_view deploymentSourceName(DeploymentSource source);

struct Hooks {
  // What runs, as written after parameter resolution: a logical id for `!Ref Fn`, a function
  // name for a string, else the value in short form (e.g. "!GetAtt Hook.Arn"); empty when none.
  std::string preTraffic;   // before the first shift (CodeDeploy BeforeAllowTraffic)
  std::string postTraffic;  // after the last shift (CodeDeploy AfterAllowTraffic)
};

struct Deployment {
  std::string resource;  // logical id of the function, state machine or alias
  DeploymentSource source = DeploymentSource::kSamFunction;
  core::Span span;            // the resource's logical-id key in the template (for hovers)
  core::Span preferenceSpan;  // the DeploymentPreference / UpdatePolicy / RoutingConfig node

  // False when there is no plan: the preference is disabled or cannot run (see `reason`).
  bool planned = true;
  std::string reason;  // why not planned, or why the schedule is unknown; empty otherwise

  std::string alias;   // alias name ("live"); empty when none is set; short form when unresolved
  std::string config;  // configuration name as written and resolved ("Canary10Percent5Minutes",
                       // "CodeDeployDefault.LambdaAllAtOnce", a custom name, "LINEAR",
                       // "RoutingConfig"); short form when unresolved ("!Ref Region"); empty
                       // when nothing names one
  std::optional<Schedule> schedule;  // absent when the configuration cannot be resolved
  Hooks hooks;
  std::vector<std::string> alarms;  // alarm names or logical ids, as hooks are shown
  std::string rollback;             // what rolls the deployment back, in words
  std::string deploymentGroup;      // an explicit alias's AWS::CodeDeploy::DeploymentGroup id
  std::vector<std::string> notes;   // anything else worth knowing (condition, hook caveats)

  // Convenience over `schedule` (empty / 0 when unknown).
  std::vector<Step> steps() const {
    return schedule ? scheduleSteps(*schedule) : std::vector<Step>{};
  }
  int totalMinutes() const { return schedule ? plan::totalMinutes(*schedule) : 0; }
};

// Every deployment of the template, in resource order (a resource may give at most one).
std::vector<Deployment> findDeployments(const model::Template& templ,
                                        const ParameterValues& params);

// The deployment of one resource (function, state machine or alias logical id), if any.
std::optional<Deployment> findDeployment(const model::Template& templ,
                                         const ParameterValues& params, std::string_view logicalId);

// A short multi-line summary for a hover or the text report's header line:
// "alias `live`, Canary10Percent5Minutes: 10% at once, the remaining 90% after 5 minutes".
std::string summarizeDeployment(const Deployment& deployment);

}  // namespace samshift::plan
