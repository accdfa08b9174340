// V006: a constant AutoPublishCodeSha256.

#include <optional>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

class ConstantCodeSha256 : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"V006", "constant-code-sha256", core::Severity::kInfo,
                                        "`AutoPublishCodeSha256` is a constant literal",
                                        R"(## What it does
Reports an `AutoPublishCodeSha256` written as a literal string. SAM adds this value to the
hash that names the published version, in place of looking at the code.

## Why is this bad?
A constant value must be edited by hand on every code change. Forget it and a code change
publishes nothing new (when the code location is also unchanged, for example a fixed S3 key);
edit only it and SAM publishes a version that Lambda rejects as identical to the last one
("A version for this Lambda function exists… Modify the function to create a new version").
Passing the hash as a parameter (for example the commit or the artifact's SHA-256) keeps it
in step with the code.

## Example
```yaml
AutoPublishAlias: live
AutoPublishCodeSha256: "v1"
```

## Use instead
```yaml
AutoPublishAlias: live
AutoPublishCodeSha256: !Ref CodeSha256
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView* function :
         context.templ.resourcesOfType("AWS::Serverless::Function")) {
      const model::Node* sha = function->property("AutoPublishCodeSha256");
      if (!sha || !sha->isString() || sha->text().empty()) continue;
      reporter.report(*sha, "`AutoPublishCodeSha256` is the constant `" + sha->text() + "`");
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ConstantCodeSha256)

}  // namespace samshift::rules
