// R003: the qualifier an API integration invokes (unqualified, an alias, a version) is not one
// the function's API Gateway permissions allow.

#include <map>
#include <set>

#include "engine/registry.h"
#include "rules/callers/function_references.h"

namespace samshift::rules {

namespace {

using callers::FunctionReference;
using callers::targetKey;

struct Grant {
  std::string key;
  const model::Node* node;
  std::string what;  // "permission `Perm`" or "API event `Get`"
};

class PermissionQualifierMismatch : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "R003", "permission-qualifier-mismatch", core::Severity::kWarning,
        "An API integration invokes a function qualifier its permissions do not "
        "allow",
        R"(## What it does
For each function that an API integration of the template invokes (see R001 for where
integrations are found), compares what the integration invokes (the function unqualified, an
alias, a version) with what the function's API Gateway permissions allow: the
`AWS::Lambda::Permission` resources with an `apigateway.amazonaws.com` principal, and the
permissions SAM creates for the function's `Api`/`HttpApi` events (on the alias when the
function has `AutoPublishAlias`). It reports an integration whose target no permission covers.
Functions without any API Gateway permission in the template are left alone; integrations
through a stage variable are R005's.

## Why is this bad?
A Lambda resource policy applies to the exact ARN it names: a permission on the unqualified
function does not allow invoking an alias, and one on an alias does not allow invoking the
function. API Gateway then answers every request with 500 "Invalid permissions on Lambda
function", typically right after an alias was introduced for traffic shifting.

## Example
```yaml
Permission:
  Type: AWS::Lambda::Permission
  Properties:
    Action: lambda:InvokeFunction
    Principal: apigateway.amazonaws.com
    FunctionName: !Ref Fn
# ... while the integration uri invokes ${Fn.Alias}
```

## Use instead
```yaml
Permission:
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
    const model::Template& templ = context.templ;
    const callers::FunctionIndex& index = callers::functionIndex(context);
    std::map<std::string, std::vector<Grant>> grants;
    for (const callers::Permission& permission : callers::permissions(context)) {
      if (!callers::isApiGatewayPrincipal(permission.principal)) continue;
      for (const FunctionReference& ref : index.references(*permission.functionName)) {
        if (auto key = targetKey(ref)) {
          grants[ref.function].push_back(
              Grant{*key, ref.node, "permission `" + std::string(permission.resource->id) + "`"});
        }
      }
    }
    for (const model::ResourceView* function : templ.resourcesOfType("AWS::Serverless::Function")) {
      const model::Node* events = function->property("Events");
      if (!events) continue;
      std::vector<std::string> aliases = index.aliasNames(function->id);
      for (const model::MapEntry& event : events->entries()) {
        const model::Node* type = event.value.get("Type");
        if (!type || !(type->isString("Api") || type->isString("HttpApi"))) continue;
        std::string key =
            index.hasAlias(function->id) ? (aliases.empty() ? "?" : aliases.front()) : "";
        grants[std::string(function->id)].push_back(
            Grant{key, &event.key, "API event `" + event.key.text() + "`"});
      }
    }
    for (const callers::ApiIntegration& integration : callers::apiIntegrations(context)) {
      for (const FunctionReference& ref : index.references(*integration.uri)) {
        auto key = targetKey(ref);
        auto found = grants.find(ref.function);
        if (!key || found == grants.end()) continue;
        bool covered = false;
        for (const Grant& grant : found->second)
          covered = covered || grant.key == *key || grant.key == "?";
        if (covered) continue;
        std::vector<core::Note> notes;
        for (const Grant& grant : found->second) {
          notes.push_back(core::Note{
              grant.node->span(),
              "The " + grant.what + " allows " + callers::describeTarget(ref.function, grant.key)});
        }
        reporter.report(*ref.node,
                        "Integration invokes " + callers::describeTarget(ref.function, *key) +
                            ", which no API Gateway permission of the function allows",
                        std::move(notes));
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(PermissionQualifierMismatch)

}  // namespace samshift::rules
