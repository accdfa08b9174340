// The schedule model: every predefined Lambda configuration, custom canary/linear shapes, the
// words used to describe them, and the shapes that cannot run.

#include <catch2/catch.hpp>

#include "plan/schedule.h"
#include "sam/deployment_configs.h"

using samshift::plan::allAtOnce;
using samshift::plan::canary;
using samshift::plan::describeSchedule;
using samshift::plan::fixedWeight;
using samshift::plan::formatPercent;
using samshift::plan::linear;
using samshift::plan::Schedule;
using samshift::plan::scheduleProblem;
using samshift::plan::scheduleSteps;
using samshift::plan::ShiftKind;
using samshift::plan::Step;
using samshift::plan::totalMinutes;

namespace {

std::vector<Step> linearSteps(int interval) {
  std::vector<Step> steps;
  for (int k = 1; k <= 10; ++k) steps.push_back(Step{(k - 1) * interval, 10.0 * k});
  return steps;
}

Schedule predefined(std::string_view name) {
  const samshift::sam::LambdaDeploymentConfig* config =
      samshift::sam::findLambdaDeploymentConfig(name);
  REQUIRE(config != nullptr);
  return config->schedule;
}

}  // namespace

TEST_CASE("the four predefined canaries shift 10% then the rest", "[plan][schedule]") {
  struct Case {
    const char* name;
    int minutes;
    const char* words;
  };
  const Case cases[] = {
      {"Canary10Percent5Minutes", 5, "10% at once, the remaining 90% after 5 minutes"},
      {"Canary10Percent10Minutes", 10, "10% at once, the remaining 90% after 10 minutes"},
      {"Canary10Percent15Minutes", 15, "10% at once, the remaining 90% after 15 minutes"},
      {"Canary10Percent30Minutes", 30, "10% at once, the remaining 90% after 30 minutes"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Schedule schedule = predefined(c.name);
    CHECK(schedule.kind == ShiftKind::kCanary);
    CHECK(scheduleSteps(schedule) == std::vector<Step>{{0, 10}, {c.minutes, 100}});
    CHECK(totalMinutes(schedule) == c.minutes);
    CHECK(describeSchedule(schedule) == c.words);
  }
}

TEST_CASE("the four predefined linears shift 10% at the start of each increment",
          "[plan][schedule]") {
  struct Case {
    const char* name;
    int interval;
    const char* words;
  };
  const Case cases[] = {
      {"Linear10PercentEvery1Minute", 1,
       "10% at once, then 10% more every minute, 100% after 9 minutes"},
      {"Linear10PercentEvery2Minutes", 2,
       "10% at once, then 10% more every 2 minutes, 100% after 18 minutes"},
      {"Linear10PercentEvery3Minutes", 3,
       "10% at once, then 10% more every 3 minutes, 100% after 27 minutes"},
      {"Linear10PercentEvery10Minutes", 10,
       "10% at once, then 10% more every 10 minutes, 100% after 90 minutes"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Schedule schedule = predefined(c.name);
    CHECK(schedule.kind == ShiftKind::kLinear);
    CHECK(scheduleSteps(schedule) == linearSteps(c.interval));
    CHECK(totalMinutes(schedule) == 9 * c.interval);
    CHECK(describeSchedule(schedule) == c.words);
  }
}

TEST_CASE("AllAtOnce moves everything at minute 0", "[plan][schedule]") {
  Schedule schedule = predefined("AllAtOnce");
  CHECK(schedule.kind == ShiftKind::kAllAtOnce);
  CHECK(scheduleSteps(schedule) == std::vector<Step>{{0, 100}});
  CHECK(totalMinutes(schedule) == 0);
  CHECK(describeSchedule(schedule) == "100% at once");
}

TEST_CASE("predefined names: short, full, and the list of nine in SAM's order",
          "[plan][schedule]") {
  std::vector<std::string_view> names;
  for (const auto& config : samshift::sam::lambdaDeploymentConfigs()) names.push_back(config.name);
  // CODEDEPLOY_PREDEFINED_CONFIGURATIONS_LIST in SAM's deployment_preference_collection.py.
  CHECK(names == std::vector<std::string_view>{
                     "Canary10Percent5Minutes", "Canary10Percent10Minutes",
                     "Canary10Percent15Minutes", "Canary10Percent30Minutes",
                     "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes",
                     "Linear10PercentEvery3Minutes", "Linear10PercentEvery10Minutes", "AllAtOnce"});
  CHECK(scheduleSteps(predefined("CodeDeployDefault.LambdaLinear10PercentEvery3Minutes")) ==
        linearSteps(3));
  CHECK(samshift::sam::findLambdaDeploymentConfig("Canary10Percent5Minutes")->fullName() ==
        "CodeDeployDefault.LambdaCanary10Percent5Minutes");
  using samshift::sam::findLambdaDeploymentConfig;
  CHECK_FALSE(findLambdaDeploymentConfig("Canary5"));
  CHECK_FALSE(findLambdaDeploymentConfig("CodeDeployDefault.AllAtOnce"));  // a server configuration
  CHECK_FALSE(findLambdaDeploymentConfig("CodeDeployDefault.ECSAllAtOnce"));
  CHECK_FALSE(findLambdaDeploymentConfig("canary10percent5minutes"));
  // SAM rewrites only its short names; a full name passes through as written.
  CHECK(samshift::sam::findSamDeploymentType("AllAtOnce"));
  CHECK_FALSE(samshift::sam::findSamDeploymentType("CodeDeployDefault.LambdaAllAtOnce"));
}

TEST_CASE("custom shapes: uneven linear, wide canary, fixed weight", "[plan][schedule]") {
  Schedule uneven = linear(30, 4);
  CHECK(scheduleSteps(uneven) == std::vector<Step>{{0, 30}, {4, 60}, {8, 90}, {12, 100}});
  CHECK(totalMinutes(uneven) == 12);
  CHECK(describeSchedule(uneven) ==
        "30% at once, then 30% more every 4 minutes (the last step 10%), 100% after 12 minutes");

  Schedule thirds = linear(33, 1);
  CHECK(scheduleSteps(thirds) == std::vector<Step>{{0, 33}, {1, 66}, {2, 99}, {3, 100}});

  CHECK(scheduleSteps(linear(100, 5)) == std::vector<Step>{{0, 100}});
  CHECK(describeSchedule(linear(100, 5)) == "100% at once");
  CHECK(totalMinutes(linear(100, 5)) == 0);

  Schedule wide = canary(25, 1);
  CHECK(scheduleSteps(wide) == std::vector<Step>{{0, 25}, {1, 100}});
  CHECK(describeSchedule(wide) == "25% at once, the remaining 75% after 1 minute");

  Schedule weight = fixedWeight(2.5);
  CHECK(scheduleSteps(weight) == std::vector<Step>{{0, 2.5}});
  CHECK(totalMinutes(weight) == 0);
  CHECK(describeSchedule(weight) == "2.5% on the additional version, held (no schedule)");
}

TEST_CASE("schedules that cannot run say why and have no steps", "[plan][schedule]") {
  CHECK(scheduleProblem(canary(100, 5)) ==
        "canary percentage must be at least 1 and below 100, got 100");
  CHECK(scheduleProblem(canary(10, 0)) ==
        "canary interval must be between 1 and 525600 minutes, got 0");
  CHECK(scheduleProblem(linear(0, 1)) == "linear percentage must be between 1 and 100, got 0");
  CHECK(scheduleProblem(linear(10, -2)) ==
        "linear interval must be between 1 and 525600 minutes, got -2");
  CHECK(scheduleProblem(fixedWeight(120)) == "weight must be between 0 and 100%, got 120");
  CHECK(scheduleProblem(linear(0.5, 1)) == "linear percentage must be between 1 and 100, got 0.5");
  CHECK(scheduleProblem(canary(10, 525601)) ==
        "canary interval must be between 1 and 525600 minutes, got 525601");
  CHECK_FALSE(scheduleProblem(linear(1, 525600)));
  CHECK(totalMinutes(linear(1, 525600)) == 99 * 525600);
  CHECK_FALSE(scheduleProblem(allAtOnce()));
  CHECK(scheduleSteps(linear(0, 1)).empty());
  CHECK(totalMinutes(canary(10, 0)) == 0);
  CHECK(describeSchedule(linear(0, 1)) ==
        "cannot run: linear percentage must be between 1 and 100, got 0");
}

TEST_CASE("percentages print without trailing zeros", "[plan][schedule]") {
  CHECK(formatPercent(10) == "10");
  CHECK(formatPercent(2.5) == "2.5");
  CHECK(formatPercent(33.333) == "33.33");
  CHECK(formatPercent(0.004) == "0");
  CHECK(formatPercent(99.999) == "100");
}
