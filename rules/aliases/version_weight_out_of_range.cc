// A002: a routing weight that is not a number between 0 and 1.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

class WeightOutOfRange : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"A002", "version-weight-out-of-range",
                                        core::Severity::kError,
                                        "`FunctionWeight` is not a number between 0 and 1",
                                        R"(## What it does
Checks every `FunctionWeight` in the `RoutingConfig` of an `AWS::Lambda::Alias`: it must be a
number from 0.0 to 1.0, the share of invocations that go to the additional version.

## Why is this bad?
A percentage (`10` for 10%) or a string is rejected by Lambda when the stack updates the alias;
CloudFormation's own schema does not bound the value, so nothing catches it before deploy time.

## Example
```yaml
AdditionalVersionWeights:
  - FunctionVersion: !GetAtt NewVersion.Version
    FunctionWeight: 10
```

## Use instead
```yaml
AdditionalVersionWeights:
  - FunctionVersion: !GetAtt NewVersion.Version
    FunctionWeight: 0.1
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView* alias : context.templ.resourcesOfType("AWS::Lambda::Alias")) {
      const Node* weights = additionalVersionWeights(*alias);
      if (!weights) continue;
      for (const Node& entry : weights->items()) {
        const Node* weight = entry.isMapping() ? entry.get("FunctionWeight") : nullptr;
        if (!weight || weight->isIntrinsic()) continue;
        std::optional<double> value = weight->isScalar() ? literalNumber(*weight) : std::nullopt;
        if (!value) {
          reporter.report(*weight, "`FunctionWeight` is not a number");
        } else if (*value < 0 || *value > 1) {
          reporter.report(*weight,
                          "`FunctionWeight` " + weight->text() + " is outside the range 0 to 1");
        }
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(WeightOutOfRange)

}  // namespace samshift::rules
