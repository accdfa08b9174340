// A007: a CodeDeployLambdaAliasUpdate naming something that is not a Lambda application or a
// group of that application.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"
#include "sam/codedeploy_resources.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class UnresolvedAliasUpdatePolicy : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A007", "alias-update-policy-mismatch", core::Severity::kError,
        "`CodeDeployLambdaAliasUpdate` names no Lambda application or group of the "
        "template, or a group of another application",
        R"(## What it does
Follows the `ApplicationName` and `DeploymentGroupName` of an alias's
`CodeDeployLambdaAliasUpdate` when they refer to resources of the template: the application must
be an `AWS::CodeDeploy::Application` on the Lambda compute platform, the group an
`AWS::CodeDeploy::DeploymentGroup`, and the group must belong to that application. Literal
names of resources outside the template are not checked.

## Why is this bad?
CloudFormation starts the CodeDeploy deployment with these names; a group of another
application, or a Server application, fails the alias update and rolls the stack back.

## Example
```yaml
UpdatePolicy:
  CodeDeployLambdaAliasUpdate:
    ApplicationName: !Ref OrdersApp
    DeploymentGroupName: !Ref PaymentsGroup   # ApplicationName: !Ref PaymentsApp
```

## Use instead
```yaml
UpdatePolicy:
  CodeDeployLambdaAliasUpdate:
    ApplicationName: !Ref OrdersApp
    DeploymentGroupName: !Ref OrdersGroup
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    for (const ResourceView* alias : templ.resourcesOfType("AWS::Lambda::Alias")) {
      const Node* policy = sam::aliasCodeDeployUpdate(*alias);
      if (!policy || !policy->isMapping() || policy->isIntrinsic()) continue;
      const ResourceView* application = nullptr;
      if (const Node* name = policy->get("ApplicationName")) {
        application = referencedResource(templ, *name);
        if (application && application->type != "AWS::CodeDeploy::Application") {
          reporter.report(*name, "`ApplicationName` refers to `" + std::string(application->id) +
                                     "` of type `" + std::string(application->type) +
                                     "`, not to an `AWS::CodeDeploy::Application`");
          application = nullptr;
        } else if (application) {
          auto platform = CodeDeployFacts::applicationPlatform(templ, *application);
          if (platform && *platform != "Lambda") {
            reporter.report(*name, "Application `" + std::string(application->id) + "` is on the " +
                                       *platform + " compute platform, not Lambda");
          }
        }
      }
      const Node* groupName = policy->get("DeploymentGroupName");
      const ResourceView* group = groupName ? referencedResource(templ, *groupName) : nullptr;
      if (!group) continue;
      if (group->type != "AWS::CodeDeploy::DeploymentGroup") {
        reporter.report(*groupName, "`DeploymentGroupName` refers to `" + std::string(group->id) +
                                        "` of type `" + std::string(group->type) +
                                        "`, not to an `AWS::CodeDeploy::DeploymentGroup`");
        continue;
      }
      const ResourceView* owner = CodeDeployFacts::groupApplication(templ, *group);
      if (application && owner && owner != application) {
        reporter.report(*groupName,
                        "Deployment group `" + std::string(group->id) +
                            "` belongs to application `" + std::string(owner->id) + "`, not to `" +
                            std::string(application->id) + "`",
                        {core::Note{group->property("ApplicationName")->span(),
                                    "The group's application is set here"}});
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnresolvedAliasUpdatePolicy)

}  // namespace samshift::rules
