// D010: a custom deployment role CodeDeploy cannot use.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "rules/hooks/hook_facts.h"

namespace samshift::rules {

namespace {

class DeploymentRolePermissions : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D010", "deployment-role-permissions", core::Severity::kWarning,
        "A custom deployment `Role` does not trust CodeDeploy or cannot update the alias",
        R"(## What it does
Follows a `DeploymentPreference.Role` (Globals included) to an `AWS::IAM::Role` of the
template and checks that its trust policy lets `codedeploy.amazonaws.com` assume it, and that
its policies (inline, managed, or attached `AWS::IAM::Policy` resources) allow
`lambda:UpdateAlias` — what `AWSCodeDeployRoleForLambda`, the policy of the role SAM creates
otherwise, grants. A role whose policies the rule cannot read (a customer managed policy, an
intrinsic) is not reported for permissions.

## Why is this bad?
CodeDeploy assumes the role to move the alias's weights, read the alarms and invoke the
hooks. A role that does not trust it, or cannot update the alias, fails every deployment of
the function.

## Example
```yaml
DeployRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement:
        - Effect: Allow
          Principal: {Service: lambda.amazonaws.com}
          Action: sts:AssumeRole
```

## Use instead
```yaml
DeployRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement:
        - Effect: Allow
          Principal: {Service: codedeploy.amazonaws.com}
          Action: sts:AssumeRole
    ManagedPolicyArns:
      - !Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda"
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    std::vector<const model::ResourceView*> checked;
    for (const ShiftingFunction& function : shiftingFunctions(context)) {
      if (!function.enabled) continue;
      Located roleRef = function.locate(templ, {"Role"});
      if (!roleRef) continue;
      const model::ResourceView* role = referencedResource(templ, *roleRef.node);
      if (!role || role->type != "AWS::IAM::Role") continue;
      if (std::find(checked.begin(), checked.end(), role) != checked.end()) continue;
      checked.push_back(role);
      core::Note used{roleRef.node->span(),
                      "`" + std::string(function.resource->id) + "` deploys with this role here"};
      const model::MapEntry* trust = role->properties && role->properties->isMapping()
                                         ? role->properties->entry("AssumeRolePolicyDocument")
                                         : nullptr;
      if (trust && trustsCodeDeploy(trust->value) == Grant::kNo) {
        reporter.report(trust->key,
                        "Deployment role `" + std::string(role->id) +
                            "` does not let `codedeploy.amazonaws.com` assume it",
                        {used});
      }
      if (roleMay(templ, *role, "lambda:UpdateAlias", anyResource, nullptr) == Grant::kNo) {
        reporter.report(
            *role->idNode,
            "Deployment role `" + std::string(role->id) + "` does not allow `lambda:UpdateAlias`",
            {used});
      }
    }
  }

 private:
  static Grant trustsCodeDeploy(const model::Node& document) {
    const model::Node* statements =
        document.isMapping() && !document.isIntrinsic() ? document.get("Statement") : nullptr;
    if (!statements) return Grant::kUnknown;
    std::vector<const model::Node*> list;
    if (statements->isSequence()) {
      for (const model::Node& item : statements->items()) list.push_back(&item);
    } else {
      list.push_back(statements);
    }
    bool unknown = false;
    for (const model::Node* statement : list) {
      const model::Node* principal = statement->isMapping() ? statement->get("Principal") : nullptr;
      const model::Node* service =
          principal && principal->isMapping() ? principal->get("Service") : nullptr;
      if (!service) {
        unknown = unknown || !statement->isMapping() || statement->isIntrinsic() ||
                  (principal && !principal->isMapping());
        continue;
      }
      std::vector<const model::Node*> values;
      if (service->isSequence()) {
        for (const model::Node& item : service->items()) values.push_back(&item);
      } else {
        values.push_back(service);
      }
      for (const model::Node* value : values) {
        if (value->isString()) {
          if (value->text().rfind("codedeploy.", 0) == 0) return Grant::kYes;
        } else if (value->intrinsicName() == "Fn::Sub" && value->intrinsicArgument().isString()) {
          if (value->intrinsicArgument().text().rfind("codedeploy.", 0) == 0) return Grant::kYes;
        } else {
          unknown = true;
        }
      }
    }
    return unknown ? Grant::kUnknown : Grant::kNo;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(DeploymentRolePermissions)

}  // namespace samshift::rules
