#pragma once
// How plan words a schedule. The schedule itself — its type, its steps, its length, why it cannot
// run, and the predefined CodeDeploy configurations — is SAM's and CodeDeploy's meaning, owned by
// src/sam (sam/schedule.h, sam/deployment_configs.h); plan names those here so that its reports
// read `Schedule` and `Step` like the rest of plan.

#include <string>
#include <string_view>

#include "sam/schedule.h"

namespace samshift::plan {

using sam::allAtOnce;
using sam::canary;
using sam::fixedWeight;
using sam::formatPercent;
using sam::linear;
using sam::Schedule;
using sam::scheduleProblem;
using sam::scheduleSteps;
using sam::ShiftKind;
using sam::Step;
using sam::totalMinutes;

// "AllAtOnce", "Canary", "Linear", "FixedWeight".
std::string_view shiftKindName(ShiftKind kind);

// In words: "100% at once", "10% at once, the remaining 90% after 5 minutes",
// "10% at once, then 10% more every minute, 100% after 9 minutes",
// "5% on the additional version, held (no schedule)".
std::string describeSchedule(const Schedule& schedule);

}  // namespace samshift::plan
