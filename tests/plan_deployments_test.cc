// Template → deployments: what each fixture of fixtures/plan sets up, with parameters and
// overrides, Globals, custom configurations, Step Functions preferences and explicit aliases.

#include <catch2/catch.hpp>

#include "load/loader.h"
#include "model/template.h"
#include "plan/deployments.h"
#include "plan/report.h"
#include "sam/parameter_values.h"
#include "test_support.h"

using samshift::plan::Deployment;
using samshift::plan::DeploymentSource;
using samshift::plan::Step;

namespace {

using Overrides = std::vector<std::pair<std::string, std::string>>;

struct Planned {
  samshift::model::Document document;
  std::vector<Deployment> deployments;

  const Deployment& get(std::string_view id) const {
    for (const Deployment& d : deployments) {
      if (d.resource == id) return d;
    }
    FAIL("no deployment for " << id);
    return deployments.front();
  }
};

// Documents own the tree the template view borrows, so the result keeps the document.
Planned planFixture(const std::string& name, const Overrides& overrides = {},
                    std::string region = "us-east-1") {
  Planned out;
  auto loaded = samshift::load::loadFile("fixtures/plan/" + name);
  REQUIRE(loaded.ok());
  out.document = std::move(loaded).value();
  REQUIRE(out.document.parsed);
  samshift::model::Template templ(out.document.root);
  samshift::sam::ParameterValues params(templ, overrides, std::move(region));
  out.deployments = samshift::plan::findDeployments(templ, params);
  return out;
}

std::vector<std::string> ids(const std::vector<Deployment>& deployments) {
  std::vector<std::string> out;
  for (const Deployment& d : deployments) out.push_back(d.resource);
  return out;
}

}  // namespace

TEST_CASE("predefined types, hooks and alarms of SAM functions", "[plan][deployments]") {
  Planned p = planFixture("predefined.yaml");
  CHECK(ids(p.deployments) == std::vector<std::string>{"Canary5", "Canary10", "Canary15",
                                                       "Canary30", "Linear1", "Linear2", "Linear3",
                                                       "Linear10", "AllAtOnceFn", "FullName"});
  const Deployment& canary = p.get("Canary5");
  CHECK(canary.source == DeploymentSource::kSamFunction);
  CHECK(canary.planned);
  CHECK(canary.alias == "live");  // from Globals
  CHECK(canary.config == "Canary10Percent5Minutes");
  CHECK(canary.steps() == std::vector<Step>{{0, 10}, {5, 100}});
  CHECK(canary.totalMinutes() == 5);
  CHECK(canary.hooks.preTraffic == "PreHook");
  CHECK(canary.hooks.postTraffic == "PostHook");
  CHECK(canary.alarms == std::vector<std::string>{"ErrorsAlarm", "latency-alarm"});
  // The span is the logical id's key: `Canary5:` at the start of its line.
  std::string text = p.document.source.text();
  CHECK(canary.span.begin == text.find("  Canary5:") + 2);
  CHECK(canary.span.end == canary.span.begin + 7);
  CHECK(text.substr(canary.preferenceSpan.begin, 20) == "Type: Canary10Percen");

  CHECK(p.get("Linear10").totalMinutes() == 90);
  CHECK(p.get("AllAtOnceFn").steps() == std::vector<Step>{{0, 100}});
  CHECK(p.get("AllAtOnceFn").hooks.postTraffic.empty());
  CHECK(p.get("FullName").config == "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes");
  CHECK(p.get("FullName").totalMinutes() == 27);
}

TEST_CASE("custom deployment configurations by !Ref and by name", "[plan][deployments]") {
  Planned p = planFixture("custom.yaml");
  CHECK(ids(p.deployments) == std::vector<std::string>{"CanaryFn", "LinearFn", "AtOnceFn", "EcsFn",
                                                       "ElsewhereFn", "HalfFn", "SlowFn"});
  CHECK(p.get("CanaryFn").config == "CanaryConfig");
  CHECK(p.get("CanaryFn").steps() == std::vector<Step>{{0, 25}, {20, 100}});
  CHECK(p.get("LinearFn").config == "ThirtyPercentEvery4Minutes");
  CHECK(p.get("LinearFn").steps() == std::vector<Step>{{0, 30}, {4, 60}, {8, 90}, {12, 100}});
  CHECK(p.get("AtOnceFn").steps() == std::vector<Step>{{0, 100}});
  const Deployment& ecs = p.get("EcsFn");
  CHECK(ecs.planned);
  CHECK_FALSE(ecs.schedule);
  CHECK(ecs.reason == "custom configuration `EcsConfig` is for compute platform `ECS`, not Lambda");
  CHECK(p.get("ElsewhereFn").reason ==
        "`TestDeploymentConfiguration` is not a predefined Lambda configuration and no "
        "AWS::CodeDeploy::DeploymentConfig in this template has that name");
  CHECK(p.get("HalfFn").reason ==
        "custom configuration `HalfConfig` needs TimeBasedCanary.CanaryPercentage and "
        "CanaryInterval as numbers");
  CHECK(p.get("SlowFn").reason ==
        "custom configuration `SlowConfig`: linear percentage must be between 1 and 100, got 0");
}

