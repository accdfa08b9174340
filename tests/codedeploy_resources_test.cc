// Custom AWS::CodeDeploy::DeploymentConfig resources as src/sam reads them: which resource a
// name or a Ref names, and the schedule of its TrafficRoutingConfig (plan and the rules both ask).

#include "sam/codedeploy_resources.h"

#include <catch2/catch.hpp>

#include "load/loader.h"
#include "model/template.h"

using namespace samshift;

namespace {

constexpr const char* kConfigs = R"(Parameters:
  Share:
    Type: Number
    Default: 2.5
Resources:
  Gradual:
    Type: AWS::CodeDeploy::DeploymentConfig
    Properties:
      ComputePlatform: Lambda
      DeploymentConfigName: TeamGradual
      TrafficRoutingConfig:
        Type: TimeBasedLinear
        TimeBasedLinear:
          LinearPercentage: !Ref Share
          LinearInterval: 4
  Bird:
    Type: AWS::CodeDeploy::DeploymentConfig
    Properties:
      ComputePlatform: Lambda
      TrafficRoutingConfig:
        Type: TimeBasedCanary
        TimeBasedLinear:
          LinearPercentage: 10
          LinearInterval: 1
  Hosts:
    Type: AWS::CodeDeploy::DeploymentConfig
    Properties:
      ComputePlatform: Server
      MinimumHealthyHosts: {Type: HOST_COUNT, Value: 1}
  Unplatformed:
    Type: AWS::CodeDeploy::DeploymentConfig
    Properties:
      TrafficRoutingConfig:
        Type: AllAtOnce
  Odd:
    Type: AWS::CodeDeploy::DeploymentConfig
    Properties:
      ComputePlatform: Lambda
      TrafficRoutingConfig:
        Type: TimeBasedSometimes
)";

struct Loaded {
  model::Document document = load::loadText("configs.yaml", kConfigs);
  model::Template templ{document.root};
  sam::ParameterValues values{templ};

  sam::CustomConfigSchedule read(std::string_view id) const {
    const model::ResourceView* config = templ.resource(id);
    REQUIRE(config != nullptr);
    return sam::customConfigSchedule(*config, values);
  }
};

}  // namespace

TEST_CASE("a custom configuration's schedule, its numbers resolved from parameters",
          "[codedeploy-resources]") {
  Loaded loaded;
  REQUIRE(loaded.document.parsed);
  sam::CustomConfigSchedule gradual = loaded.read("Gradual");
  REQUIRE(gradual.schedule);
  CHECK(gradual.schedule->kind == sam::ShiftKind::kLinear);
  CHECK(gradual.schedule->percentage == 2.5);  // a whole 2 would take 49 increments, not 40
  CHECK(sam::totalMinutes(*gradual.schedule) == 39 * 4);
  CHECK(gradual.problem.empty());
}

TEST_CASE("why a custom configuration has no schedule", "[codedeploy-resources]") {
  Loaded loaded;
  CHECK(loaded.read("Bird").problem ==
        "custom configuration `Bird` needs TimeBasedCanary.CanaryPercentage and CanaryInterval "
        "as numbers");
  CHECK(loaded.read("Hosts").problem ==
        "custom configuration `Hosts` is for compute platform `Server`, not Lambda");
  // No ComputePlatform is CodeDeploy's default, Server: no Lambda group can use it.
  CHECK(loaded.read("Unplatformed").problem ==
        "custom configuration `Unplatformed` is for compute platform `Server` (not written: the "
        "default), not Lambda");
  CHECK(sam::computePlatform(*loaded.templ.resource("Unplatformed"), loaded.values) == "Server");
  CHECK(sam::computePlatform(*loaded.templ.resource("Gradual"), loaded.values) == "Lambda");
  CHECK(loaded.read("Odd").problem ==
        "custom configuration `Odd` has unknown TrafficRoutingConfig.Type `TimeBasedSometimes`");
  CHECK_FALSE(loaded.read("Odd").schedule);
}

TEST_CASE("the custom configuration a Ref or a DeploymentConfigName names",
          "[codedeploy-resources]") {
  Loaded loaded;
  auto named = [&](const char* yaml) {
    model::Document value = load::loadText("value.yaml", yaml);
    return sam::namedCustomConfig(loaded.templ, loaded.values, value.root);
  };
  CHECK(named("!Ref Gradual") == loaded.templ.resource("Gradual"));
  CHECK(named("TeamGradual") == loaded.templ.resource("Gradual"));
  CHECK(named("Gradual") == nullptr);  // a logical id is not a configuration's name
  CHECK(named("!Ref Share") == nullptr);
}

TEST_CASE("each TrafficRoutingConfig type and its block", "[codedeploy-resources]") {
  const sam::TrafficRoutingType* canary = sam::findTrafficRoutingType("TimeBasedCanary");
  REQUIRE(canary != nullptr);
  CHECK(canary->block == "TimeBasedCanary");
  CHECK(canary->percentKey == "CanaryPercentage");
  const sam::TrafficRoutingType* all = sam::findTrafficRoutingType("AllAtOnce");
  REQUIRE(all != nullptr);
  CHECK(all->block.empty());
  CHECK(sam::findTrafficRoutingType("Canary10Percent5Minutes") == nullptr);
}

TEST_CASE("an alias's CodeDeployLambdaAliasUpdate, any shape, under a literal UpdatePolicy",
          "[codedeploy-resources]") {
  model::Document document = load::loadText("aliases.yaml", R"(Resources:
  Plain:
    Type: AWS::Lambda::Alias
    UpdatePolicy:
      CodeDeployLambdaAliasUpdate: {ApplicationName: App, DeploymentGroupName: Group}
  Chosen:
    Type: AWS::Lambda::Alias
    UpdatePolicy: !If [IsProd, {CodeDeployLambdaAliasUpdate: {}}, !Ref AWS::NoValue]
  Bare:
    Type: AWS::Lambda::Alias
)");
  model::Template templ(document.root);
  const model::Node* plain = sam::aliasCodeDeployUpdate(*templ.resource("Plain"));
  REQUIRE(plain != nullptr);
  CHECK(plain->has("DeploymentGroupName"));
  CHECK(sam::aliasCodeDeployUpdate(*templ.resource("Chosen")) == nullptr);
  CHECK(sam::aliasCodeDeployUpdate(*templ.resource("Bare")) == nullptr);
}
