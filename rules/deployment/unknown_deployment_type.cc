// D002: a DeploymentPreference `Type` that names no deployment configuration.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/sam_facts.h"
#include "sam/codedeploy_resources.h"
#include "sam/deployment_configs.h"

namespace samshift::rules {

namespace {

using model::Node;

class UnknownDeploymentType : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D002", "unknown-deployment-type", core::Severity::kError,
        "A DeploymentPreference `Type` or a group's `DeploymentConfigName` names no "
        "CodeDeploy deployment configuration",
        R"(## What it does
Checks the `Type` of a function's `DeploymentPreference` (Globals included; for a parameter,
its Default and AllowedValues; for `!If`, both branches). SAM turns the nine predefined names of
CodeDeploy's Lambda configurations (`Canary10Percent5Minutes` … `AllAtOnce`, as the CodeDeploy
User Guide lists them; the language server completes them and shows each one's schedule) into
`CodeDeployDefault.Lambda…` and passes any other string through as the name of a custom
configuration. The rule reports a name that looks like a predefined one but is not (it suggests
the nearest names), a predefined configuration of another compute platform, and a
`CodeDeployDefault.` name that does not exist. A name unlike any predefined one is taken to be a
custom configuration created outside the template and is not reported. The
`DeploymentConfigName` of an `AWS::CodeDeploy::DeploymentGroup` is checked the same way when
it starts with `CodeDeployDefault.` (the prefix is reserved for predefined configurations).

## Why is this bad?
CodeDeploy has no `Canary10Percent20Minutes`: the stack fails when it creates the deployment
group ("No deployment configuration found for name"), after the function has been deployed.

## Example
```yaml
DeploymentPreference:
  Type: Canary10Percent20Minutes
```

## Use instead
```yaml
DeploymentPreference:
  Type: Canary10Percent15Minutes
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const sam::ParameterValues& parameters = samFacts(context).parameters();
    auto isCustom = [&](const std::string& name) {
      return sam::namedCustomConfig(templ, parameters, Node::string(name)) != nullptr;
    };
    FindingSink sink(reporter);
    for (const ShiftingFunction& function : shiftingFunctions(context)) {
      if (!function.enabled) continue;
      Located type = function.locate(templ, {"Type"});
      if (!type) continue;
      auto values = possibleStrings(templ, *type.node);
      if (!values) continue;
      std::vector<std::string> reported;
      for (const std::string& value : *values) {
        if (std::find(reported.begin(), reported.end(), value) != reported.end()) continue;
        if (sam::findLambdaDeploymentConfig(value)) continue;
        if (isCustom(value)) continue;
        std::optional<std::string> problem = describe(value);
        if (!problem) continue;
        reported.push_back(value);
        std::vector<core::Note> notes;
        std::vector<std::string_view> nearest = sam::nearestLambdaConfigNames(value);
        if (!nearest.empty()) {
          std::string text = "Did you mean `" + std::string(nearest[0]) + "`";
          if (nearest.size() > 1) text += " or `" + std::string(nearest[1]) + "`";
          notes.push_back(core::Note{core::Span{}, text + "?"});
        }
        sink.report(*function.resource, type, *problem, std::move(notes));
      }
    }
    // Explicit deployment groups name CodeDeploy's full names.
    for (const model::ResourceView* group :
         templ.resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
      const Node* name = group->property("DeploymentConfigName");
      if (!name || !name->isString()) continue;
      const std::string& value = name->text();
      constexpr std::string_view kPrefix = "CodeDeployDefault.";
      if (value.rfind(kPrefix, 0) != 0 || sam::predefinedConfigPlatform(value)) continue;
      if (isCustom(value)) continue;
      std::vector<core::Note> notes;
      if (value.rfind(sam::kLambdaConfigPrefix, 0) == 0) {
        std::vector<std::string_view> nearest = sam::nearestLambdaConfigNames(value);
        if (!nearest.empty()) {
          std::string text =
              "Did you mean `CodeDeployDefault.Lambda" + std::string(nearest[0]) + "`";
          if (nearest.size() > 1)
            text += " or `CodeDeployDefault.Lambda" + std::string(nearest[1]) + "`";
          notes.push_back(core::Note{core::Span{}, text + "?"});
        }
      }
      reporter.report(*name,
                      "`DeploymentConfigName` `" + value +
                          "` is not a predefined CodeDeploy deployment configuration",
                      std::move(notes));
    }
  }

 private:
  static std::optional<std::string> describe(const std::string& value) {
    if (auto platform = sam::predefinedConfigPlatform(value)) {
      return "`Type` `" + value + "` is a deployment configuration for the " +
             std::string(*platform) + " compute platform, not for Lambda";
    }
    std::string lowered;
    for (char c : value) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool looksPredefined = lowered.rfind("codedeploydefault.", 0) == 0 ||
                           lowered.rfind("canary", 0) == 0 || lowered.rfind("linear", 0) == 0 ||
                           lowered.rfind("allatonce", 0) == 0 ||
                           !sam::nearestLambdaConfigNames(value).empty();
    if (!looksPredefined) return std::nullopt;
    return "`Type` `" + value + "` is not a predefined Lambda deployment configuration";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnknownDeploymentType)

}  // namespace samshift::rules
