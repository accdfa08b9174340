// M003: an Alarms entry that names no CloudWatch alarm.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class InvalidAlarmEntry : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "M003", "invalid-alarm-entry", core::Severity::kError,
        "A deployment `Alarms` entry is not an alarm name or a `Ref` to an alarm",
        R"(## What it does
Checks each entry of a function's `DeploymentPreference.Alarms` (both branches of an `!If`) and
each `Name` of a deployment group's `AlarmConfiguration.Alarms`: it must be an alarm name, a
`Ref` to an `AWS::CloudWatch::Alarm` or `AWS::CloudWatch::CompositeAlarm` (a `Ref` to an alarm
returns its name), or another intrinsic that yields a name (a parameter, `!Sub`,
`!ImportValue`). A `Ref` to a resource of another type, a `!GetAtt Alarm.Arn` (an ARN, not a
name) and a nested mapping are reported.

## Why is this bad?
CodeDeploy looks alarms up by name. A wrong value fails the deployment group, or, worse, names
an alarm that does not exist, so the deployment is never stopped.

## Example
```yaml
Alarms:
  - !GetAtt ErrorsAlarm.Arn
```

## Use instead
```yaml
Alarms:
  - !Ref ErrorsAlarm
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    std::vector<const Node*> seen;
    auto checkAll = [&](const Node& alarms) {
      for (const Node* entry : listItems(alarms)) {
        if (std::find(seen.begin(), seen.end(), entry) != seen.end()) continue;
        seen.push_back(entry);
        check(templ, *entry, reporter);
      }
    };
    if (const Node* globals = templ.globals()) {
      const Node* function = globals->get("Function");
      const Node* preference =
          function && function->isMapping() ? function->get("DeploymentPreference") : nullptr;
      if (preference && preference->isMapping() && preference->get("Alarms"))
        checkAll(*preference->get("Alarms"));
    }
    for (const ResourceView& resource : templ.resources()) {
      if (resource.type == "AWS::Serverless::Function") {
        Located alarms = locateProperty(templ, resource, {"DeploymentPreference", "Alarms"});
        if (alarms && !alarms.fromGlobals) checkAll(*alarms.node);
      } else if (resource.type == "AWS::CodeDeploy::DeploymentGroup") {
        const Node* config = resource.property("AlarmConfiguration");
        const Node* alarms = config && config->isMapping() ? config->get("Alarms") : nullptr;
        if (!alarms) continue;
        for (const Node* entry : listItems(*alarms)) {
          if (entry->isMapping() && !entry->isIntrinsic() && entry->get("Name")) {
            for (const Node* name : conditionalBranches(*entry->get("Name")))
              check(templ, *name, reporter);
          }
        }
      }
    }
  }

 private:
  static void check(const model::Template& templ, const Node& entry, engine::Reporter& reporter) {
    if (entry.isScalar()) {
      if (entry.isNull() || (entry.isString() && entry.text().empty())) {
        reporter.report(entry, "Alarm entry is empty");
      }
      return;
    }
    if (entry.isSequence()) {
      reporter.report(entry, "Alarm entry is a list, not an alarm name");
      return;
    }
    if (!entry.isIntrinsic()) {
      reporter.report(entry, "Alarm entry is a mapping, not an alarm name");
      return;
    }
    if (auto name = model::refName(entry)) {
      const ResourceView* target = templ.resource(*name);
      if (target && target->type != "AWS::CloudWatch::Alarm" &&
          target->type != "AWS::CloudWatch::CompositeAlarm") {
        reporter.report(entry, "Alarm entry refers to `" + std::string(target->id) + "` of type `" +
                                   std::string(target->type) + "`, not to a CloudWatch alarm");
      }
      return;
    }
    if (auto target = model::getAttTarget(entry)) {
      const ResourceView* resource = templ.resource(target->resource);
      if (resource &&
          (resource->type == "AWS::CloudWatch::Alarm" ||
           resource->type == "AWS::CloudWatch::CompositeAlarm") &&
          target->attribute == "Arn") {
        reporter.report(entry, "Alarm entry is the ARN of `" + target->resource +
                                   "`; CodeDeploy expects its name");
      } else if (resource) {
        reporter.report(entry, "Alarm entry is attribute `" + target->attribute + "` of `" +
                                   target->resource + "`, not an alarm name");
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidAlarmEntry)

}  // namespace samshift::rules
