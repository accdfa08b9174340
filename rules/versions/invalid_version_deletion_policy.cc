// V004: a VersionDeletionPolicy SAM rejects.

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class InvalidVersionDeletionPolicy : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "V004", "invalid-version-deletion-policy", core::Severity::kError,
        "`VersionDeletionPolicy` is not `Delete` or `Retain`, or is set without `AutoPublishAlias`",
        R"(## What it does
Applies the SAM transform's checks to `VersionDeletionPolicy`: its value must be `Delete`
or `Retain`, and it only applies to the versions `AutoPublishAlias` publishes, so it requires
`AutoPublishAlias` (Globals included).

## Why is this bad?
The transform rejects the template, so the deploy fails without a line number.

## Example
```yaml
AutoPublishAlias: live
VersionDeletionPolicy: Keep
```

## Use instead
```yaml
AutoPublishAlias: live
VersionDeletionPolicy: Retain
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"version-deletion-policy",
                                                  "version-deletion-policy-requires-alias"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context, *this, &describe, reporter);
  }

 private:
  static std::string describe(const ResourceProblem& problem) {
    if (problem.problem.code == "version-deletion-policy")
      return "`VersionDeletionPolicy` must be `Delete` or `Retain`";
    return "`VersionDeletionPolicy` is set without `AutoPublishAlias`";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidVersionDeletionPolicy)

}  // namespace samshift::rules
