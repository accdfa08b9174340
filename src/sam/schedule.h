#pragma once
// How a deployment moves traffic from the old version of an alias to the new one over time: the
// one schedule type of samshift, for the predefined CodeDeploy configurations
// (sam/deployment_configs.h), custom AWS::CodeDeploy::DeploymentConfig resources
// (sam/codedeploy_resources.h), Step Functions alias preferences and fixed alias weights. Plan
// draws and words schedules; rules compare alarm windows with them; the language server shows
// them.
//
// Semantics (cited in schedule.cc):
// - All at once: every request goes to the new version at minute 0.
// - Canary (CodeDeploy TimeBasedCanary, Step Functions CANARY): `percentage` at minute 0, the
//   remaining traffic after `intervalMinutes`.
// - Linear (CodeDeploy TimeBasedLinear, Step Functions LINEAR): `percentage` more at the start
//   of each increment, one increment every `intervalMinutes`, until 100% (the last increment may
//   be smaller).
// - Fixed weight (an alias RoutingConfig): `percentage` on the additional version, held; there is
//   no schedule that ends it.

#include <optional>
#include <string>
#include <vector>

namespace samshift::sam {

enum class ShiftKind {
  kAllAtOnce,
  kCanary,
  kLinear,
  kFixedWeight,
};

struct Schedule {
  ShiftKind kind = ShiftKind::kAllAtOnce;
  // Canary: the first shift; linear: each increment; fixed weight: the weight (may be
  // fractional, e.g. 2.5); all at once: 100.
  double percentage = 100;
  // Canary: minutes before the rest; linear: minutes between increments; otherwise 0.
  int intervalMinutes = 0;
};

constexpr Schedule allAtOnce() { return Schedule{ShiftKind::kAllAtOnce, 100, 0}; }
constexpr Schedule canary(double percentage, int intervalMinutes) {
  return Schedule{ShiftKind::kCanary, percentage, intervalMinutes};
}
constexpr Schedule linear(double percentage, int intervalMinutes) {
  return Schedule{ShiftKind::kLinear, percentage, intervalMinutes};
}
constexpr Schedule fixedWeight(double percentage) {
  return Schedule{ShiftKind::kFixedWeight, percentage, 0};
}

// Whole minutes of a number read from a template: a value out of range becomes -1, which
// scheduleProblem() rejects, rather than overflowing the conversion.
int wholeMinutes(double minutes);

// Why a schedule cannot run (e.g. "linear percentage must be between 1 and 100, got 0"):
// percentages below 1, a canary of 100% or more, intervals outside 1..525600 minutes.
// nullopt when it is valid. The functions below expect a valid schedule and return an
// empty/zero answer for an invalid one rather than looping.
std::optional<std::string> scheduleProblem(const Schedule& schedule);

// One moment at which the traffic changes: the cumulative percentage on the new version from
// that minute on.
struct Step {
  int minute = 0;
  double percent = 0;
  bool operator==(const Step&) const = default;
};

// Every moment traffic changes, in time order; the first step is at minute 0. All at once:
// [{0,100}]; Canary10Percent5Minutes: [{0,10},{5,100}]; Linear10PercentEvery1Minute:
// [{0,10},{1,20},...,{9,100}]; fixed weight 5%: [{0,5}].
std::vector<Step> scheduleSteps(const Schedule& schedule);

// Minutes from the first shift to the last one (the PostTraffic hook runs after that):
// all at once 0, canary `intervalMinutes`, linear (increments - 1) * intervalMinutes, fixed 0.
int totalMinutes(const Schedule& schedule);

// A percentage rounded to a hundredth, so that 3 * 33.33 and friends land on the values people
// expect; weights in a RoutingConfig have at most a few decimals.
double roundPercent(double value);

// A percentage as people write it: "10", "2.5", "33.33" (at most two decimals, no trailing 0).
std::string formatPercent(double percent);

}  // namespace samshift::sam
