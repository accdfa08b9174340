#pragma once
// The schedule model: how a deployment configuration moves traffic from the old version of an
// alias to the new one over time. Pure functions of a Schedule, shared by `samshift plan` and the
// LSP hover. No template knowledge lives here (see plan/deployments.h for that).
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
#include <string_view>
#include <vector>

namespace samshift::plan {

enum class ShiftKind {
  kAllAtOnce,
  kCanary,
  kLinear,
  kFixedWeight,
};

// "AllAtOnce", "Canary", "Linear", "FixedWeight".
std::string_view shiftKindName(ShiftKind kind);

struct Schedule {
  ShiftKind kind = ShiftKind::kAllAtOnce;
  // Canary: the first shift; linear: each increment; fixed weight: the weight (may be
  // fractional, e.g. 2.5); all at once: 100.
  double percentage = 100;
  // Canary: minutes before the rest; linear: minutes between increments; otherwise 0.
  int intervalMinutes = 0;
};

Schedule allAtOnce();
Schedule canary(double percentage, int intervalMinutes);
Schedule linear(double percentage, int intervalMinutes);
Schedule fixedWeight(double percentage);

// Why a schedule cannot run (e.g. "linear percentage must be between 1 and 100, got 0"):
// percentages below 1, a canary of 100% or more, intervals outside 1..525600 minutes.
// nullopt when it is valid. The other functions below expect a valid schedule and return an
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

// In words: "100% at once", "10% at once, the remaining 90% after 5 minutes",
// "10% at once, then 10% more every minute, 100% after 9 minutes",
// "5% on the additional version, held (no schedule)".
std::string describeSchedule(const Schedule& schedule);

// A percentage as people write it: "10", "2.5", "33.33" (at most two decimals, no trailing 0).
std::string formatPercent(double percent);

// The nine predefined Lambda configurations of CodeDeploy, by short name
// ("Canary10Percent5Minutes", as SAM's DeploymentPreference.Type takes it) or by full name
// ("CodeDeployDefault.LambdaCanary10Percent5Minutes", as a DeploymentGroup takes it).
std::optional<Schedule> predefinedLambdaSchedule(std::string_view name);
// The short names, in CodeDeploy's documentation order.
const std::vector<std::string_view>& predefinedLambdaNames();
// "CodeDeployDefault.Lambda" + short name; empty when `shortName` is not predefined.
std::string predefinedLambdaFullName(std::string_view shortName);

}  // namespace samshift::plan
