// D008: a deployment group whose configuration is for another compute platform than its
// application.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

class ComputePlatformMismatch : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D008", "compute-platform-mismatch", core::Severity::kError,
        "A deployment group's configuration is for another compute platform than "
        "its application",
        R"(## What it does
For each `AWS::CodeDeploy::DeploymentGroup` whose `ApplicationName` is an application of the
template, compares the application's `ComputePlatform` (`Server` when not written) with the
platform of the group's `DeploymentConfigName`: a predefined configuration
(`CodeDeployDefault.OneAtATime` is Server, `CodeDeployDefault.ECSAllAtOnce` is ECS,
`CodeDeployDefault.LambdaCanary10Percent5Minutes` is Lambda) or a custom
`AWS::CodeDeploy::DeploymentConfig` of the template.

## Why is this bad?
CodeDeploy refuses a configuration of another platform when the group is created, and the
stack rolls back.

## Example
```yaml
Group:
  Type: AWS::CodeDeploy::DeploymentGroup
  Properties:
    ApplicationName: !Ref LambdaApp
    DeploymentConfigName: CodeDeployDefault.OneAtATime
```

## Use instead
```yaml
Group:
  Type: AWS::CodeDeploy::DeploymentGroup
  Properties:
    ApplicationName: !Ref LambdaApp
    DeploymentConfigName: CodeDeployDefault.LambdaLinear10PercentEvery1Minute
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    for (const model::ResourceView* group :
         templ.resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
      const model::ResourceView* application = CodeDeployFacts::groupApplication(templ, *group);
      const Node* config = group->property("DeploymentConfigName");
      if (!application || !config) continue;
      auto applicationPlatform = CodeDeployFacts::applicationPlatform(templ, *application);
      auto configPlatform = CodeDeployFacts::configPlatform(templ, *config);
      if (!applicationPlatform || !configPlatform || *applicationPlatform == *configPlatform)
        continue;
      const model::ResourceView* custom = CodeDeployFacts::customConfig(templ, *config);
      std::string name = "`" + (custom ? std::string(custom->id) : config->text()) + "`";
      reporter.report(
          *config,
          "`DeploymentConfigName` " + name + " is for the " + *configPlatform +
              " compute platform, but application `" + std::string(application->id) + "` is on " +
              *applicationPlatform,
          {core::Note{application->idNode->span(),
                      "Application `" + std::string(application->id) + "` is defined here"}});
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ComputePlatformMismatch)

}  // namespace samshift::rules
