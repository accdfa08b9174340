// R001: an API Gateway integration invokes a function unqualified although the function has an
// alias, so API traffic never goes through the alias that deployments shift.

#include "engine/registry.h"
#include "rules/callers/function_references.h"

namespace samshift::rules {

namespace {

class UnqualifiedApiIntegration : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "R001", "unqualified-api-integration", core::Severity::kWarning,
        "An API integration invokes a function that has an alias without the alias",
        R"(## What it does
Looks at the Lambda integrations that are written out by hand: the `uri` of an OpenAPI
`x-amazon-apigateway-integration` (in the `DefinitionBody` of an `AWS::Serverless::Api` or
`AWS::Serverless::HttpApi`, or the `Body` of a RestApi or HTTP API), the `Integration.Uri` of an
`AWS::ApiGateway::Method`, the `IntegrationUri` of an `AWS::ApiGatewayV2::Integration` and the
`Target` of a quick-create HTTP API. It reports an integration whose function ARN has no
qualifier (`${Fn.Arn}`, `!GetAtt Fn.Arn`) when that function has an alias: an `AutoPublishAlias`
or an `AWS::Lambda::Alias` of the template. An explicit `:$LATEST` is taken as deliberate.

API events written under the function's `Events` are not concerned: SAM points them at the
alias itself.

## Why is this bad?
The unqualified ARN invokes `$LATEST`. CodeDeploy shifts traffic by moving the alias, so the API
gets the new code at once, before the canary has proven it, and an alarm rollback does not take
it back. Provisioned concurrency, which is configured on the alias, is not used either.

## Example
```yaml
x-amazon-apigateway-integration:
  type: aws_proxy
  httpMethod: POST
  uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
```

## Use instead
```yaml
x-amazon-apigateway-integration:
  type: aws_proxy
  httpMethod: POST
  uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Alias}/invocations
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const callers::FunctionIndex& index = callers::functionIndex(context);
    for (const callers::ApiIntegration& integration : callers::apiIntegrations(context)) {
      for (const callers::FunctionReference& ref : index.references(*integration.uri)) {
        if (ref.qualifier != callers::Qualifier::kNone || !index.hasAlias(ref.function)) continue;
        std::vector<std::string> aliases = index.aliasNames(ref.function);
        std::string alias = aliases.empty() ? "its alias" : "its alias `" + aliases.front() + "`";
        reporter.report(*ref.node, "Integration of `" + std::string(integration.api->id) +
                                       "` invokes `" + ref.function + "` unqualified, bypassing " +
                                       alias);
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnqualifiedApiIntegration)

}  // namespace samshift::rules
