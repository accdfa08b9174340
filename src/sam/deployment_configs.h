#pragma once
// The one table of CodeDeploy's predefined deployment configurations: the nine for Lambda that
// SAM knows by short name (`Canary10Percent5Minutes`, which it turns into
// `CodeDeployDefault.LambdaCanary10Percent5Minutes`), each with its traffic schedule; the
// predefined names of the other compute platforms; and the nearest valid names for a misspelt
// one. expand, plan, the rules and the language server all ask here.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sam/schedule.h"

namespace samshift::sam {

struct LambdaDeploymentConfig {
  std::string_view name;  // SAM's short name, "Canary10Percent5Minutes"
  Schedule schedule;      // as the CodeDeploy User Guide describes the configuration

  // CodeDeploy's name: "CodeDeployDefault.Lambda" + the short name.
  std::string fullName() const;
};

// The prefix CodeDeploy's names of the Lambda configurations share.
inline constexpr std::string_view kLambdaConfigPrefix = "CodeDeployDefault.Lambda";

// The nine configurations, in SAM's order (CODEDEPLOY_PREDEFINED_CONFIGURATIONS_LIST in
// samtranslator/model/preferences/deployment_preference_collection.py), which is also the
// CodeDeploy User Guide's.
std::span<const LambdaDeploymentConfig> lambdaDeploymentConfigs();

// By SAM short name or by full CodeDeploy name (`CodeDeployDefault.LambdaAllAtOnce`).
const LambdaDeploymentConfig* findLambdaDeploymentConfig(std::string_view name);

// By SAM short name only: the names SAM rewrites into `CodeDeployDefault.Lambda${ConfigName}`
// (any other Type, a full name included, is passed through as written).
const LambdaDeploymentConfig* findSamDeploymentType(std::string_view shortName);

// The compute platform of a predefined CodeDeploy configuration name ("Server", "ECS", "Lambda"),
// or nullopt when the name is not predefined.
std::optional<std::string_view> predefinedConfigPlatform(std::string_view fullName);

// Up to `limit` SAM short names closest to `name` (case-insensitive edit distance), nearest first;
// empty when nothing is close enough to be a plausible misspelling.
std::vector<std::string_view> nearestLambdaConfigNames(std::string_view name, size_t limit = 2);

}  // namespace samshift::sam
