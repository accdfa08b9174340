// R002: a Lambda permission names an alias of the template by text (`${Fn.Arn}:live`), which
// gives CloudFormation no dependency on the alias: on the first deploy the permission can be
// created before the alias exists and fails.

#include <algorithm>

#include "engine/registry.h"
#include "rules/callers/function_references.h"

namespace samshift::rules {

namespace {

bool dependsOn(const model::ResourceView& resource, const std::string& id) {
  if (!resource.dependsOn) return false;
  if (resource.dependsOn->isString(id)) return true;
  const auto& items = resource.dependsOn->items();
  return std::any_of(items.begin(), items.end(),
                     [&](const model::Node& item) { return item.isString(id); });
}

class PermissionAliasAsText : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "R002", "permission-alias-as-text", core::Severity::kError,
        "A Lambda permission names an alias of the template by text, without a "
        "dependency on it",
        R"(## What it does
Reports an `AWS::Lambda::Permission` whose `FunctionName` builds an alias ARN by text
(`!Sub ${Fn.Arn}:live`, `!Join [":", [!GetAtt Fn.Arn, live]]`) for an alias that the template
itself creates (through `AutoPublishAlias` or an `AWS::Lambda::Alias`), when the permission has
no `DependsOn` on that alias resource.

## Why is this bad?
CloudFormation orders resources by their references. A text ARN references the function, not
the alias, so the permission may be created first; on the first deploy of the stack it then
fails with "Alias not found" and the stack rolls back. Later deploys work, which hides the
problem until the stack is created anew (another region, a new environment).

## Example
```yaml
ApiPermission:
  Type: AWS::Lambda::Permission
  Properties:
    Action: lambda:InvokeFunction
    Principal: apigateway.amazonaws.com
    FunctionName: !Sub ${Fn.Arn}:live
```

## Use instead
```yaml
ApiPermission:
  Type: AWS::Lambda::Permission
  Properties:
    Action: lambda:InvokeFunction
    Principal: apigateway.amazonaws.com
    FunctionName: !Ref Fn.Alias
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const callers::FunctionIndex& index = callers::functionIndex(context);
    for (const callers::Permission& permission : callers::permissions(context)) {
      for (const callers::FunctionReference& ref : index.references(*permission.functionName)) {
        if (ref.qualifier != callers::Qualifier::kAlias || ref.throughAliasResource ||
            ref.aliasResource.empty()) {
          continue;
        }
        if (dependsOn(*permission.resource, ref.aliasResource)) continue;
        reporter.report(*ref.node, "`FunctionName` names alias `" + ref.name + "` of `" +
                                       ref.function + "` by text, so `" +
                                       std::string(permission.resource->id) +
                                       "` does not wait for `" + ref.aliasResource + "`");
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(PermissionAliasAsText)

}  // namespace samshift::rules