TEST_CASE("Step Functions preferences from SAM and an explicit alias", "[plan][deployments]") {
  Planned p = planFixture("state_machines.yaml");
  CHECK(ids(p.deployments) == std::vector<std::string>{"AtOnceMachine", "CanaryMachine",
                                                       "LinearMachine", "NoAliasMachine",
                                                       "ExplicitAlias"});
  CHECK(p.get("AtOnceMachine").source == DeploymentSource::kSamStateMachine);
  CHECK(p.get("AtOnceMachine").steps() == std::vector<Step>{{0, 100}});
  const Deployment& canary = p.get("CanaryMachine");
  CHECK(canary.alias == "prod");
  CHECK(canary.config == "CANARY");
  CHECK(canary.steps() == std::vector<Step>{{0, 5}, {15, 100}});
  CHECK(canary.alarms == std::vector<std::string>{"MachineAlarm"});
  CHECK(canary.rollback == "CloudFormation rolls the alias back when an alarm goes into ALARM");
  // Percentage comes from a parameter default (20).
  CHECK(p.get("LinearMachine").steps() ==
        std::vector<Step>{{0, 20}, {3, 40}, {6, 60}, {9, 80}, {12, 100}});
  const Deployment& noAlias = p.get("NoAliasMachine");
  CHECK_FALSE(noAlias.planned);
  CHECK(noAlias.alias.empty());
  CHECK(noAlias.reason ==
        "SAM rejects it: 'DeploymentPreference' requires 'AutoPublishAlias' property to be "
        "specified.");
  const Deployment& alias = p.get("ExplicitAlias");
  CHECK(alias.source == DeploymentSource::kStateMachineAlias);
  CHECK(alias.alias == "blue");
  CHECK(alias.steps() == std::vector<Step>{{0, 10}, {30, 100}});
}

TEST_CASE("Globals and parameter defaults", "[plan][deployments]") {
  Planned p = planFixture("globals_parameters.yaml");
  const Deployment& globals = p.get("FromGlobals");
  CHECK(globals.alias == "live");
  CHECK(globals.config == "Canary10Percent5Minutes");
  CHECK(globals.alarms == std::vector<std::string>{"global-alarm"});
  const Deployment& param = p.get("FromParameter");
  CHECK(param.config == "Linear10PercentEvery2Minutes");
  CHECK(param.alarms ==
        std::vector<std::string>{"global-alarm", "local-alarm"});    // lists concatenate
  CHECK(p.get("ByCondition").config == "AllAtOnce");                 // IsProd is false for Env=dev
  CHECK(p.get("ByRegion").config == "Linear10PercentEvery1Minute");  // AWS::Region is us-east-1
  const Deployment& noDefault = p.get("NoDefault");
  CHECK(noDefault.planned);
  CHECK(noDefault.config == "!Ref Region");
  CHECK_FALSE(noDefault.schedule);
  CHECK(noDefault.reason == "parameter `Region` has no default and no override");
  const Deployment& prodOnly = p.get("ProdOnly");
  CHECK_FALSE(prodOnly.planned);
  CHECK(prodOnly.reason ==
        "condition `IsProd` is false with these parameters, so the resource is not created");
}

TEST_CASE("parameter overrides and the region change the plan", "[plan][deployments]") {
  Planned p = planFixture("globals_parameters.yaml",
                          {{"Stage", "blue"},
                           {"DeployType", "Canary10Percent15Minutes"},
                           {"Env", "prod"},
                           {"Region", "Linear10PercentEvery3Minutes"}},
                          "eu-west-1");
  CHECK(p.get("FromGlobals").alias == "blue");
  CHECK(p.get("FromParameter").config == "Canary10Percent15Minutes");
  CHECK(p.get("ByCondition").config == "Canary10Percent30Minutes");
  CHECK(p.get("ByRegion").config == "AllAtOnce");
  CHECK(p.get("NoDefault").totalMinutes() == 27);
  const Deployment& prodOnly = p.get("ProdOnly");
  CHECK(prodOnly.planned);
  CHECK(prodOnly.notes ==
        std::vector<std::string>{"condition `IsProd` is true with these parameters"});

  Planned off = planFixture("globals_parameters.yaml", {{"Shifting", "false"}});
  CHECK_FALSE(off.get("FromParameter").planned);
  CHECK(off.get("FromParameter").reason ==
        "DeploymentPreference is disabled (Enabled: !Ref Shifting, which is false)");
}

