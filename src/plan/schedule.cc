#include "plan/schedule.h"

#include <cmath>
#include <cstdio>

namespace samshift::plan {
namespace {

// Percentages are compared after rounding to a hundredth so that 3 * 33.33 and friends land on
// the values people expect; weights in a RoutingConfig have at most a few decimals.
double roundPercent(double value) { return std::round(value * 100.0) / 100.0; }

std::string minutesPhrase(int minutes) {
  return minutes == 1 ? std::string("1 minute") : std::to_string(minutes) + " minutes";
}

std::string everyPhrase(int minutes) {
  return minutes == 1 ? std::string("every minute")
                      : "every " + std::to_string(minutes) + " minutes";
}

// Number of increments of a linear schedule: enough for the cumulative share to reach 100.
int linearIncrements(double percentage) {
  int increments = static_cast<int>(std::ceil(100.0 / percentage - 1e-9));
  return increments < 1 ? 1 : increments;
}

struct Predefined {
  std::string_view name;
  Schedule schedule;
};

// The predefined Lambda configurations, as the CodeDeploy User Guide lists them under
// "Predefined deployment configurations for an AWS Lambda compute platform"
// (docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html):
// CodeDeployDefault.LambdaCanary10Percent5Minutes shifts 10 percent in the first increment and
// the remaining 90 percent five minutes later; ...Linear10PercentEvery1Minute shifts 10 percent
// every minute until all traffic is shifted; ...AllAtOnce shifts all traffic at once.
const std::vector<Predefined>& predefinedTable() {
  static const std::vector<Predefined> table = {
      {"Canary10Percent5Minutes", canary(10, 5)},
      {"Canary10Percent10Minutes", canary(10, 10)},
      {"Canary10Percent15Minutes", canary(10, 15)},
      {"Canary10Percent30Minutes", canary(10, 30)},
      {"Linear10PercentEvery1Minute", linear(10, 1)},
      {"Linear10PercentEvery2Minutes", linear(10, 2)},
      {"Linear10PercentEvery3Minutes", linear(10, 3)},
      {"Linear10PercentEvery10Minutes", linear(10, 10)},
      {"AllAtOnce", allAtOnce()},
  };
  return table;
}

constexpr std::string_view kFullPrefix = "CodeDeployDefault.Lambda";

// A year of minutes: longer than any real deployment, short enough that 100 steps fit an int.
constexpr int kMaxIntervalMinutes = 525600;

}  // namespace

std::string_view shiftKindName(ShiftKind kind) {
  switch (kind) {
    case ShiftKind::kAllAtOnce:
      return "AllAtOnce";
    case ShiftKind::kCanary:
      return "Canary";
    case ShiftKind::kLinear:
      return "Linear";
    case ShiftKind::kFixedWeight:
      return "FixedWeight";
  }
  return "AllAtOnce";
}

Schedule allAtOnce() { return Schedule{ShiftKind::kAllAtOnce, 100, 0}; }
Schedule canary(double percentage, int intervalMinutes) {
  return Schedule{ShiftKind::kCanary, percentage, intervalMinutes};
}
Schedule linear(double percentage, int intervalMinutes) {
  return Schedule{ShiftKind::kLinear, percentage, intervalMinutes};
}
Schedule fixedWeight(double percentage) { return Schedule{ShiftKind::kFixedWeight, percentage, 0}; }

std::optional<std::string> scheduleProblem(const Schedule& schedule) {
  double p = schedule.percentage;
  int interval = schedule.intervalMinutes;
  // Both services take whole percentages of at least 1 (CodeDeploy's TimeBasedCanary and
  // TimeBasedLinear are Integer; Step Functions' Percentage is 1..99 and Interval 1..2100 in the
  // CloudFormation reference for AWS::StepFunctions::StateMachineAlias DeploymentPreference).
  // The bounds also keep a plan small: at most 100 steps, and minutes that fit an int.
  auto intervalProblem = [&](std::string_view kind) -> std::optional<std::string> {
    if (interval < 1 || interval > kMaxIntervalMinutes) {
      return std::string(kind) + " interval must be between 1 and " +
             std::to_string(kMaxIntervalMinutes) + " minutes, got " + std::to_string(interval);
    }
    return std::nullopt;
  };
  switch (schedule.kind) {
    case ShiftKind::kAllAtOnce:
      return std::nullopt;
    case ShiftKind::kCanary:
      // A canary needs something left for its second shift.
      if (!(p >= 1 && p < 100)) {
        return "canary percentage must be at least 1 and below 100, got " + formatPercent(p);
      }
      return intervalProblem("canary");
    case ShiftKind::kLinear:
      if (!(p >= 1 && p <= 100)) {
        return "linear percentage must be between 1 and 100, got " + formatPercent(p);
      }
      return intervalProblem("linear");
    case ShiftKind::kFixedWeight:
      if (!(p >= 0 && p <= 100)) {
        return "weight must be between 0 and 100%, got " + formatPercent(p);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Step> scheduleSteps(const Schedule& schedule) {
  if (scheduleProblem(schedule)) return {};
  switch (schedule.kind) {
    case ShiftKind::kAllAtOnce:
      return {Step{0, 100}};
    case ShiftKind::kCanary:
      // TimeBasedCanary (CodeDeploy API reference): canaryPercentage "is shifted in the first
      // increment", canaryInterval is "the number of minutes between the first and second
      // traffic shifts"; the second shift moves the rest.
      return {Step{0, roundPercent(schedule.percentage)}, Step{schedule.intervalMinutes, 100}};
    case ShiftKind::kLinear: {
      // TimeBasedLinear (CodeDeploy API reference): linearPercentage "is shifted at the start of
      // each increment", linearInterval is "the number of minutes between each incremental
      // traffic shift". So the first increment starts at minute 0 and the last shift happens
      // (increments - 1) intervals later; a share that does not divide 100 ends with a smaller
      // last step. Step Functions' LINEAR (CloudFormation reference) is described the same way:
      // "equal increments with an equal number of minutes between each increment".
      std::vector<Step> steps;
      int increments = linearIncrements(schedule.percentage);
      for (int k = 1; k <= increments; ++k) {
        double cumulative = roundPercent(schedule.percentage * k);
        if (cumulative > 100 || k == increments) cumulative = 100;
        steps.push_back(Step{(k - 1) * schedule.intervalMinutes, cumulative});
      }
      return steps;
    }
    case ShiftKind::kFixedWeight:
      return {Step{0, roundPercent(schedule.percentage)}};
  }
  return {};
}

int totalMinutes(const Schedule& schedule) {
  std::vector<Step> steps = scheduleSteps(schedule);
  return steps.empty() ? 0 : steps.back().minute;
}

std::string describeSchedule(const Schedule& schedule) {
  if (auto problem = scheduleProblem(schedule)) return "cannot run: " + *problem;
  double p = roundPercent(schedule.percentage);
  switch (schedule.kind) {
    case ShiftKind::kAllAtOnce:
      return "100% at once";
    case ShiftKind::kCanary:
      return formatPercent(p) + "% at once, the remaining " + formatPercent(roundPercent(100 - p)) +
             "% after " + minutesPhrase(schedule.intervalMinutes);
    case ShiftKind::kLinear: {
      std::vector<Step> steps = scheduleSteps(schedule);
      if (steps.size() == 1) return "100% at once";
      std::string text = formatPercent(p) + "% at once, then " + formatPercent(p) + "% more " +
                         everyPhrase(schedule.intervalMinutes);
      double last = roundPercent(steps.back().percent - steps[steps.size() - 2].percent);
      if (last != p) text += " (the last step " + formatPercent(last) + "%)";
      return text + ", 100% after " + minutesPhrase(steps.back().minute);
    }
    case ShiftKind::kFixedWeight:
      return formatPercent(p) + "% on the additional version, held (no schedule)";
  }
  return "";
}

std::string formatPercent(double percent) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", roundPercent(percent));
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

std::optional<Schedule> predefinedLambdaSchedule(std::string_view name) {
  if (name.substr(0, kFullPrefix.size()) == kFullPrefix) name.remove_prefix(kFullPrefix.size());
  for (const Predefined& entry : predefinedTable()) {
    if (entry.name == name) return entry.schedule;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& predefinedLambdaNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Predefined& entry : predefinedTable()) out.push_back(entry.name);
    return out;
  }();
  return names;
}

std::string predefinedLambdaFullName(std::string_view shortName) {
  for (const Predefined& entry : predefinedTable()) {
    if (entry.name == shortName) return std::string(kFullPrefix) + std::string(shortName);
  }
  return "";
}

}  // namespace samshift::plan
