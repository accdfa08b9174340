// A009: an AWS::Lambda::Alias checked against its JSON Schema.

#include "engine/registry.h"
#include "rules/schemas/schema_check.h"

namespace samshift::rules {

namespace {

using model::Node;

class AliasShape : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A009", "alias-shape", core::Severity::kError,
        "An `AWS::Lambda::Alias` has a wrong type, missing key, unknown key or invalid name",
        R"(## What it does
Validates the Properties of every `AWS::Lambda::Alias` against `rules/schemas/lambda_alias.json`:
the required `FunctionName`, `FunctionVersion` and `Name`, the alias name (1 to 128 letters,
digits, `-` and `_`), the shape of `RoutingConfig` and `ProvisionedConcurrencyConfig`, and
unknown keys. The range of `FunctionWeight` is rule A002's.

## Why is this bad?
CloudFormation rejects the alias when it creates or updates it; callers that use the alias
ARN then fail or keep calling the old version.

## Example
```yaml
Live:
  Type: AWS::Lambda::Alias
  Properties:
    FunctionName: !Ref Orders
    Name: live
```

## Use instead
```yaml
Live:
  Type: AWS::Lambda::Alias
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
    checkResourcesOfType(context.templ, "AWS::Lambda::Alias", "lambda_alias", reporter);
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(AliasShape)

}  // namespace samshift::rules
