// R004: an event source (SQS/Kinesis/DynamoDB mapping, SNS subscription, EventBridge rule or
// schedule, S3 notification, log subscription, load balancer, AppSync, function URL) targets a
// function unqualified although it has an alias.

#include <algorithm>

#include "engine/registry.h"
#include "rules/callers/function_references.h"

namespace samshift::rules {

namespace {

class UnqualifiedEventTarget : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "R004", "unqualified-event-target", core::Severity::kWarning,
        "An event source targets a function that has an alias without the alias",
        R"(## What it does
Reports an event source written as its own resource that targets a function unqualified
(`!Ref Fn`, `!GetAtt Fn.Arn`) when the function has an alias (`AutoPublishAlias` or an
`AWS::Lambda::Alias` of the template): the `FunctionName` of an `AWS::Lambda::EventSourceMapping`,
the `Endpoint` of a `lambda` SNS subscription (`AWS::SNS::Subscription` or a topic's
`Subscription` list), the `Targets` of an `AWS::Events::Rule`, the `Target` of an
`AWS::Scheduler::Schedule`, the `LambdaConfigurations` of an S3 bucket, the `DestinationArn`
of an `AWS::Logs::SubscriptionFilter`, the `Targets` of a `lambda` load balancer target group,
the `LambdaConfig` of an AppSync data source, and the `TargetFunctionArn` of an
`AWS::Lambda::Url` without `Qualifier` (the URL then serves `$LATEST`, bypassing the alias and
its canary).

Events written under the function's `Events` are not concerned: SAM targets the alias itself.
Option `ignore-functions` (a list of logical IDs) leaves out functions whose event sources are
meant to run the latest code, e.g. `options: {R004: {ignore-functions: [Migrator]}}`.

## Why is this bad?
The event source invokes `$LATEST`: it gets new code as soon as CloudFormation updates the
function, while the alias, and the canary CodeDeploy runs on it, only sees the traffic of the
other callers. A failing version keeps processing these events even after an alarm rolls the
alias back, and provisioned concurrency on the alias does not serve them.

## Example
```yaml
QueueMapping:
  Type: AWS::Lambda::EventSourceMapping
  Properties:
    EventSourceArn: !GetAtt Queue.Arn
    FunctionName: !Ref Fn
```

## Use instead
```yaml
QueueMapping:
  Type: AWS::Lambda::EventSourceMapping
  Properties:
    EventSourceArn: !GetAtt Queue.Arn
    FunctionName: !Ref Fn.Alias
```
)"};
    return kInfo;
  }

  std::vector<engine::OptionSpec> optionSpecs() const override {
    return {{"ignore-functions", engine::OptionType::kStringList,
             "logical IDs of functions whose event sources invoke them unqualified on purpose"}};
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    std::vector<std::string> ignored = context.stringListOption(info(), "ignore-functions", {});
    const callers::FunctionIndex& index = callers::functionIndex(context);
    for (const model::ResourceView& resource : context.templ.resources()) {
      for (const sam::EventSourceTarget& target : sam::eventSourceTargets(resource)) {
        if (target.qualifier) continue;  // a URL with a Qualifier
        for (const callers::FunctionReference& ref : index.references(*target.node)) {
          if (ref.qualifier != callers::Qualifier::kNone || !index.hasAlias(ref.function)) continue;
          if (std::find(ignored.begin(), ignored.end(), ref.function) != ignored.end()) continue;
          std::vector<std::string> aliases = index.aliasNames(ref.function);
          std::string alias = aliases.empty() ? "its alias" : "its alias `" + aliases.front() + "`";
          reporter.report(*ref.node, "`" + target.key + "` of `" + std::string(resource.id) +
                                         "` targets `" + ref.function +
                                         "` unqualified, bypassing " + alias);
        }
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnqualifiedEventTarget)

}  // namespace samshift::rules
