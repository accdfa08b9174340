// X001: a rule that failed on a template. The engine reports it (src/engine/runner.cc) when a
// rule throws; this file gives it the identity and documentation every other rule has.

#include "engine/registry.h"
#include "engine/runner.h"

namespace samshift::rules {

namespace {

class RuleFailed : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        engine::kRuleFailedCode, "rule-failed",
        core::Severity::kError,  "A rule failed on this template; its findings for it are missing",
        R"(## What it does
Reports a rule that failed while it checked a template: an internal error of samshift, not a
problem of the template. The finding names the rule and what went wrong; the other rules
still run and report as usual. It is always reported (selection, `--ignore` and
suppressions do not hide it), because a failed rule means the lint is incomplete.

## Why is this bad?
The failed rule's findings for this template are missing, so a clean result would be a false
assurance. Please report it with the template (or a reduced copy) at the project's issue
tracker.

## Example
```text
template.yaml:1:1: error X001 [rule-failed] Rule D002 [unknown-deployment-type] failed on this template: ...
```

## Use instead
Upgrade samshift, or report the template so that the rule can be fixed; meanwhile
`--ignore` the failing rule's own code to lint the rest without it.
)",      false};
    return kInfo;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(RuleFailed)

}  // namespace samshift::rules
