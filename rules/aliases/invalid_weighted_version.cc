// A003: the weighted version of an alias is its primary version, or a version of another function.

#include <algorithm>
#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;
using model::ResourceView;

class InvalidWeightedVersion : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A003", "invalid-weighted-version", core::Severity::kError,
        "An alias's weighted version is its primary version or belongs to another "
        "function",
        R"(## What it does
Compares each `FunctionVersion` in an alias's `AdditionalVersionWeights` with the alias's own
`FunctionVersion` (the same value written twice), and, when both the alias and the version
resource name their function through the template, checks that the `AWS::Lambda::Version` is a
version of the alias's function.

## Why is this bad?
Lambda rejects an alias whose additional version is its primary version, and an alias can only
route to versions of its own function: the update fails at deploy time.

## Example
```yaml
LiveAlias:
  Type: AWS::Lambda::Alias
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: !GetAtt OrdersV2.Version
    Name: live
    RoutingConfig:
      AdditionalVersionWeights:
        - FunctionVersion: !GetAtt OrdersV2.Version
          FunctionWeight: 0.1
```

## Use instead
```yaml
    FunctionVersion: !GetAtt OrdersV1.Version
    RoutingConfig:
      AdditionalVersionWeights:
        - FunctionVersion: !GetAtt OrdersV2.Version
          FunctionWeight: 0.1
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    for (const ResourceView* alias : templ.resourcesOfType("AWS::Lambda::Alias")) {
      const Node* weights = additionalVersionWeights(*alias);
      if (!weights) continue;
      const Node* primary = alias->property("FunctionVersion");
      const Node* functionName = alias->property("FunctionName");
      const ResourceView* function =
          functionName ? referencedResource(templ, *functionName) : nullptr;
      for (const Node& entry : weights->items()) {
        const Node* version = entry.isMapping() ? entry.get("FunctionVersion") : nullptr;
        if (!version) continue;
        if (primary && version->sameValue(*primary)) {
          reporter.report(*version,
                          "Weighted `FunctionVersion` is the alias's primary `FunctionVersion`",
                          {core::Note{primary->span(), "The primary version is set here"}});
          continue;
        }
        const ResourceView* versionResource = referencedResource(templ, *version);
        if (!function || !versionResource || versionResource->type != "AWS::Lambda::Version")
          continue;
        const Node* owner = versionResource->property("FunctionName");
        const ResourceView* ownerFunction = owner ? referencedResource(templ, *owner) : nullptr;
        if (ownerFunction && ownerFunction != function) {
          reporter.report(*version,
                          "Weighted version `" + std::string(versionResource->id) +
                              "` belongs to `" + std::string(ownerFunction->id) +
                              "`, not to the alias's function `" + std::string(function->id) + "`",
                          {core::Note{owner->span(), "The version's function is set here"}});
        }
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidWeightedVersion)

}  // namespace samshift::rules
