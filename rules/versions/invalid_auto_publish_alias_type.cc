// V001: AutoPublishAlias that is not a string or a parameter Ref.

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class InvalidAliasType : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "V001", "invalid-auto-publish-alias-type", core::Severity::kError,
        "`AutoPublishAlias` is not a string or a `Ref` to a parameter",
        R"(## What it does
Applies the SAM transform's check to `AutoPublishAlias` (in the function or in `Globals`):
it must be a string, or a `Ref` to a template parameter, which SAM resolves with the
parameter's value. `!Sub`, `!If`, `!FindInMap`, a `Ref` to a resource, a number or a list are
reported.

## Why is this bad?
The transform rejects the template ("Type of property 'AutoPublishAlias' is invalid" or
"'AutoPublishAlias' must be a string or a Ref to a template parameter"), so the deploy fails
before anything is created, with no line number to look at.

## Example
```yaml
AutoPublishAlias: !Sub "${Stage}-live"
```

## Use instead
```yaml
AutoPublishAlias: !Ref Stage
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"alias-type", "alias-not-string"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context, *this, &describe, reporter);
  }

 private:
  static std::string describe(const ResourceProblem&) {
    return "`AutoPublishAlias` must be a string or a `Ref` to a parameter";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidAliasType)

}  // namespace samshift::rules
