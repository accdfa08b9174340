// T001: the file is not valid YAML or JSON, or breaks a safety limit.

#include "engine/registry.h"

namespace samshift::rules {

namespace {

class SyntaxError : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "T001",
        "syntax-error",
        core::Severity::kError,
        "The file is not valid YAML or JSON, or breaks a safety limit",
        R"(## What it does
Reports where a template stops being valid YAML or JSON: a bad indent, a tab used for
indentation, an unclosed bracket or quote, invalid UTF-8, a control character, more than one
YAML document. It also reports inputs that break samshift's safety limits, which keep memory
in proportion to the input: files over 64 MiB, more than 4,194,304 values in one document,
nesting deeper than 512 levels, aliases that expand to more than 200,000 nodes or 16 MiB of text
(an "alias bomb"), more than 1,000 duplicate keys.

## Why is this bad?
CloudFormation and the SAM CLI reject the file before anything else is checked. Nothing else
in the template can be trusted until it parses.

## Example
```yaml
Resources:
  Function:
	Type: AWS::Serverless::Function   # a tab
```

## Use instead
```yaml
Resources:
  Function:
    Type: AWS::Serverless::Function
```
)",
        /*needsTree=*/false};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::LoadProblem& problem : context.document.problems) {
      if (problem.kind == model::ProblemKind::kSyntax)
        reporter.report(problem.span, problem.message);
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(SyntaxError)

}  // namespace samshift::rules
