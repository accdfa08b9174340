// M001: a canary or linear deployment without alarms to stop it.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

class ShiftWithoutAlarms : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"M001", "shift-without-alarms", core::Severity::kWarning,
                                        "A canary or linear deployment preference without `Alarms`",
                                        R"(## What it does
Reports an enabled `DeploymentPreference` whose `Type` shifts traffic gradually (a canary or
linear configuration, predefined or custom), or can in some stack (an `Fn::If` branch, a
parameter's `Default` or `AllowedValues`: the "canary only in prod" pattern), but that lists no
`Alarms` (Globals included), and
an `AWS::CodeDeploy::DeploymentGroup` of a Lambda application whose `DeploymentConfigName` is
gradual but whose `AlarmConfiguration` is missing, disabled or empty.

## Why is this bad?
CodeDeploy only stops and rolls back a gradual deployment when one of its alarms fires. Without
alarms the canary window passes and all traffic moves to the new version whatever its error
rate: the deployment is as risky as `AllAtOnce`, only slower.

## Example
```yaml
DeploymentPreference:
  Type: Canary10Percent10Minutes
```

## Use instead
```yaml
DeploymentPreference:
  Type: Canary10Percent10Minutes
  Alarms:
    - !Ref AliasErrorsAlarm
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
      const Node* alarms = function.alarms();
      if (alarms && !(alarms->isSequence() && alarms->items().empty()) && !alarms->isNull())
        continue;
      Located type = function.locate(templ, {"Type"});
      auto schedule = shiftSchedule(templ, function);
      if (!schedule || schedule->kind == sam::ShiftKind::kAllAtOnce) {
        // A Type chosen per stack (`!If [IsProd, Canary10Percent5Minutes, AllAtOnce]`, a
        // parameter allowing a canary): gradual in some stack, unprotected there.
        const Node* chosen = function.merged->get("Type");
        if (auto gradual = chosen ? possibleGradualType(templ, *chosen, 0) : std::nullopt) {
          sink.report(*function.resource, type,
                      "Deployment type can be `" + *gradual + "` (" + describeChoice(*chosen) +
                          "), a gradual deployment with no `Alarms` to stop it");
        }
        continue;
      }
      std::string name = function.type ? *function.type : "";
      if (const model::ResourceView* custom =
              CodeDeployFacts::customConfig(templ, *function.merged->get("Type"))) {
        name = std::string(custom->id);
      }
      sink.report(*function.resource, type,
                  "Gradual deployment `" + name + "` has no `Alarms` to stop it");
    }
    // Explicit deployment groups of a Lambda application.
    for (const model::ResourceView* group :
         templ.resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
      const model::ResourceView* application = CodeDeployFacts::groupApplication(templ, *group);
      auto platform =
          application ? CodeDeployFacts::applicationPlatform(templ, *application) : std::nullopt;
      const Node* config = group->property("DeploymentConfigName");
      if (!platform || *platform != "Lambda" || !config) continue;
      auto schedule = configSchedule(templ, *config);
      if (!schedule || schedule->kind == sam::ShiftKind::kAllAtOnce ||
          hasAlarms(group->property("AlarmConfiguration"))) {
        continue;
      }
      const model::ResourceView* custom = CodeDeployFacts::customConfig(templ, *config);
      std::string name = custom ? std::string(custom->id) : config->text();
      reporter.report(*config, "Gradual deployment `" + name + "` of group `" +
                                   std::string(group->id) + "` has no alarms to stop it");
    }
  }

 private:
  // The first gradual deployment type `type` can take in some stack: either branch of an `Fn::If`
  // (nested ones too), the `Default` or any `AllowedValues` entry of a parameter it names.
  static std::optional<std::string> possibleGradualType(const model::Template& templ,
                                                        const Node& type, int depth) {
    auto gradual = [&](const Node& value) -> std::optional<std::string> {
      auto schedule = value.isString() ? configSchedule(templ, value) : std::nullopt;
      if (schedule && schedule->kind != sam::ShiftKind::kAllAtOnce) return value.text();
      return std::nullopt;
    };
    if (depth > 16) return std::nullopt;  // nested choices deeper than any real template
    if (type.intrinsicName() == "Fn::If") {
      const Node& arg = type.intrinsicArgument();
      if (!arg.isSequence() || arg.items().size() != 3) return std::nullopt;
      for (size_t branch = 1; branch < 3; ++branch) {
        if (auto found = possibleGradualType(templ, arg.items()[branch], depth + 1)) return found;
      }
      return std::nullopt;
    }
    if (auto name = model::refName(type)) {
      const Node* parameter = templ.parameter(*name);
      if (!parameter || !parameter->isMapping()) return std::nullopt;
      if (const Node* fallback = parameter->get("Default")) {
        if (auto found = gradual(*fallback)) return found;
      }
      if (const Node* allowed = parameter->get("AllowedValues")) {
        for (const Node& value : allowed->items()) {
          if (auto found = gradual(value)) return found;
        }
      }
      return std::nullopt;
    }
    return gradual(type);
  }

  static std::string describeChoice(const Node& type) {
    if (type.intrinsicName() == "Fn::If") return "chosen by `Fn::If`";
    if (auto name = model::refName(type))
      return "a value parameter `" + std::string(*name) + "` allows";
    return "in some stack";
  }

  // An AlarmConfiguration that is enabled (or an intrinsic) and lists alarms.
  static bool hasAlarms(const Node* configuration) {
    if (!configuration) return false;
    if (!configuration->isMapping() || configuration->isIntrinsic()) return true;
    const Node* enabled = configuration->get("Enabled");
    if (enabled && enabled->isScalar() &&
        (enabled->text() == "false" || enabled->text() == "False")) {
      return false;
    }
    const Node* alarms = configuration->get("Alarms");
    return alarms && !listItems(*alarms).empty();
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ShiftWithoutAlarms)

}  // namespace samshift::rules
