#include "sam/deployment_configs.h"

#include <algorithm>
#include <array>

#include "core/nearest_names.h"

namespace samshift::sam {

namespace {

// CodeDeploy User Guide, "Predefined deployment configurations for an AWS Lambda compute
// platform" (docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html):
// CodeDeployDefault.LambdaCanary10Percent5Minutes shifts 10 percent in the first increment and
// the remaining 90 percent five minutes later; ...Linear10PercentEvery1Minute shifts 10 percent
// every minute until all traffic is shifted; ...AllAtOnce shifts all traffic at once.
constexpr std::array<LambdaDeploymentConfig, 9> kConfigs{{
    {"Canary10Percent5Minutes", canary(10, 5)},
    {"Canary10Percent10Minutes", canary(10, 10)},
    {"Canary10Percent15Minutes", canary(10, 15)},
    {"Canary10Percent30Minutes", canary(10, 30)},
    {"Linear10PercentEvery1Minute", linear(10, 1)},
    {"Linear10PercentEvery2Minutes", linear(10, 2)},
    {"Linear10PercentEvery3Minutes", linear(10, 3)},
    {"Linear10PercentEvery10Minutes", linear(10, 10)},
    {"AllAtOnce", allAtOnce()},
}};

struct PlatformName {
  std::string_view name;
  std::string_view platform;
};

constexpr std::array<PlatformName, 8> kOtherPlatforms{{
    {"CodeDeployDefault.OneAtATime", "Server"},
    {"CodeDeployDefault.HalfAtATime", "Server"},
    {"CodeDeployDefault.AllAtOnce", "Server"},
    {"CodeDeployDefault.ECSAllAtOnce", "ECS"},
    {"CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "ECS"},
    {"CodeDeployDefault.ECSLinear10PercentEvery3Minutes", "ECS"},
    {"CodeDeployDefault.ECSCanary10Percent5Minutes", "ECS"},
    {"CodeDeployDefault.ECSCanary10Percent15Minutes", "ECS"},
}};

}  // namespace

std::span<const LambdaDeploymentConfig> lambdaDeploymentConfigs() { return kConfigs; }

std::string LambdaDeploymentConfig::fullName() const {
  return std::string(kLambdaConfigPrefix) + std::string(name);
}

const LambdaDeploymentConfig* findSamDeploymentType(std::string_view shortName) {
  for (const LambdaDeploymentConfig& config : kConfigs) {
    if (config.name == shortName) return &config;
  }
  return nullptr;
}

const LambdaDeploymentConfig* findLambdaDeploymentConfig(std::string_view name) {
  if (name.substr(0, kLambdaConfigPrefix.size()) == kLambdaConfigPrefix)
    name.remove_prefix(kLambdaConfigPrefix.size());
  return findSamDeploymentType(name);
}

std::optional<std::string_view> predefinedConfigPlatform(std::string_view fullName) {
  if (fullName.substr(0, kLambdaConfigPrefix.size()) == kLambdaConfigPrefix &&
      findSamDeploymentType(fullName.substr(kLambdaConfigPrefix.size()))) {
    return "Lambda";
  }
  for (const PlatformName& entry : kOtherPlatforms) {
    if (entry.name == fullName) return entry.platform;
  }
  return std::nullopt;
}

std::vector<std::string_view> nearestLambdaConfigNames(std::string_view name, size_t limit) {
  if (name.substr(0, kLambdaConfigPrefix.size()) == kLambdaConfigPrefix)
    name.remove_prefix(kLambdaConfigPrefix.size());
  std::vector<std::string_view> names;
  for (const LambdaDeploymentConfig& config : kConfigs) names.push_back(config.name);
  return core::nearestNames(name, names, limit);
}

}  // namespace samshift::sam
