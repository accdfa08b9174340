// A004: provisioned concurrency on an alias with routing weights.

#include <optional>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

class WeightedAliasProvisionedConcurrency : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A004", "weighted-alias-provisioned-concurrency", core::Severity::kError,
        "An alias has both routing weights and `ProvisionedConcurrencyConfig`",
        R"(## What it does
Reports an `AWS::Lambda::Alias` whose `RoutingConfig` weights an additional version while the
same alias sets `ProvisionedConcurrencyConfig`. (Serverless functions, where CodeDeploy adds the
weights only during a deployment, are the P rules'.)

## Why is this bad?
Lambda refuses to configure provisioned concurrency on an alias that routes to two
versions ("Alias with weights can not be used with Provisioned Concurrency"): the stack fails
when it creates or updates the alias.

## Example
```yaml
Live:
  Type: AWS::Lambda::Alias
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: !GetAtt V1.Version
    Name: live
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
    RoutingConfig:
      AdditionalVersionWeights:
        - FunctionVersion: !GetAtt V2.Version
          FunctionWeight: 0.1
```

## Use instead
```yaml
Live:
  Type: AWS::Lambda::Alias
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: !GetAtt V2.Version
    Name: live
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView* alias : context.templ.resourcesOfType("AWS::Lambda::Alias")) {
      const model::Node* routing = alias->property("RoutingConfig");
      const model::Node* concurrency = alias->property("ProvisionedConcurrencyConfig");
      if (!routing || !concurrency || !routing->isMapping() || routing->isIntrinsic()) continue;
      if (concurrency->isIntrinsic() || concurrency->isNull()) continue;
      const model::Node* weights = routing->get("AdditionalVersionWeights");
      if (!weights || listItems(*weights).empty()) continue;
      const model::MapEntry* key = alias->properties->entry("ProvisionedConcurrencyConfig");
      reporter.report(key->key,
                      "`ProvisionedConcurrencyConfig` is set on alias `" + std::string(alias->id) +
                          "`, which routes to two versions",
                      {core::Note{weights->span(), "The routing weights are set here"}});
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(WeightedAliasProvisionedConcurrency)

}  // namespace samshift::rules
