// P001: provisioned concurrency that the SAM transform refuses: without AutoPublishAlias, or
// together with TenancyConfig or CapacityProviderConfig. The checks are SAM's own
// (sam/validation.h), so lint and `expand` agree word for word.

#include <map>

#include "engine/registry.h"
#include "rules/shared/sam_facts.h"
#include "sam/validation.h"

namespace samshift::rules {

namespace {

const std::map<std::string, std::string>& messages() {
  static const std::map<std::string, std::string> kMessages = {
      {"provisioned-concurrency-requires-alias", "`ProvisionedConcurrencyConfig` needs `AutoPublishAlias` on the function"},
      {"tenancy-provisioned-concurrency", "`ProvisionedConcurrencyConfig` cannot be combined with `TenancyConfig`"},
      {"capacity-provider-provisioned-concurrency",
       "`ProvisionedConcurrencyConfig` cannot be combined with `CapacityProviderConfig`"},
  };
  return kMessages;
}

class ProvisionedConcurrencyWithoutAlias : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"P001", "provisioned-concurrency-without-alias", core::Severity::kError,
                                        "`ProvisionedConcurrencyConfig` without `AutoPublishAlias`, or with tenancy "
                                        "or a capacity provider",
                                        R"(## What it does
Reports the `ProvisionedConcurrencyConfig` of an `AWS::Serverless::Function` (written on the
function or in `Globals.Function`) that the SAM transform rejects: on a function without
`AutoPublishAlias`, or on a function that also has `TenancyConfig` or `CapacityProviderConfig`.
The finding carries SAM's own error message as a note.

## Why is this bad?
Provisioned concurrency is configured on an alias (SAM puts it on the alias that
`AutoPublishAlias` creates), and Lambda does not offer it for multi-tenant functions or functions
running on a capacity provider. `sam deploy` fails in the transform with "Resource with id [Fn]
is invalid", with no line number.

## Example
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    Runtime: python3.12
    Handler: app.handler
    CodeUri: src/
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
```

## Use instead
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    Runtime: python3.12
    Handler: app.handler
    CodeUri: src/
    AutoPublishAlias: live
    ProvisionedConcurrencyConfig:
      ProvisionedConcurrentExecutions: 5
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context, engine::Reporter& reporter) const override {
    const SamFacts& facts = samFacts(context);
    for (const model::ResourceView* resource : context.templ.resourcesOfType("AWS::Serverless::Function")) {
      for (const sam::SamProblem& problem : facts.problems(*resource)) {
        auto message = messages().find(problem.code);
        if (message == messages().end()) continue;
        const model::Node& at = problem.node ? *problem.node : *resource->idNode;
        reporter.report(at, message->second,
                        {core::Note{core::Span{}, "SAM: " + sam::samMessage(problem, resource->id)}});
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ProvisionedConcurrencyWithoutAlias)

}  // namespace samshift::rules
