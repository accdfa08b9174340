#include "sam/codedeploy_resources.h"

#include <array>
#include <utility>

#include "model/intrinsics.h"

namespace samshift::sam {
namespace {

constexpr std::array<TrafficRoutingType, 3> kRoutingTypes{{
    {"TimeBasedCanary", ShiftKind::kCanary, "TimeBasedCanary", "CanaryPercentage",
     "CanaryInterval"},
    {"TimeBasedLinear", ShiftKind::kLinear, "TimeBasedLinear", "LinearPercentage",
     "LinearInterval"},
    {"AllAtOnce", ShiftKind::kAllAtOnce, "", "", ""},
}};

std::string backticked(std::string_view text) { return "`" + std::string(text) + "`"; }

// The numbers of a TimeBasedCanary or TimeBasedLinear block: a percentage and whole minutes.
std::optional<std::pair<double, int>> routingNumbers(const model::Node& routing,
                                                     const TrafficRoutingType& type) {
  const model::Node* body = routing.get(type.block);
  const model::Node* percent = body ? body->get(type.percentKey) : nullptr;
  const model::Node* interval = body ? body->get(type.intervalKey) : nullptr;
  auto p = percent ? valueNumber(*percent) : std::nullopt;
  auto i = interval ? valueNumber(*interval) : std::nullopt;
  if (!p || !i) return std::nullopt;
  return std::make_pair(*p, wholeMinutes(*i));
}

}  // namespace

std::optional<std::string> computePlatform(const model::ResourceView& resource,
                                           const ParameterValues& values) {
  const model::Node* platform = resource.property("ComputePlatform");
  if (!platform) return std::string("Server");
  return valueText(values.resolveForDeployment(*platform).value);
}

std::span<const TrafficRoutingType> trafficRoutingTypes() { return kRoutingTypes; }

const TrafficRoutingType* findTrafficRoutingType(std::string_view type) {
  for (const TrafficRoutingType& routing : kRoutingTypes) {
    if (routing.type == type) return &routing;
  }
  return nullptr;
}

CustomConfigSchedule customConfigSchedule(const model::ResourceView& config,
                                          const ParameterValues& values) {
  CustomConfigSchedule out;
  std::string subject = "custom configuration " + backticked(config.id);
  // A configuration without ComputePlatform is a Server one (CodeDeploy's default), which a
  // Lambda deployment group cannot use.
  std::optional<std::string> platform = computePlatform(config, values);
  if (platform && *platform != "Lambda") {
    out.problem = subject + " is for compute platform " + backticked(*platform) +
                  (config.property("ComputePlatform") ? "" : " (not written: the default)") +
                  ", not Lambda";
    return out;
  }
  const model::Node* routing = config.property("TrafficRoutingConfig");
  if (!routing) {
    out.problem = subject + " has no TrafficRoutingConfig";
    return out;
  }
  Resolved resolution = values.resolveForDeployment(*routing);
  if (resolution.failure) {
    out.problem =
        subject + ": TrafficRoutingConfig cannot be resolved: " + resolution.failure->describe();
    return out;
  }
  const model::Node& resolved = resolution.value;
  const model::Node* type = resolved.get("Type");
  auto typeName = type ? valueText(*type) : std::nullopt;
  if (!typeName) {
    out.problem = subject + " has no resolvable TrafficRoutingConfig.Type";
    return out;
  }
  const TrafficRoutingType* routingType = findTrafficRoutingType(*typeName);
  if (!routingType) {
    out.problem = subject + " has unknown TrafficRoutingConfig.Type " + backticked(*typeName);
    return out;
  }
  Schedule schedule = allAtOnce();
  if (routingType->kind != ShiftKind::kAllAtOnce) {
    auto numbers = routingNumbers(resolved, *routingType);
    if (!numbers) {
      out.problem = subject + " needs " + std::string(routingType->block) + "." +
                    std::string(routingType->percentKey) + " and " +
                    std::string(routingType->intervalKey) + " as numbers";
      return out;
    }
    schedule = routingType->kind == ShiftKind::kCanary ? canary(numbers->first, numbers->second)
                                                       : linear(numbers->first, numbers->second);
  }
  if (auto problem = scheduleProblem(schedule)) {
    out.problem = subject + ": " + *problem;
    return out;
  }
  out.schedule = schedule;
  return out;
}

const model::ResourceView* namedCustomConfig(const model::Template& templ,
                                             const ParameterValues& values,
                                             const model::Node& resolvedName) {
  if (auto ref = model::refName(resolvedName)) {
    const model::ResourceView* target = templ.resource(*ref);
    return target && target->type == kDeploymentConfigType ? target : nullptr;
  }
  auto name = valueText(resolvedName);
  if (!name || !resolvedName.isString()) return nullptr;
  for (const model::ResourceView* config : templ.resourcesOfType(kDeploymentConfigType)) {
    const model::Node* configName = config->property("DeploymentConfigName");
    if (!configName) continue;
    auto text = valueText(values.resolveForDeployment(*configName).value);
    if (text && *text == *name) return config;
  }
  return nullptr;
}

const model::Node* aliasCodeDeployUpdate(const model::ResourceView& resource) {
  const model::Node* policy = resource.updatePolicy;
  if (!policy || !policy->isMapping() || policy->isIntrinsic()) return nullptr;
  return policy->get("CodeDeployLambdaAliasUpdate");
}

}  // namespace samshift::sam