TEST_CASE("disabled and incomplete preferences give no plan, with the reason",
          "[plan][deployments]") {
  Planned p = planFixture("disabled.yaml");
  CHECK(ids(p.deployments) ==
        std::vector<std::string>{"Off", "OffByParameter", "NoAlias", "NoType", "BadAliasName"});
  for (const Deployment& d : p.deployments) {
    INFO(d.resource);
    CHECK_FALSE(d.planned);
    CHECK(d.steps().empty() == !d.schedule.has_value());
  }
  CHECK(p.get("Off").reason == "DeploymentPreference is disabled (Enabled: false)");
  CHECK(p.get("OffByParameter").reason ==
        "DeploymentPreference is disabled (Enabled: !Ref ShiftingOff, which is False)");
  // SAM's reasons are SAM's validation (sam/validation.h), in its words.
  CHECK(p.get("NoAlias").reason ==
        "SAM rejects it: 'DeploymentPreference' requires AutoPublishAlias property to be "
        "specified.");
  CHECK(p.get("NoType").reason ==
        "SAM rejects it: 'DeploymentPreference' is missing required Property 'Type'");
  CHECK(p.get("BadAliasName").reason ==
        "SAM rejects it: AutoPublishAlias name ('blue/green') must contain only alphanumeric "
        "characters, hyphens, or underscores matching (?!^[0-9]+$)([a-zA-Z0-9-_]+) pattern.");
}

TEST_CASE("explicit Lambda aliases: CodeDeploy update policy and routing weights",
          "[plan][deployments]") {
  Planned p = planFixture("explicit_aliases.yaml");
  CHECK(ids(p.deployments) ==
        std::vector<std::string>{"LiveAlias", "WeightedAlias", "MissingGroupAlias"});
  const Deployment& live = p.get("LiveAlias");
  CHECK(live.source == DeploymentSource::kLambdaAliasCodeDeploy);
  CHECK(live.alias == "live");
  CHECK(live.config == "CodeDeployDefault.LambdaCanary10Percent15Minutes");
  CHECK(live.steps() == std::vector<Step>{{0, 10}, {15, 100}});
  CHECK(live.hooks.preTraffic == "PreHook");
  CHECK(live.hooks.postTraffic == "CodeDeployHook_post");
  CHECK(live.alarms == std::vector<std::string>{"ErrorsAlarm"});
  CHECK(live.rollback == "CodeDeploy rolls back on DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM");
  const Deployment& weighted = p.get("WeightedAlias");
  CHECK(weighted.source == DeploymentSource::kLambdaAliasRouting);
  CHECK(weighted.steps() == std::vector<Step>{{0, 5}});
  const Deployment& missing = p.get("MissingGroupAlias");
  CHECK(missing.planned);
  CHECK_FALSE(missing.schedule);
  CHECK(missing.reason ==
        "deployment group `group-made-elsewhere` is not defined in this template");
}

TEST_CASE("one resource's deployment, and the summary a hover shows", "[plan][deployments]") {
  auto loaded = samshift::load::loadFile("fixtures/plan/predefined.yaml");
  REQUIRE(loaded.ok());
  samshift::model::Template templ(loaded->root);
  samshift::sam::ParameterValues params(templ, {}, "us-east-1");
  auto one = samshift::plan::findDeployment(templ, params, "Linear2");
  REQUIRE(one);
  CHECK(samshift::plan::summarizeDeployment(*one) ==
        "alias `live`, Linear10PercentEvery2Minutes: 10% at once, then 10% more every 2 minutes, "
        "100% after 18 "
        "minutes");
  CHECK_FALSE(samshift::plan::findDeployment(templ, params, "PreHook"));
  CHECK_FALSE(samshift::plan::findDeployment(templ, params, "Nope"));

  auto disabled = samshift::load::loadFile("fixtures/plan/disabled.yaml");
  REQUIRE(disabled.ok());
  samshift::model::Template off(disabled->root);
  samshift::sam::ParameterValues offParams(off, {}, "us-east-1");
  auto none = samshift::plan::findDeployment(off, offParams, "Off");
  REQUIRE(none);
  CHECK(samshift::plan::summarizeDeployment(*none) ==
        "alias `live`, Linear10PercentEvery1Minute: no plan: DeploymentPreference is disabled "
        "(Enabled: false)");
}

TEST_CASE("the JSON and text reports keep fractional weights", "[plan][deployments]") {
  Deployment d;
  d.resource = "Weighted";
  d.source = DeploymentSource::kLambdaAliasRouting;
  d.alias = "beta";
  d.config = "RoutingConfig";
  d.schedule = samshift::plan::fixedWeight(2.5);
  std::string json = samshift::plan::renderJson({d}, "t.yaml");
  CHECK(json.find("\"steps\": [\n        {\n          \"minute\": 0,\n          \"percent\": 2.5\n "
                  "       }\n      ]") != std::string::npos);
  CHECK(json.find("\"description\": \"2.5% on the additional version, held (no schedule)\"") !=
        std::string::npos);
  std::string text = samshift::plan::renderText({d}, "t.yaml");
  CHECK(text ==
        "t.yaml: 1 deployment\n"
        "\n"
        "Weighted  lambda alias routing, alias beta\n"
        "  config    RoutingConfig\n"
        "  schedule  2.5% on the additional version, held (no schedule)\n"
        "            minute  0     2.5%  #...................\n"
        "  alarms    none\n"
        "  rollback  none\n"
        "  total     no end: the split holds until the alias is changed\n");
}
