// V003: AutoPublishAliasAllProperties or AutoPublishCodeSha256 of the wrong type.

#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class InvalidVersionPropertyType : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"V003", "invalid-version-property-type",
                                        core::Severity::kError,
                                        "`AutoPublishAliasAllProperties` is not a literal boolean, "
                                        "or `AutoPublishCodeSha256` is not a string of letters and "
                                        "digits",
                                        R"(## What it does
Applies the SAM transform's type checks to `AutoPublishAliasAllProperties` (a literal
`true`/`false`: SAM does not resolve intrinsics or accept strings there) and
`AutoPublishCodeSha256` (a string, or a `Ref` to a parameter). SAM names the version after the
first 10 characters of `AutoPublishCodeSha256` (`FnVersion` + those characters), so they must
be letters and digits: `v1.2-release` makes `FnVersionv1.2-relea`, which is not a logical ID.

## Why is this bad?
The transform rejects the template ("Type of property 'AutoPublishAliasAllProperties' is
invalid", "Logical ids must be alphanumeric"), so the deploy fails without a line number.

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

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"all-properties-type", "code-sha256-type",
                                                  "code-sha256-not-string", "version-logical-id"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(context, *this, &describe, reporter);
  }

 private:
  static std::string describe(const ResourceProblem& problem) {
    const std::string& code = problem.problem.code;
    if (code == "all-properties-type")
      return "`AutoPublishAliasAllProperties` must be a literal boolean";
    if (code == "version-logical-id") {
      return "The first 10 characters of `AutoPublishCodeSha256` make the version's logical ID `" +
             problem.problem.subjectId + "`, which may only contain letters and digits";
    }
    return "`AutoPublishCodeSha256` must be a string";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidVersionPropertyType)

}  // namespace samshift::rules
