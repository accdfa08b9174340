// M002: a deployment alarm that watches every version of the function, not the new one.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/alarms/deployment_alarms.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class UnqualifiedAlarm : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "M002", "unqualified-deployment-alarm", core::Severity::kWarning,
        "A deployment alarm watches the unqualified function, not the alias or "
        "version",
        R"(## What it does
Follows each alarm of a function's `DeploymentPreference.Alarms` (or of the `AlarmConfiguration`
of the deployment group an alias's `CodeDeployLambdaAliasUpdate` names) to its
`AWS::CloudWatch::Alarm` and reports it when its metric (or a metric of its `Metrics`) has a
`FunctionName` dimension naming that function but neither a `Resource` dimension
(`function:alias`) nor an `ExecutedVersion` dimension.

## Why is this bad?
The alarm then counts the errors of every version. During a canary the old version's errors
trip it and roll back a good deployment; and while a broken old version keeps failing, the alarm
stays in ALARM and blocks the very deployment that would fix it.

## Example
```yaml
ErrorsAlarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    Namespace: AWS/Lambda
    MetricName: Errors
    Dimensions:
      - Name: FunctionName
        Value: !Ref Orders
```

## Use instead
```yaml
ErrorsAlarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    Namespace: AWS/Lambda
    MetricName: Errors
    Dimensions:
      - Name: Resource
        Value: !Sub "${Orders}:live"
      - Name: FunctionName
        Value: !Ref Orders
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    std::vector<const ResourceView*> reported;
    for (const DeploymentAlarm& guard : deploymentAlarms(context))
      check(templ, guard, reported, reporter);
  }

 private:
  static void check(const model::Template& templ, const DeploymentAlarm& guard,
                    std::vector<const ResourceView*>& reported, engine::Reporter& reporter) {
    const ResourceView* alarm = guard.alarm;
    const ResourceView& function = *guard.function;
    const Node& entry = *guard.entry;
    if (!alarm || alarm->type != "AWS::CloudWatch::Alarm") return;
    if (std::find(reported.begin(), reported.end(), alarm) != reported.end()) return;
    const Node* dimension = unqualifiedDimension(templ, *alarm, function);
    if (!dimension) return;
    reported.push_back(alarm);
    reporter.report(
        *dimension,
        "Alarm `" + std::string(alarm->id) + "` watches every version of `" +
            std::string(function.id) + "`: it has no `Resource` or `ExecutedVersion` dimension",
        {core::Note{entry.span(),
                    "The alarm guards the deployment of `" + std::string(function.id) + "` here"}});
  }

  // The FunctionName dimension value naming `function` in a dimension list without a qualifier.
  static const Node* checkDimensions(const model::Template& templ, const Node* dimensions,
                                     const ResourceView& function) {
    if (!dimensions || !dimensions->isSequence()) return nullptr;
    const Node* functionValue = nullptr;
    for (const Node& dimension : dimensions->items()) {
      const Node* name = dimension.isMapping() ? dimension.get("Name") : nullptr;
      const Node* value = dimension.isMapping() ? dimension.get("Value") : nullptr;
      if (!name || !value || !name->isString()) continue;
      if (name->text() == "Resource" || name->text() == "ExecutedVersion") return nullptr;
      if (name->text() == "FunctionName" && namesFunction(templ, *value, function))
        functionValue = value;
    }
    return functionValue;
  }

  static bool namesFunction(const model::Template& templ, const Node& value,
                            const ResourceView& function) {
    if (referencedResource(templ, value) == &function) return true;
    auto literal = literalFunctionName(templ, function);
    return literal && value.isString(*literal);
  }

  static const Node* unqualifiedDimension(const model::Template& templ, const ResourceView& alarm,
                                          const ResourceView& function) {
    for (const Node* metric : lambdaMetrics(alarm)) {
      if (const Node* found = checkDimensions(templ, metric->get("Dimensions"), function))
        return found;
    }
    return nullptr;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnqualifiedAlarm)

}  // namespace samshift::rules
