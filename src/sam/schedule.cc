#include "sam/schedule.h"

#include <cmath>
#include <cstdio>

namespace samshift::sam {
namespace {

// Number of increments of a linear schedule: enough for the cumulative share to reach 100.
int linearIncrements(double percentage) {
  int increments = static_cast<int>(std::ceil(100.0 / percentage - 1e-9));
  return increments < 1 ? 1 : increments;
}

// A year of minutes: longer than any real deployment, short enough that 100 steps fit an int.
constexpr int kMaxIntervalMinutes = 525600;

}  // namespace

int wholeMinutes(double minutes) {
  if (!(minutes >= 0 && minutes <= 1e7)) return -1;
  return static_cast<int>(minutes);
}

double roundPercent(double value) { return std::round(value * 100.0) / 100.0; }

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

std::string formatPercent(double percent) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", roundPercent(percent));
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

}  // namespace samshift::sam
