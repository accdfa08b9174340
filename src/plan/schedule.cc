#include "plan/schedule.h"

namespace samshift::plan {
namespace {

using sam::roundPercent;

std::string minutesPhrase(int minutes) {
  return minutes == 1 ? std::string("1 minute") : std::to_string(minutes) + " minutes";
}

std::string everyPhrase(int minutes) {
  return minutes == 1 ? std::string("every minute")
                      : "every " + std::to_string(minutes) + " minutes";
}

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

}  // namespace samshift::plan
