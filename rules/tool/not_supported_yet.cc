// X003: what `samshift expand` (or `plan`) cannot do yet. Never reported by lint: the commands
// that stop on it report it (src/cli/problem_report.cc), and this file gives it the identity and
// documentation every finding has.

#include "engine/registry.h"

namespace samshift::rules {

namespace {

class NotSupportedYet : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"X003",
                                        "not-supported-yet",
                                        core::Severity::kError,
                                        "The template uses something samshift cannot expand or "
                                        "plan yet",
                                        R"(## What it does
Reported by `samshift expand` and `samshift plan` (exit 2) when the template uses a feature of
the SAM transform that samshift does not implement yet, or one whose result SAM leaves to
AWS (a managed policy name SAM looks up in IAM in a partition it bundles no list for, another
transform such as `AWS::LanguageExtensions` that rewrites the template first). The message names it. Lint does
not report it: it checks templates without expanding them.

## Why is this bad?
samshift prints SAM's output byte for byte or nothing: rather than a template that might
differ from what CloudFormation will deploy, it stops and says what it could not do. The
template itself may be fine.

## Example
```text
template.yaml:12:7: error X003 [not-supported-yet] resource type AWS::Serverless::GraphQLApi (Api)
```

## Use instead
Deploy with the SAM CLI, or expand the template with the SAM transform, for this template
until samshift supports the feature; lint still checks it.
)",
                                        /*needsTree=*/true,
                                        /*optIn=*/true};
    return kInfo;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(NotSupportedYet)

}  // namespace samshift::rules
