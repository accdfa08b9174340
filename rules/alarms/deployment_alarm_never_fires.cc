// M006: a deployment alarm whose metric Lambda never publishes, so it never stops a deployment.

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>

#include "core/nearest_names.h"
#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/alarms/deployment_alarms.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

// The metrics Lambda publishes in `AWS/Lambda` (Lambda developer guide, "Types of metrics for
// Lambda functions": invocation, performance, concurrency, asynchronous invocation and event
// source mapping metrics).
constexpr std::array<std::string_view, 30> kLambdaMetrics = {
    "Invocations",
    "Errors",
    "DeadLetterErrors",
    "DestinationDeliveryFailures",
    "Throttles",
    "OversizedRecordCount",
    "ProvisionedConcurrencyInvocations",
    "ProvisionedConcurrencySpilloverInvocations",
    "RecursiveInvocationsDropped",
    "SignatureValidationErrors",
    "Duration",
    "PostRuntimeExtensionsDuration",
    "IteratorAge",
    "OffsetLag",
    "ConcurrentExecutions",
    "UnreservedConcurrentExecutions",
    "ProvisionedConcurrentExecutions",
    "ProvisionedConcurrencyUtilization",
    "ClaimedAccountConcurrency",
    "AsyncEventsReceived",
    "AsyncEventAge",
    "AsyncEventsDropped",
    "PolledEventCount",
    "FilteredOutEventCount",
    "InvokedEventCount",
    "FailedInvokeEventCount",
    "DroppedEventCount",
    "OnFailureDestinationDeliveredEventCount",
    "DeletedEventCount",
    "ProcessedBytes",
};

// The dimension sets Lambda publishes its metrics with (besides none at all).
const std::array<std::set<std::string_view>, 4>& publishedDimensionSets() {
  static const std::array<std::set<std::string_view>, 4> kSets = {{
      {"FunctionName"},
      {"FunctionName", "Resource"},
      {"FunctionName", "ExecutedVersion"},
      {"EventSourceMappingUUID"},
  }};
  return kSets;
}

class AlarmNeverFires : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "M006", "deployment-alarm-never-fires", core::Severity::kError,
        "A deployment alarm watches a Lambda metric that is never published, or another function",
        R"(## What it does
