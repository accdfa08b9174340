// S001: what SAM needs before it can give a state machine an alias: `AutoPublishAlias` for
// `DeploymentPreference` and `UseAliasAsEventTarget` (SAM's own checks, sam/validation.h), and an
// alias name that can be part of a logical ID (SAM uses it unchanged).

#include <map>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/shared/sam_facts.h"
#include "sam/deployment_model.h"
#include "sam/transforms.h"
#include "sam/validation.h"

namespace samshift::rules {

namespace {

using model::Node;

bool alphanumeric(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

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

  void checkTemplate(const engine::RuleContext& context, engine::Reporter& reporter) const override {
    static const std::map<std::string, std::string> kMessages = {
        {"alias-event-target-requires-alias", "`UseAliasAsEventTarget` needs `AutoPublishAlias` on the state machine"},
        {"deployment-preference-requires-alias", "`DeploymentPreference` needs `AutoPublishAlias` on the state machine"},
    };
    const SamFacts& facts = samFacts(context);
    for (const model::ResourceView* resource : context.templ.resourcesOfType("AWS::Serverless::StateMachine")) {
      for (const sam::SamProblem& problem : facts.problems(*resource)) {
        auto message = kMessages.find(problem.code);
        if (message == kMessages.end()) continue;
        reporter.report(problem.node ? *problem.node : *resource->idNode, message->second,
                        {core::Note{core::Span{}, "SAM: " + sam::samMessage(problem, resource->id)}});
      }
      const Node* alias = resource->property("AutoPublishAlias");
      if (!alias || !sam::pythonTruthy(*alias)) continue;
      if (auto ref = model::refName(*alias);
          ref && sam::languageExtensions(context.templ) == sam::LanguageExtensions::kBeforeSam) {
        // AWS::LanguageExtensions resolves parameter Refs before SAM sees them: judge the default.
        const Node* parameter = context.templ.parameter(*ref);
        alias = parameter ? parameter->get("Default") : nullptr;
        if (!alias || !sam::pythonTruthy(*alias)) continue;
      }
      if (alias->isScalar()) {
        // SAM formats the value with Python's str(): true → "True".
        std::string name = alias->isBool() ? (alias->boolValue() ? "True" : "False") : alias->text();
        if (alphanumeric(name)) continue;
        reporter.report(*alias, "Alias name `" + name + "` is not alphanumeric, and SAM puts it in the logical ID `" +
                                    std::string(resource->id) + "Alias" + name + "`");
      } else {
        reporter.report(*alias, "`AutoPublishAlias` of a state machine must be a literal name: SAM puts it in a "
                                "logical ID without resolving it");
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(StateMachineAliasRequired)

}  // namespace samshift::rules
