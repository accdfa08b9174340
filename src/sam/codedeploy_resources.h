#pragma once
// Custom CodeDeploy deployment configurations of a template (AWS::CodeDeploy::DeploymentConfig):
// which resource a deployment type or a group's DeploymentConfigName names, and the traffic
// schedule its TrafficRoutingConfig describes. Plan draws that schedule; the rules compare alarms
// and hooks with it. Predefined configurations are in sam/deployment_configs.h.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/schedule.h"

namespace samshift::sam {

inline constexpr std::string_view kDeploymentConfigType = "AWS::CodeDeploy::DeploymentConfig";

// The ComputePlatform of an AWS::CodeDeploy::Application or DeploymentConfig: "Server" when not
// written (CodeDeploy's default), else the resolved value; nullopt when it cannot be resolved.
std::optional<std::string> computePlatform(const model::ResourceView& resource,
                                           const ParameterValues& values);

// The kinds of TrafficRoutingConfig.Type and the block each takes (CloudFormation reference,
// AWS::CodeDeploy::DeploymentConfig TrafficRoutingConfig): TimeBasedCanary {CanaryPercentage,
// CanaryInterval}, TimeBasedLinear {LinearPercentage, LinearInterval}, AllAtOnce none.
struct TrafficRoutingType {
  std::string_view type;         // "TimeBasedCanary"
  ShiftKind kind;                // kCanary
  std::string_view block;        // "TimeBasedCanary"; empty for AllAtOnce
  std::string_view percentKey;   // "CanaryPercentage"
  std::string_view intervalKey;  // "CanaryInterval"
};
std::span<const TrafficRoutingType> trafficRoutingTypes();
const TrafficRoutingType* findTrafficRoutingType(std::string_view type);

// The schedule of a custom configuration, or why it has none: "custom configuration `Slow`:
// linear percentage must be between 1 and 100, got 0". Values are resolved as for a deployment
// (resolveForDeployment: parameters, mappings, decidable conditions).
struct CustomConfigSchedule {
  std::optional<Schedule> schedule;
  std::string problem;  // set when schedule is nullopt
};
CustomConfigSchedule customConfigSchedule(const model::ResourceView& config,
                                          const ParameterValues& values);

// The custom configuration a value names: a `Ref` to one, or the name one gives itself in
// `DeploymentConfigName`. Null when it names none of the template's.
const model::ResourceView* namedCustomConfig(const model::Template& templ,
                                             const ParameterValues& values,
                                             const model::Node& resolvedName);

// An explicit AWS::Lambda::Alias's `UpdatePolicy.CodeDeployLambdaAliasUpdate` (ApplicationName,
// DeploymentGroupName, BeforeAllowTrafficHook, AfterAllowTrafficHook) as written, any shape;
// null when the resource has none.
const model::Node* aliasCodeDeployUpdate(const model::ResourceView& resource);

}  // namespace samshift::sam
