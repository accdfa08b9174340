// T005: a Ref, GetAtt, Sub, DependsOn or Condition names something the template does not have,
// or a parameter that the SAM transform cannot resolve because its value refers back to it.

#include <string>
#include <unordered_set>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/sam_facts.h"
#include "rules/shared/sam_problems.h"
#include "sam/generated_names.h"

namespace samshift::rules {

namespace {

using model::MapEntry;
using model::Node;

class UnresolvedReference : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "T005", "unresolved-reference", core::Severity::kError,
        "A `Ref`, `GetAtt`, `Sub`, `DependsOn` or `Condition` names nothing in "
        "the template",
        R"(## What it does
Checks that every `Ref`, `Fn::GetAtt`, `${Name}` inside `Fn::Sub`, `DependsOn` and condition
reference names a parameter, resource, pseudo parameter or condition of the template. Names
the SAM transform generates count as existing: `Function.Alias`, `Function.Version`,
`FunctionRole`, `FunctionAliaslive`, `ServerlessRestApi`, `ServerlessDeploymentApplication` and
the other resources SAM derives from a serverless resource's logical ID.

Also reports a `Ref` the SAM transform resolves (`AutoPublishAlias`, `AutoPublishCodeSha256`,
and `DeploymentPreference` `Enabled`, `Type` and `PassthroughCondition`, Globals included) to a
parameter whose `Default` refers back to it (`Default: [!Ref Stage]`, `{X: !Ref Stage}`, or two
parameters referring to each other).

## Why is this bad?
CloudFormation rejects the template with "Unresolved resource dependencies" at deploy time;
a typo in an alias or version reference silently points callers at the wrong thing. SAM walks
into every parameter value it substitutes, so a value that refers back to its own parameter is
substituted again and again until Python gives up: the transform fails with an internal error.

## Example
```yaml
Outputs:
  LiveAlias:
    Value: !Ref MyFuncton.Alias
```

## Use instead
```yaml
Outputs:
  LiveAlias:
    Value: !Ref MyFunction.Alias
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    Checker checker{context.templ, sam::GeneratedNames(context.templ), reporter};
    const Node& root = context.document.root;
    for (const char* section : {"Conditions", "Globals", "Outputs", "Rules"}) {
      if (const Node* node = root.get(section)) checker.visit(*node, {});
    }
    for (const model::ResourceView& resource : context.templ.resources()) {
      if (resource.condition) checker.condition(*resource.condition);
      if (resource.dependsOn) checker.dependsOn(*resource.dependsOn);
      if (resource.properties) checker.visit(*resource.properties, {});
      if (resource.updatePolicy) checker.visit(*resource.updatePolicy, {});
    }
    if (const Node* outputs = root.get("Outputs"); outputs && outputs->isMapping()) {
      for (const MapEntry& output : outputs->entries()) {
        if (const Node* condition = output.value.get("Condition")) checker.condition(*condition);
      }
    }
    reportParameterCycles(context, reporter);
  }

 private:
  // The settings SAM resolves (read by the deployment model) whose resolution meets a parameter
  // again inside its own value: a value in Globals is reported once, naming each function.
  static void reportParameterCycles(const engine::RuleContext& context,
                                    engine::Reporter& reporter) {
    const SamFacts& facts = samFacts(context);
    FindingSink sink(reporter);
    for (const model::ResourceView& resource : context.templ.resources()) {
      if (resource.type != "AWS::Serverless::Function") continue;
      const std::optional<sam::DeploymentModel>& model = facts.deploymentModel(resource);
      if (!model) continue;
      for (const auto& [key, setting] : model->resolvedSettings()) {
        const std::optional<sam::ResolveFailure>& failure = setting->unresolvable;
        if (!failure || failure->kind != sam::ResolveFailure::Kind::kCycle) continue;
        std::vector<core::Note> notes;
        if (failure->at.known()) {
          notes.push_back(
              core::Note{failure->at, "`" + failure->chain.back() + "` is referred to again here"});
        }
        sink.report(resource, Located{setting->node, inGlobals(context.templ, *setting->node)},
                    "`" + std::string(key) + "` cannot be resolved: " + failure->describeForSam(),
                    std::move(notes));
      }
    }
  }

  struct Checker {
    const model::Template& templ;
    sam::GeneratedNames generated;
    engine::Reporter& reporter;

    bool known(std::string_view name) const {
      return templ.resource(name) || templ.parameter(name) || model::isPseudoParameter(name) ||
             generated.exists(name);
    }

    void condition(const Node& node) {
      if (node.isString() && !templ.hasCondition(node.text())) {
        reporter.report(node, "Condition `" + node.text() + "` is not defined in `Conditions`");
      }
    }

    void dependsOn(const Node& node) {
      auto one = [&](const Node& name) {
        if (name.isString() && !templ.resource(name.text()) && !generated.exists(name.text())) {
          reporter.report(name, "`DependsOn` names `" + name.text() +
                                    "`, which is not a resource of this template");
        }
      };
      if (node.isString()) one(node);
      for (const Node& item : node.items()) one(item);
    }

    void visit(const Node& node, const std::unordered_set<std::string>& subVariables) {
      if (node.isSequence()) {
        for (const Node& item : node.items()) visit(item, subVariables);
        return;
      }
      if (!node.isMapping()) return;
      std::string_view function = node.intrinsicName();
      const Node& arg = node.intrinsicArgument();
      if (function == "Fn::Transform") return;  // macros may define their own names
      if (function == "Ref") {
        if (arg.isString() && !known(arg.text())) {
          reporter.report(arg, "`Ref` names `" + arg.text() +
                                   "`, which is not a parameter or resource of this template");
        }
        return;
      }
      if (function == "Fn::GetAtt") {
        if (auto target = model::getAttTarget(node)) {
          bool dotted = generated.exists(target->resource + "." +
                                         target->attribute.substr(0, target->attribute.find('.')));
          if (!templ.resource(target->resource) && !generated.exists(target->resource) && !dotted) {
            reporter.report(*target->resourceNode,
                            "`Fn::GetAtt` names `" + target->resource +
                                "`, which is not a resource of this template");
          }
        }
        if (arg.isSequence() && arg.items().size() > 1) visit(arg.items()[1], subVariables);
        return;
      }
      if (function == "Fn::Sub") {
        sub(arg);
        return;
      }
      if (function == "Condition") {
        condition(arg);
        return;
      }
      if (function == "Fn::If" && arg.isSequence() && !arg.items().empty()) {
        condition(arg.items()[0]);
        for (size_t i = 1; i < arg.items().size(); ++i) visit(arg.items()[i], subVariables);
        return;
      }
      for (const MapEntry& entry : node.entries()) {
        // An AWS::LanguageExtensions loop names things with its own variables.
        if (entry.key.text().rfind("Fn::ForEach::", 0) == 0) continue;
        visit(entry.value, subVariables);
      }
    }

    void sub(const Node& arg) {
      const Node* text = &arg;
      std::unordered_set<std::string> variables;
      if (arg.isSequence() && !arg.items().empty()) {
        text = &arg.items()[0];
        if (arg.items().size() > 1 && arg.items()[1].isMapping()) {
          for (const MapEntry& entry : arg.items()[1].entries()) {
            variables.insert(entry.key.text());
            visit(entry.value, {});
          }
        }
      }
      if (!text->isString()) return;
      for (const model::SubReference& ref : model::subReferences(text->text())) {
        if (variables.count(ref.name)) continue;
        std::string head = ref.name.substr(0, ref.name.find('.'));
        if (ref.name.find('.') == std::string::npos
                ? known(ref.name)
                : (known(head) || generated.exists(ref.name) ||
                   generated.exists(head + "." + firstPart(ref.name)))) {
          continue;
        }
        reporter.report(*text, "`Fn::Sub` refers to `${" + ref.name + "}`, but `" + head +
                                   "` is not a parameter, resource or variable of this template");
      }
    }

    static std::string firstPart(const std::string& dotted) {
      size_t first = dotted.find('.');
      size_t second = dotted.find('.', first + 1);
      return dotted.substr(first + 1,
                           second == std::string::npos ? std::string::npos : second - first - 1);
    }
  };
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnresolvedReference)

}  // namespace samshift::rules
