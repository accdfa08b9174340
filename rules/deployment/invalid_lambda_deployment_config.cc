// D009: a custom deployment configuration used for Lambda whose traffic routing cannot work.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/sam_facts.h"
#include "sam/codedeploy_resources.h"

namespace samshift::rules {

namespace {

using model::Node;

class LambdaDeploymentConfig : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D009", "invalid-lambda-deployment-config", core::Severity::kError,
        "A custom Lambda deployment configuration with the wrong platform or "
        "traffic routing",
        R"(## What it does
Checks `AWS::CodeDeploy::DeploymentConfig` resources that are for Lambda (`ComputePlatform:
Lambda`, or named by a function's `DeploymentPreference.Type`):
- a configuration named by a `DeploymentPreference` must have `ComputePlatform: Lambda`;
- it needs a `TrafficRoutingConfig`, and its `Type` must match the block beside it
  (`TimeBasedCanary` with a `TimeBasedCanary` block, `TimeBasedLinear` with a
  `TimeBasedLinear` block, `AllAtOnce` with neither);
- `MinimumHealthyHosts` is for the Server platform only.

The ranges of the percentages (1–99) and intervals (at least one minute) are checked by the
shape rule D012.

## Why is this bad?
CodeDeploy rejects the configuration or the deployment group that uses it when the stack is
created; a Server configuration named by a Lambda deployment preference fails the deployment
group.

## Example
```yaml
Config:
  Type: AWS::CodeDeploy::DeploymentConfig
  Properties:
    ComputePlatform: Lambda
    TrafficRoutingConfig:
      Type: TimeBasedCanary
      TimeBasedLinear:
        LinearPercentage: 10
        LinearInterval: 1
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
    const sam::ParameterValues& parameters = samFacts(context).parameters();
    std::vector<const model::ResourceView*> usedBySam;
    for (const ShiftingFunction& function : shiftingFunctions(context)) {
      if (!function.enabled) continue;
      const Node* type = function.merged->get("Type");
      if (!type) continue;
      std::vector<const Node*> candidates{type};
      if (type->intrinsicName() == "Fn::If" && type->intrinsicArgument().isSequence() &&
          type->intrinsicArgument().items().size() == 3) {
        candidates = {&type->intrinsicArgument().items()[1], &type->intrinsicArgument().items()[2]};
      }
      for (const Node* candidate : candidates) {
        if (const model::ResourceView* config = CodeDeployFacts::customConfig(templ, *candidate)) {
          if (std::find(usedBySam.begin(), usedBySam.end(), config) == usedBySam.end())
            usedBySam.push_back(config);
        }
      }
    }
    for (const model::ResourceView* config : templ.resourcesOfType(sam::kDeploymentConfigType)) {
      if (!config->properties || !config->properties->isMapping()) continue;
      const Node* platformNode = config->property("ComputePlatform");
      std::optional<std::string> platform = sam::computePlatform(*config, parameters);
      bool forSam = std::find(usedBySam.begin(), usedBySam.end(), config) != usedBySam.end();
      if (forSam && platform && *platform != "Lambda") {
        reporter.report(platformNode ? *platformNode : *config->idNode,
                        "Deployment configuration `" + std::string(config->id) +
                            "` is used by a `DeploymentPreference` but its `ComputePlatform` is " +
                            *platform + ", not Lambda");
        continue;
      }
      if (!platform || *platform != "Lambda") continue;
      checkLambda(templ, *config, reporter);
    }
  }

 private:
  static void checkLambda(const model::Template& templ, const model::ResourceView& config,
                          engine::Reporter& reporter) {
    if (const Node* hosts = config.property("MinimumHealthyHosts")) {
      reporter.report(*hosts,
                      "`MinimumHealthyHosts` is not supported by Lambda deployment configurations");
    }
    const Node* routing = config.property("TrafficRoutingConfig");
    if (!routing) {
      reporter.report(*config.idNode, "Lambda deployment configuration `" + std::string(config.id) +
                                          "` has no `TrafficRoutingConfig`");
      return;
    }
    if (!routing->isMapping() || routing->isIntrinsic()) return;
    const Node* typeNode = routing->get("Type");
    if (!typeNode) return;  // a required key: the shape rule reports it
    auto type = resolvedString(templ, *typeNode);
    if (!type) return;
    const sam::TrafficRoutingType* routingType = sam::findTrafficRoutingType(*type);
    if (!routingType) return;
    if (!routingType->block.empty() && !routing->get(routingType->block)) {
      std::string block(routingType->block);
      reporter.report(*typeNode,
                      "`TrafficRoutingConfig` of type `" + *type + "` has no `" + block + "`");
    }
    // The other types' blocks do not belong here.
    for (const sam::TrafficRoutingType& other : sam::trafficRoutingTypes()) {
      if (other.block.empty() || other.block == routingType->block) continue;
      if (const Node* block = routing->get(other.block)) {
        reporter.report(*block, "`" + std::string(other.block) +
                                    "` does not apply to a `TrafficRoutingConfig` of type `" +
                                    *type + "`");
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(LambdaDeploymentConfig)

}  // namespace samshift::rules
