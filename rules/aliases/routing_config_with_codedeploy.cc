// A005: explicit routing weights on an alias whose weights CodeDeploy manages.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"
#include "sam/codedeploy_resources.h"

namespace samshift::rules {

namespace {

using model::Node;

class RoutingWithCodeDeploy : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A005", "routing-config-with-codedeploy", core::Severity::kWarning,
        "An alias sets `RoutingConfig` while `CodeDeployLambdaAliasUpdate` shifts "
        "its traffic",
        R"(## What it does
Reports an `AWS::Lambda::Alias` that has both a `RoutingConfig` and an `UpdatePolicy` with
`CodeDeployLambdaAliasUpdate`.

## Why is this bad?
With the update policy, CodeDeploy moves the alias from the old version to the new one and owns
its weights while it does. Weights written in the template fight with it: the next stack update
resets them, or CodeDeploy fails because the alias already routes to two versions.

## Example
```yaml
LiveAlias:
  Type: AWS::Lambda::Alias
  UpdatePolicy:
    CodeDeployLambdaAliasUpdate:
      ApplicationName: !Ref App
      DeploymentGroupName: !Ref Group
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: !GetAtt OrdersVersion.Version
    Name: live
    RoutingConfig:
      AdditionalVersionWeights:
        - FunctionVersion: !GetAtt OldVersion.Version
          FunctionWeight: 0.5
```

## Use instead
```yaml
LiveAlias:
  Type: AWS::Lambda::Alias
  UpdatePolicy:
    CodeDeployLambdaAliasUpdate:
      ApplicationName: !Ref App
      DeploymentGroupName: !Ref Group
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: !GetAtt OrdersVersion.Version
    Name: live
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView* alias : context.templ.resourcesOfType("AWS::Lambda::Alias")) {
      const Node* routing = alias->property("RoutingConfig");
      const Node* policy = sam::aliasCodeDeployUpdate(*alias);
      if (!routing || !policy || routing->isNull()) continue;
      const model::MapEntry* key = alias->properties->entry("RoutingConfig");
      reporter.report(
          key ? key->key : *routing,
          "`RoutingConfig` is set on an alias whose traffic `CodeDeployLambdaAliasUpdate` shifts",
          {core::Note{policy->span(), "CodeDeploy manages the alias weights from here"}});
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(RoutingWithCodeDeploy)

}  // namespace samshift::rules