Follows each alarm that guards a deployment (`DeploymentPreference.Alarms`, or the
`AlarmConfiguration` of the group an alias's `CodeDeployLambdaAliasUpdate` names) to its
`AWS::CloudWatch::Alarm` of the template, and reads each `AWS/Lambda` metric it watches (the
alarm's own metric or those of its `Metrics`). It reports:
- a `MetricName` Lambda does not publish (`Error` for `Errors`);
- a set of dimensions Lambda does not publish a metric with (Lambda publishes `FunctionName`,
  `FunctionName` + `Resource`, `FunctionName` + `ExecutedVersion`, or none);
- a `FunctionName` dimension given an ARN (`!GetAtt Fn.Arn`, `!Ref Fn.Alias`, `arn:…`): the
  dimension holds the function's name;
- a `FunctionName` dimension naming another function of the template than the one deployed.

## Why is this bad?
CloudWatch finds no data for such a metric, so the alarm stays in `INSUFFICIENT_DATA` and never
goes to `ALARM`; an alarm on another function never sees this one's errors. Either way CodeDeploy
shifts all traffic to a failing version with nothing to stop it, while the template looks
protected.

## Example
```yaml
ErrorsAlarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    Namespace: AWS/Lambda
    MetricName: Error
    Dimensions:
      - Name: FunctionName
        Value: !GetAtt Orders.Arn
```

## Use instead
```yaml
ErrorsAlarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    Namespace: AWS/Lambda
    MetricName: Errors
    Dimensions:
      - Name: FunctionName
        Value: !Ref Orders
      - Name: Resource
        Value: !Sub "${Orders}:live"
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    std::set<std::pair<const ResourceView*, const ResourceView*>> checked;
    for (const DeploymentAlarm& guard : deploymentAlarms(context)) {
      if (!guard.alarm || guard.alarm->type != "AWS::CloudWatch::Alarm") continue;
      if (!checked.insert({guard.alarm, guard.function}).second) continue;
      for (const Node* metric : lambdaMetrics(*guard.alarm))
        checkMetric(context.templ, guard, *metric, reporter);
    }
  }

 private:
  static void checkMetric(const model::Template& templ, const DeploymentAlarm& guard,
                          const Node& metric, engine::Reporter& reporter) {
    std::string alarmId(guard.alarm->id);
    std::vector<core::Note> guards = {core::Note{
        guard.entry->span(),
        "The alarm guards the deployment of `" + std::string(guard.function->id) + "` here"}};
    const Node* name = metric.get("MetricName");
    if (name && name->isString() &&
        std::find(kLambdaMetrics.begin(), kLambdaMetrics.end(), name->text()) ==
            kLambdaMetrics.end()) {
      reporter.report(*name,
                      "Lambda publishes no metric `" + name->text() + "`" + nearest(name->text()) +
                          ": alarm `" + alarmId + "` never fires",
                      guards);
      return;
    }
    const Node* dimensions = metric.get("Dimensions");
    if (!dimensions || !dimensions->isSequence()) return;
    std::set<std::string_view> names;
    const Node* functionValue = nullptr;
    for (const Node& dimension : dimensions->items()) {
      const Node* key = dimension.isMapping() ? dimension.get("Name") : nullptr;
      if (!key || !key->isString()) return;  // a dimension name samshift cannot read
      names.insert(key->text());
      if (key->text() == "FunctionName") functionValue = dimension.get("Value");
    }
    const auto& sets = publishedDimensionSets();
    if (std::find(sets.begin(), sets.end(), names) == sets.end()) {
      std::string written;
      for (std::string_view each : names) {
        if (!written.empty()) written += "`, `";
        written.append(each);
      }
      reporter.report(*dimensions,
                      "Lambda publishes no metric with dimensions `" + written + "`: alarm `" +
                          alarmId + "` never fires",
                      guards);
      return;
    }
    if (!functionValue) return;
    if (isArn(templ, *functionValue)) {
      reporter.report(
          *functionValue,
          "The `FunctionName` dimension holds the function's name, not an ARN: alarm `" + alarmId +
              "` never fires",
          guards);
      return;
    }
    const ResourceView* watched = watchedFunction(templ, *functionValue);
    if (watched && watched != guard.function) {
      reporter.report(*functionValue,
                      "Alarm `" + alarmId + "` watches `" + std::string(watched->id) + "`, not `" +
                          std::string(guard.function->id) + "` whose deployment it guards",
                      guards);
    }
  }

  static std::string nearest(std::string_view name) {
    std::vector<std::string_view> close = core::nearestNames(name, kLambdaMetrics, 1);
    return close.empty() ? "" : " (did you mean `" + std::string(close.front()) + "`?)";
  }

  // `!GetAtt Fn.Arn`, `!Ref Fn.Alias`/`Fn.Version`, `${Fn.Arn}` or a literal `arn:` text.
  static bool isArn(const model::Template& templ, const Node& value) {
    if (value.isString()) return value.text().rfind("arn:", 0) == 0;
    if (auto target = model::getAttTarget(value))
      return target->attribute == "Arn" && templ.resource(target->resource);
    if (auto name = model::refName(value)) {
      std::string_view text = *name;
      return text.size() > 6 && (text.substr(text.size() - 6) == ".Alias" ||
                                 (text.size() > 8 && text.substr(text.size() - 8) == ".Version"));
    }
    if (value.intrinsicName() == "Fn::Sub" && value.intrinsicArgument().isString()) {
      const std::string& text = value.intrinsicArgument().text();
      return text.rfind("arn:", 0) == 0 ||
             (text.size() > 6 && text.rfind("${", 0) == 0 &&
              text.find(".Arn}") == text.size() - 5 && text.find('}') == text.size() - 1);
    }
    return false;
  }

  // The function of the template a FunctionName dimension names: `!Ref Fn`, or the literal name
  // of one.
  static const ResourceView* watchedFunction(const model::Template& templ, const Node& value) {
    if (auto name = model::refName(value)) {
      const ResourceView* resource = templ.resource(*name);
      return resource && (resource->type == "AWS::Serverless::Function" ||
                          resource->type == "AWS::Lambda::Function")
                 ? resource
                 : nullptr;
    }
    if (!value.isString()) return nullptr;
    for (const ResourceView& resource : templ.resources()) {
      if (resource.type != "AWS::Serverless::Function" && resource.type != "AWS::Lambda::Function")
        continue;
      auto literal = literalFunctionName(templ, resource);
      if (literal && value.isString(*literal)) return &resource;
    }
    return nullptr;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(AlarmNeverFires)

}  // namespace samshift::rules
