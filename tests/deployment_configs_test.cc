// The predefined CodeDeploy configurations SAM knows, their platforms and the nearest-name
// suggestions rule D002 makes.

#include "sam/deployment_configs.h"
#include "core/nearest_names.h"

#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

using namespace samshift;

TEST_CASE("the nine Lambda configurations are found by short and full name",
          "[deployment-configs]") {
  CHECK(sam::lambdaDeploymentConfigs().size() == 9);
  const sam::LambdaDeploymentConfig* canary =
      sam::findLambdaDeploymentConfig("Canary10Percent15Minutes");
  REQUIRE(canary != nullptr);
  CHECK(canary->schedule.kind == sam::ShiftKind::kCanary);
  CHECK(canary->schedule.percentage == 10);
  CHECK(canary->schedule.intervalMinutes == 15);
  const sam::LambdaDeploymentConfig* linear =
      sam::findLambdaDeploymentConfig("CodeDeployDefault.LambdaLinear10PercentEvery1Minute");
  REQUIRE(linear != nullptr);
  CHECK(linear->schedule.kind == sam::ShiftKind::kLinear);
  CHECK(linear->schedule.intervalMinutes == 1);
  CHECK(sam::findLambdaDeploymentConfig("Canary10Percent20Minutes") == nullptr);
  CHECK(sam::findLambdaDeploymentConfig("canary10percent5minutes") == nullptr);  // names are exact
}

TEST_CASE("predefined configurations name their compute platform", "[deployment-configs]") {
  CHECK(sam::predefinedConfigPlatform("CodeDeployDefault.LambdaAllAtOnce") ==
        std::string_view("Lambda"));
  CHECK(sam::predefinedConfigPlatform("CodeDeployDefault.OneAtATime") ==
        std::string_view("Server"));
  CHECK(sam::predefinedConfigPlatform("CodeDeployDefault.ECSCanary10Percent5Minutes") ==
        std::string_view("ECS"));
  CHECK_FALSE(sam::predefinedConfigPlatform("CodeDeployDefault.LambdaCanary10Percent20Minutes")
                  .has_value());
  CHECK_FALSE(sam::predefinedConfigPlatform("AllAtOnce")
                  .has_value());  // a SAM short name, not CodeDeploy's
}

TEST_CASE("a misspelt configuration gets the nearest names, an unrelated one none",
          "[deployment-configs]") {
  CHECK(sam::nearestLambdaConfigNames("Canary10Percent20Minutes") ==
        std::vector<std::string_view>{"Canary10Percent10Minutes", "Canary10Percent30Minutes"});
  CHECK(sam::nearestLambdaConfigNames("allatonce") == std::vector<std::string_view>{"AllAtOnce"});
  CHECK(sam::nearestLambdaConfigNames("CodeDeployDefault.LambdaLinear10PercentEvery4Minutes", 1) ==
        std::vector<std::string_view>{"Linear10PercentEvery2Minutes"});
  CHECK(sam::nearestLambdaConfigNames("TeamBlueGreenConfig").empty());
}

TEST_CASE("edit distance ignores ASCII case", "[deployment-configs]") {
  CHECK(core::editDistance("PreTrafic", "PreTraffic") == 1);
  CHECK(core::editDistance("ALARMS", "Alarms") == 0);
  CHECK(core::editDistance("", "Type") == 4);
}
