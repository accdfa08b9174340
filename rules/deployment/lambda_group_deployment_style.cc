// D007: a Lambda deployment group without the blue/green, traffic-controlled deployment style.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

class LambdaGroupStyle : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D007", "lambda-group-deployment-style", core::Severity::kError,
        "A Lambda deployment group without `DeploymentStyle` BLUE_GREEN / "
        "WITH_TRAFFIC_CONTROL",
        R"(## What it does
Checks every `AWS::CodeDeploy::DeploymentGroup` of a Lambda application (an application of the
template with `ComputePlatform: Lambda`) for a `DeploymentStyle` with `DeploymentType:
BLUE_GREEN` and `DeploymentOption: WITH_TRAFFIC_CONTROL`, the only style CodeDeploy accepts for
Lambda. SAM writes exactly this for the groups it generates.

## Why is this bad?
Without it the group defaults to an in-place deployment without traffic control, which Lambda
does not support: the stack fails when it creates the group.

## Example
```yaml
Group:
  Type: AWS::CodeDeploy::DeploymentGroup
  Properties:
    ApplicationName: !Ref App
    ServiceRoleArn: !GetAtt DeployRole.Arn
```

## Use instead
```yaml
Group:
  Type: AWS::CodeDeploy::DeploymentGroup
  Properties:
    ApplicationName: !Ref App
    ServiceRoleArn: !GetAtt DeployRole.Arn
    DeploymentStyle:
      DeploymentType: BLUE_GREEN
      DeploymentOption: WITH_TRAFFIC_CONTROL
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
      if (!application) continue;
      auto platform = CodeDeployFacts::applicationPlatform(templ, *application);
      if (!platform || *platform != "Lambda") continue;
      const Node* style = group->property("DeploymentStyle");
      if (!style) {
        if (group->properties && group->properties->isMapping()) {
          reporter.report(
              *group->idNode,
              "Lambda deployment group `" + std::string(group->id) + "` has no `DeploymentStyle`",
              {core::Note{application->idNode->span(), "Application `" +
                                                           std::string(application->id) +
                                                           "` is on the Lambda compute platform"}});
        }
        continue;
      }
      if (!style->isMapping() || style->isIntrinsic()) continue;
      expect(templ, *style, "DeploymentType", "BLUE_GREEN", reporter);
      expect(templ, *style, "DeploymentOption", "WITH_TRAFFIC_CONTROL", reporter);
    }
  }

 private:
  static void expect(const model::Template& templ, const Node& style, std::string_view key,
                     std::string_view wanted, engine::Reporter& reporter) {
    const Node* value = style.get(key);
    if (!value) {
      reporter.report(style, "`DeploymentStyle` of a Lambda deployment group has no `" +
                                 std::string(key) + "`");
      return;
    }
    auto resolved = resolvedString(templ, *value);
    if (resolved && *resolved != wanted) {
      reporter.report(*value, "`" + std::string(key) + "` of a Lambda deployment group is `" +
                                  *resolved + "`, not `" + std::string(wanted) + "`");
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(LambdaGroupStyle)

}  // namespace samshift::rules
