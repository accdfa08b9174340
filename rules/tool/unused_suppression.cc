// X002: a suppression that suppressed nothing. The engine finds these while it applies
// suppressions (engine/suppression.cc); this rule gives them an identity, a severity and a doc.

#include "engine/registry.h"
#include "engine/suppression.h"

namespace samshift::rules {

namespace {

class UnusedSuppression : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{engine::kUnusedSuppressionCode,
                                        "unused-suppression",
                                        core::Severity::kWarning,
                                        "A `samshift: ignore` suppression matched no finding",
                                        R"(## What it does
Reports each code of a `# samshift: ignore[CODE]` comment or of a
`Metadata: {samshift: {ignore: [CODE]}}` list that suppressed no finding: the rule did not
fire there, the code names no rule, or (with `--select`) the rule did not run. The finding
sits on the code as written.

Off by default: it runs with `--report-unused-suppressions`, with
`report-unused-suppressions: true` in `.samshift.yaml`, or when `--select` names it.

## Why is this bad?
A suppression outlives the problem it was written for. Left in place it hides the next,
unrelated finding of that rule on the same line or resource, and a misspelt code
(`D0O1`) never suppressed anything in the first place.

## Example
```yaml
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live  # samshift: ignore[D001]
```

## Use instead
```yaml
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
```
)",
                                        true,
                                        true};
    return kInfo;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnusedSuppression)

}  // namespace samshift::rules
