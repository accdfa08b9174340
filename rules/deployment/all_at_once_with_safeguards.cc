// D011: AllAtOnce with alarms or hooks that have no window to act in.

#include <optional>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

class AllAtOnceWithSafeguards : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"D011", "all-at-once-with-safeguards",
                                        core::Severity::kInfo,
                                        "An `AllAtOnce` deployment preference has alarms",
                                        R"(## What it does
Reports an enabled `DeploymentPreference` of type `AllAtOnce` (predefined, or a custom
Lambda configuration of type `AllAtOnce`) that lists `Alarms` (Globals included).

## Why is this bad?
`AllAtOnce` moves all traffic at once: an alarm can only roll back after every caller has
already hit the new version, so it protects no one (a pre-traffic hook still runs before the
shift, which is why hooks are not reported). A canary gives the alarms a window to act in.

## Example
```yaml
DeploymentPreference:
  Type: AllAtOnce
  Alarms:
    - !Ref ErrorsAlarm
```

## Use instead
```yaml
DeploymentPreference:
  Type: Canary10Percent5Minutes
  Alarms:
    - !Ref ErrorsAlarm
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    FindingSink sink(reporter);
    for (const ShiftingFunction& function : shiftingFunctions(context)) {
      if (!function.enabled) continue;
      auto schedule = shiftSchedule(templ, function);
      if (!schedule || schedule->kind != sam::ShiftKind::kAllAtOnce) continue;
      const model::Node* alarms = function.alarms();
      if (!alarms || listItems(*alarms).empty()) continue;
      sink.report(*function.resource, function.locate(templ, {"Type"}),
                  "`AllAtOnce` moves all traffic before its `Alarms` can act");
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(AllAtOnceWithSafeguards)

}  // namespace samshift::rules
