// A001: an alias routing to more than two versions.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

class TooManyWeights : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"A001", "too-many-version-weights", core::Severity::kError,
                                        "`AdditionalVersionWeights` with more than one entry",
                                        R"(## What it does
Checks that the `RoutingConfig.AdditionalVersionWeights` of an `AWS::Lambda::Alias` lists at
most one version.

## Why is this bad?
A Lambda alias routes to at most two versions: its `FunctionVersion` and one additional
weighted version. Lambda rejects a second entry when the stack updates the alias.

## Example
```yaml
RoutingConfig:
  AdditionalVersionWeights:
    - FunctionVersion: !GetAtt VersionB.Version
      FunctionWeight: 0.1
    - FunctionVersion: !GetAtt VersionC.Version
      FunctionWeight: 0.1
```

## Use instead
```yaml
RoutingConfig:
  AdditionalVersionWeights:
    - FunctionVersion: !GetAtt VersionB.Version
      FunctionWeight: 0.1
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView* alias : context.templ.resourcesOfType("AWS::Lambda::Alias")) {
      const Node* weights = additionalVersionWeights(*alias);
      if (!weights || weights->items().size() < 2) continue;
      reporter.report(weights->items()[1],
                      "`AdditionalVersionWeights` lists " +
                          std::to_string(weights->items().size()) +
                          " versions; an alias routes to at most one additional version");
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(TooManyWeights)

}  // namespace samshift::rules
