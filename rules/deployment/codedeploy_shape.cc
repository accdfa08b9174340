// D012: CodeDeploy resources and DeploymentPreference blocks checked against their JSON Schemas.

#include "engine/registry.h"
#include "rules/schemas/schema_check.h"

namespace samshift::rules {

namespace {

using model::Node;

class CodeDeployShape : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D012", "codedeploy-shape", core::Severity::kError,
        "A CodeDeploy resource or `DeploymentPreference` has a wrong type, "
        "missing key, unknown key or out-of-range value",
        R"(## What it does
Validates the Properties of `AWS::CodeDeploy::Application`, `AWS::CodeDeploy::DeploymentGroup`
and `AWS::CodeDeploy::DeploymentConfig`, and every `DeploymentPreference` written in a function
or in `Globals`, against the JSON Schemas in `rules/schemas/`: value types, required keys,
allowed values (`DeploymentType`, `ComputePlatform`, trigger events, rollback events), ranges
(canary and linear percentages 1–99, intervals of at least one minute) and unknown keys of
CloudFormation resources. CloudFormation intrinsics are accepted wherever a value is expected.

## Why is this bad?
CloudFormation rejects these values when it creates the resource, after the functions of the
stack have been deployed; a typo in a key of a CodeDeploy resource fails the whole stack.

## Example
```yaml
Config:
  Type: AWS::CodeDeploy::DeploymentConfig
  Properties:
    ComputePlatform: Lambda
    TrafficRoutingConfig:
      Type: TimeBasedCanary
      TimeBasedCanary:
        CanaryPercentage: 0
        CanaryInterval: 5
```

## Use instead
```yaml
Config:
  Type: AWS::CodeDeploy::DeploymentConfig
  Properties:
    ComputePlatform: Lambda
    TrafficRoutingConfig:
      Type: TimeBasedCanary
      TimeBasedCanary:
        CanaryPercentage: 10
        CanaryInterval: 5
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    checkResourcesOfType(templ, "AWS::CodeDeploy::Application", "codedeploy_application", reporter);
    checkResourcesOfType(templ, "AWS::CodeDeploy::DeploymentGroup", "codedeploy_deployment_group",
                         reporter);
    checkResourcesOfType(templ, "AWS::CodeDeploy::DeploymentConfig", "codedeploy_deployment_config",
                         reporter);
    if (const Node* globals = templ.globals()) {
      const Node* function = globals->get("Function");
      const Node* preference =
          function && function->isMapping() ? function->get("DeploymentPreference") : nullptr;
      if (preference && preference->isMapping()) {
        reportSchemaErrors("sam_deployment_preference", *preference, "DeploymentPreference",
                           reporter);
      }
    }
    for (const model::ResourceView* function : templ.resourcesOfType("AWS::Serverless::Function")) {
      const Node* preference = function->property("DeploymentPreference");
      if (preference && preference->isMapping()) {
        reportSchemaErrors("sam_deployment_preference", *preference, "DeploymentPreference",
                           reporter);
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(CodeDeployShape)

}  // namespace samshift::rules
