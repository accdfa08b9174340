#pragma once
// The CodeDeploy deployment configurations SAM knows by short name (`Canary10Percent5Minutes`,
// which it turns into `CodeDeployDefault.LambdaCanary10Percent5Minutes`), their traffic schedule,
// the predefined configurations of the other compute platforms, and the nearest valid names for
// a misspelt one.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samshift::sam {

enum class ShiftKind { kAllAtOnce, kCanary, kLinear };

struct LambdaDeploymentConfig {
  std::string_view name;  // SAM's short name, "Canary10Percent5Minutes"
  ShiftKind kind;
  int percentage;       // canary: first step; linear: each step; all at once: 100
  int intervalMinutes;  // canary: wait before the rest; linear: between steps; 0 otherwise
};

// The nine configurations SAM expands (in SAM's order).
std::span<const LambdaDeploymentConfig> lambdaDeploymentConfigs();

// By SAM short name or by full CodeDeploy name (`CodeDeployDefault.LambdaAllAtOnce`).
const LambdaDeploymentConfig* findLambdaDeploymentConfig(std::string_view name);

// The compute platform of a predefined CodeDeploy configuration name ("Server", "ECS", "Lambda"),
// or nullopt when the name is not predefined.
std::optional<std::string_view> predefinedConfigPlatform(std::string_view fullName);

// Up to `limit` SAM short names closest to `name` (case-insensitive edit distance), nearest first;
// empty when nothing is close enough to be a plausible misspelling.
std::vector<std::string_view> nearestLambdaConfigNames(std::string_view name, size_t limit = 2);

// Edit distance between two strings, ignoring ASCII case.
size_t editDistance(std::string_view a, std::string_view b);

}  // namespace samshift::sam
