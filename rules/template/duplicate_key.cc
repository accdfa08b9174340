// T002: a mapping names the same key twice.

#include "engine/registry.h"

namespace samshift::rules {

namespace {

class DuplicateKey : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"T002",
                                        "duplicate-key",
                                        core::Severity::kError,
                                        "A mapping names the same key twice",
                                        R"(## What it does
Finds a key written twice in the same mapping, in YAML or JSON.

## Why is this bad?
CloudFormation rejects templates with duplicate keys, while most YAML parsers (PyYAML,
yaml-cpp) silently keep the last value: a second `Properties:` or a repeated resource ID
quietly replaces the first, and what you review is not what is deployed.

## Example
```yaml
Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
      AutoPublishAlias: prod
```

## Use instead
```yaml
Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
```
)",
                                        /*needsTree=*/false};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::LoadProblem& problem : context.document.problems) {
      if (problem.kind != model::ProblemKind::kDuplicateKey) continue;
      reporter.report(problem.span, problem.message,
                      {core::Note{problem.relatedSpan, problem.relatedMessage}});
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(DuplicateKey)

}  // namespace samshift::rules
