// S001: what SAM needs before it can give a state machine an alias: `AutoPublishAlias` for
// `DeploymentPreference` and `UseAliasAsEventTarget` (SAM's own checks, sam/validation.h), and an
// alias name that can be part of a logical ID (SAM uses it unchanged).

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/shared/sam_problems.h"
#include "sam/deployment_model.h"
#include "sam/transforms.h"
#include "sam/validation.h"

namespace samshift::rules {

namespace {

using model::Node;

class StateMachineAliasRequired : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "S001", "state-machine-alias-required", core::Severity::kError,
        "A state machine's `DeploymentPreference` or `UseAliasAsEventTarget` "
        "without a usable `AutoPublishAlias`",
        R"(## What it does
Reports, on an `AWS::Serverless::StateMachine`:
- a `DeploymentPreference` or a true `UseAliasAsEventTarget` without `AutoPublishAlias` (the
  SAM transform's own checks, with SAM's message as a note);
- an `AutoPublishAlias` that is not a literal alphanumeric name (`live`, `prod2`); with the
  `AWS::LanguageExtensions` transform listed before SAM's, which resolves parameter Refs
  first, a parameter's default is judged instead.

## Why is this bad?
Without an alias there is nothing to shift traffic on or to point events at, and the transform
fails. Unlike for functions, SAM neither resolves nor cleans a state machine's alias name: it
appends it to the logical ID of the alias resource (`MachineAlias<name>`), so `my-alias`, `v1.2`
or a `!Ref` produce an invalid logical ID and the transform fails with "Logical ids must be
alphanumeric".

## Example
```yaml
Machine:
  Type: AWS::Serverless::StateMachine
  Properties:
    DefinitionUri: statemachine.asl.json
    AutoPublishAlias: my-alias
    DeploymentPreference:
      Type: ALL_AT_ONCE
```

## Use instead
```yaml
Machine:
  Type: AWS::Serverless::StateMachine
  Properties:
    DefinitionUri: statemachine.asl.json
    AutoPublishAlias: live
    DeploymentPreference:
      Type: ALL_AT_ONCE
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"alias-event-target-requires-alias",
                                                  "state-machine-preference-requires-alias",
                                                  "state-machine-alias-logical-id"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context, *this, &describe, reporter);
    // Names SAM checks only once CloudFormation has resolved them, or formats with Python's str().
    for (const model::ResourceView* resource :
         context.templ.resourcesOfType("AWS::Serverless::StateMachine")) {
      const Node* alias = resource->property("AutoPublishAlias");
      if (!alias || !sam::pythonTruthy(*alias) || alias->isString()) continue;
      if (auto ref = model::refName(*alias);
          ref && sam::languageExtensions(context.templ) == sam::LanguageExtensions::kBeforeSam) {
        // AWS::LanguageExtensions resolves parameter Refs before SAM sees them: judge the default.
        const Node* parameter = context.templ.parameter(*ref);
        alias = parameter ? parameter->get("Default") : nullptr;
        if (!alias || !sam::pythonTruthy(*alias)) continue;
      }
      if (alias->isScalar()) {
        // SAM formats the value with Python's str(): true → "True".
        std::string name =
            alias->isBool() ? (alias->boolValue() ? "True" : "False") : alias->text();
        if (sam::validLogicalId(std::string(resource->id) + "Alias" + name)) continue;
        reporter.report(*alias, "Alias name `" + name +
                                    "` is not alphanumeric, and SAM puts it in the logical ID `" +
                                    std::string(resource->id) + "Alias" + name + "`");
      } else {
        reporter.report(
            *alias,
            "`AutoPublishAlias` of a state machine must be a literal name: SAM puts it in a "
            "logical ID without resolving it");
      }
    }
  }

 private:
  static std::string describe(const ResourceProblem& problem) {
    const std::string& code = problem.problem.code;
    if (code == "alias-event-target-requires-alias") {
      return "`UseAliasAsEventTarget` needs `AutoPublishAlias` on the state machine";
    }
    if (code == "state-machine-preference-requires-alias") {
      return "`DeploymentPreference` needs `AutoPublishAlias` on the state machine";
    }
    return "Alias name `" + problem.problem.node->text() +
           "` is not alphanumeric, and SAM puts it in the logical ID `" +
           problem.problem.subjectId + "`";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(StateMachineAliasRequired)

}  // namespace samshift::rules
