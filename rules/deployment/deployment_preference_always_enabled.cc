// D004: an Enabled value that SAM reads as true whatever the stack.

#include <optional>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/sam_facts.h"
#include "sam/deployment_model.h"
#include "sam/parameter_values.h"

namespace samshift::rules {

namespace {

class EnabledAlwaysTrue : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D004", "deployment-preference-always-enabled", core::Severity::kError,
        "`DeploymentPreference.Enabled` is a value SAM reads as true whatever the stack",
        R"(## What it does
SAM decides at transform time whether a function's `DeploymentPreference` is enabled: it
resolves parameter `Ref`s (with the values given, or the Defaults) and `!FindInMap`, then reads
`false`, `"false"`, `"False"`, `0`, an empty string and null as disabled and everything else as
enabled. The rule reports an `Enabled` (in the function or in `Globals`) that is therefore
enabled on every stack although it looks conditional: a string such as a condition name or
`"FALSE"`/`"no"`/`"0"`, or an intrinsic SAM leaves unresolved (`!If`, `!Equals`, `!Not`,
`Condition`, a `Ref` to a resource).

## Why is this bad?
`Enabled: !If [IsProd, true, false]` still creates the CodeDeploy application, group and
role in every environment and shifts traffic there, because a non-empty mapping is true to SAM.

## Example
```yaml
Parameters:
  Stage: {Type: String, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
...
    DeploymentPreference:
      Type: Canary10Percent5Minutes
      Enabled: !If [IsProd, true, false]
```

## Use instead
```yaml
Parameters:
  Stage: {Type: String, AllowedValues: [dev, prod]}
  GradualDeploy: {Type: String, AllowedValues: ["true", "false"], Default: "false"}
...
    DeploymentPreference:
      Type: Canary10Percent5Minutes
      Enabled: !Ref GradualDeploy
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const SamFacts& facts = samFacts(context);
    FindingSink sink(reporter);
    for (const model::ResourceView& resource : templ.resources()) {
      if (resource.type != "AWS::Serverless::Function") continue;
      const auto& deployment = facts.deploymentModel(resource);
      if (!deployment || !deployment->deploymentPreference) continue;
      const sam::Setting& enabled = deployment->deploymentPreference->enabled;
      if (!enabled.present()) continue;
      std::optional<std::string> problem = describe(templ, *enabled.node, enabled.value);
      if (!problem) continue;
      sink.report(resource, Located{enabled.node, inGlobals(templ, *enabled.node)}, *problem);
    }
  }

 private:
  static bool inGlobals(const model::Template& templ, const model::Node& node) {
    const model::Node* globals = templ.globals();
    return globals && node.span().known() && node.span().begin >= globals->span().begin &&
           node.span().end <= globals->span().end;
  }

  static std::optional<std::string> describe(const model::Template& templ,
                                             const model::Node& written,
                                             const model::Node& resolved) {
    if (resolved.isString()) {
      const std::string& text = resolved.text();
      if (text.empty() || text == "true" || text == "True" || text == "TRUE" || text == "false" ||
          text == "False") {
        return std::nullopt;
      }
      // A parameter value the user chose is taken at its word only when it reads as true.
      if (!written.isString()) return std::nullopt;
      return "`Enabled` `" + text + "` is a non-empty string, which SAM reads as true";
    }
    if (!resolved.isIntrinsic()) return std::nullopt;
    std::string_view function = resolved.intrinsicName();
    if (function == "Ref") {
      const model::Node& arg = resolved.intrinsicArgument();
      // A parameter without Default gets its value at deploy time; SAM resolves it then.
      if (!arg.isString() || templ.parameter(arg.text()) || model::isPseudoParameter(arg.text()))
        return std::nullopt;
    }
    return "`Enabled` uses `" + std::string(function) +
           "`, which SAM does not evaluate: it reads it as true";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(EnabledAlwaysTrue)

}  // namespace samshift::rules
