// V010: an AWS::Lambda::Version checked against its JSON Schema.

#include "engine/registry.h"
#include "rules/schemas/schema_check.h"

namespace samshift::rules {

namespace {

using model::Node;

class VersionShape : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "V010", "version-shape", core::Severity::kError,
        "An `AWS::Lambda::Version` has a wrong type, missing key or unknown key",
        R"(## What it does
Validates the Properties of every `AWS::Lambda::Version` against
`rules/schemas/lambda_version.json`: the required `FunctionName`, the types of `CodeSha256`,
`Description`, `ProvisionedConcurrencyConfig` and `RuntimePolicy`, and unknown keys.

## Why is this bad?
CloudFormation rejects the version when it publishes it, and every alias that points at it
fails with it.

## Example
```yaml
OrdersVersion:
  Type: AWS::Lambda::Version
  Properties:
    Function: !Ref Orders
```

## Use instead
```yaml
OrdersVersion:
  Type: AWS::Lambda::Version
  Properties:
    FunctionName: !Ref Orders
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    checkResourcesOfType(context.templ, "AWS::Lambda::Version", "lambda_version", reporter);
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(VersionShape)

}  // namespace samshift::rules
