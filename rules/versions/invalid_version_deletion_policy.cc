// V004: a VersionDeletionPolicy SAM rejects.

#include <optional>
#include <string>

#include "rules/versions/sam_problems.h"
#include "engine/registry.h"

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

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context.templ, samFunctionProblems(context), &describe, reporter);
  }

 private:
  static std::optional<std::string> describe(const ResourceProblem& problem) {
    if (hasCode(problem, {"version-deletion-policy"}))
      return "`VersionDeletionPolicy` must be `Delete` or `Retain`";
    if (hasCode(problem, {"version-deletion-policy-requires-alias"})) {
      return "`VersionDeletionPolicy` is set without `AutoPublishAlias`";
    }
    return std::nullopt;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidVersionDeletionPolicy)

}  // namespace samshift::rules
