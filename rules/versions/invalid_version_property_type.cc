// V003: AutoPublishAliasAllProperties or AutoPublishCodeSha256 of the wrong type.

#include <optional>
#include <string>

#include "rules/versions/sam_problems.h"
#include "engine/registry.h"

namespace samshift::rules {

namespace {

class InvalidVersionPropertyType : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"V003", "invalid-version-property-type",
                                        core::Severity::kError,
                                        "`AutoPublishAliasAllProperties` is not a literal boolean, "
                                        "or `AutoPublishCodeSha256` is not a string",
                                        R"(## What it does
Applies the SAM transform's type checks to `AutoPublishAliasAllProperties` (a literal
`true`/`false`: SAM does not resolve intrinsics or accept strings there) and
`AutoPublishCodeSha256` (a string, or a `Ref` to a parameter).

## Why is this bad?
The transform rejects the template ("Type of property 'AutoPublishAliasAllProperties' is
invalid"), so the deploy fails without a line number.

## Example
```yaml
AutoPublishAliasAllProperties: "true"
```

## Use instead
```yaml
AutoPublishAliasAllProperties: true
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context.templ, samFunctionProblems(context), &describe, reporter);
  }

 private:
  static std::optional<std::string> describe(const ResourceProblem& problem) {
    const std::string& text = problem.problem.message;
    if (hasCode(problem, {"property-type"}) &&
        text.find("'AutoPublishAliasAllProperties'") != std::string::npos) {
      return "`AutoPublishAliasAllProperties` must be a literal boolean";
    }
    if (hasCode(problem, {"code-sha256-not-string"}) ||
        (hasCode(problem, {"property-type"}) &&
         text.find("'AutoPublishCodeSha256'") != std::string::npos)) {
      return "`AutoPublishCodeSha256` must be a string";
    }
    return std::nullopt;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidVersionPropertyType)

}  // namespace samshift::rules
