// A006: a CodeDeployLambdaAliasUpdate policy without its application or group, or on a resource
// that is not an alias.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

class IncompleteAliasUpdatePolicy : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A006", "incomplete-alias-update-policy", core::Severity::kError,
        "`CodeDeployLambdaAliasUpdate` without `ApplicationName` or "
        "`DeploymentGroupName`, or not on an alias",
        R"(## What it does
Checks every `UpdatePolicy.CodeDeployLambdaAliasUpdate`: it must be on an
`AWS::Lambda::Alias`, and it must name both the CodeDeploy `ApplicationName` and the
`DeploymentGroupName` (the hook keys `BeforeAllowTrafficHook` and `AfterAllowTrafficHook` are
optional).

## Why is this bad?
Without both names CloudFormation cannot start the CodeDeploy deployment and fails the update;
on any other resource type the policy is ignored, so no traffic is shifted at all.

## Example
```yaml
LiveAlias:
  Type: AWS::Lambda::Alias
  UpdatePolicy:
    CodeDeployLambdaAliasUpdate:
      ApplicationName: !Ref App
```

## Use instead
```yaml
LiveAlias:
  Type: AWS::Lambda::Alias
  UpdatePolicy:
    CodeDeployLambdaAliasUpdate:
      ApplicationName: !Ref App
      DeploymentGroupName: !Ref Group
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView& resource : context.templ.resources()) {
      if (!resource.updatePolicy || !resource.updatePolicy->isMapping()) continue;
      const model::MapEntry* entry = resource.updatePolicy->entry("CodeDeployLambdaAliasUpdate");
      if (!entry) continue;
      if (resource.type != "AWS::Lambda::Alias") {
        if (resource.type.empty() || resource.isServerless()) continue;
        reporter.report(entry->key, "`CodeDeployLambdaAliasUpdate` is on `" +
                                        std::string(resource.id) + "` of type `" +
                                        std::string(resource.type) +
                                        "`, not on an `AWS::Lambda::Alias`");
        continue;
      }
      const Node& policy = entry->value;
      if (!policy.isMapping() || policy.isIntrinsic()) continue;
      for (std::string_view key : {"ApplicationName", "DeploymentGroupName"}) {
        if (!policy.has(key)) {
          reporter.report(entry->key,
                          "`CodeDeployLambdaAliasUpdate` has no `" + std::string(key) + "`");
        }
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(IncompleteAliasUpdatePolicy)

}  // namespace samshift::rules
