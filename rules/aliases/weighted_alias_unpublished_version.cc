// A010: a weighted alias whose primary or additional version is not a published version.

#include <string>

#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::Node;

// The version a `FunctionVersion` names when it is written as a literal (an intrinsic is left
// alone: a `!GetAtt V.Version` is always a published version).
std::optional<std::string> literalVersion(const Node& version) {
  if (version.isIntrinsic() || !(version.isString() || version.isInt())) return std::nullopt;
  return version.text();
}

bool isPublishedVersion(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

class WeightedAliasUnpublishedVersion : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "A010", "weighted-alias-unpublished-version", core::Severity::kError,
        "A weighted alias routes to `$LATEST` or to a qualifier that is not a version number",
        R"(## What it does
Reports an `AWS::Lambda::Alias` that weights an additional version
(`RoutingConfig.AdditionalVersionWeights`) while its primary `FunctionVersion` is `$LATEST`, and
each weighted `FunctionVersion` written as a literal that is not a version number (`$LATEST`,
an alias name). Values given by intrinsics (`!GetAtt V.Version`, a parameter) are not checked.

AWS documents what the two versions of a weighted alias must share (Lambda Developer Guide,
"Alias routing configuration"): both published (the alias cannot point to `$LATEST`), the same
execution role and the same dead-letter queue configuration. Only the first can be decided from
the template: a version keeps the role and dead-letter queue its function had when it was
published, which is a fact of the stack's history, not of the template. (An additional version
of another function is rule A003's; more than one additional version, A001's; provisioned
concurrency on a weighted alias, A004's.)

## Why is this bad?
Lambda refuses to split traffic with `$LATEST`, and the key of an additional version must be a
version number (`[0-9]+`): CloudFormation fails to create or update the alias, and the stack
rolls back.

## Example
```yaml
Live:
  Type: AWS::Lambda::Alias
  Properties:
    FunctionName: !Ref Orders
    FunctionVersion: $LATEST
    Name: live
    RoutingConfig:
      AdditionalVersionWeights:
        - {FunctionVersion: !GetAtt OrdersV2.Version, FunctionWeight: 0.1}
```

## Use instead
```yaml
    FunctionVersion: !GetAtt OrdersV1.Version   # a published version
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    for (const model::ResourceView* alias : context.templ.resourcesOfType("AWS::Lambda::Alias")) {
      const Node* weights = additionalVersionWeights(*alias);
      if (!weights || weights->items().empty()) continue;
      if (const Node* primary = alias->property("FunctionVersion")) {
        if (literalVersion(*primary) == "$LATEST") {
          reporter.report(*primary,
                          "Alias `" + std::string(alias->id) +
                              "` weights an additional version while its `FunctionVersion` is "
                              "`$LATEST`",
                          {core::Note{weights->span(), "The additional version is weighted here"}});
        }
      }
      for (const Node& entry : weights->items()) {
        const Node* version = entry.isMapping() ? entry.get("FunctionVersion") : nullptr;
        std::optional<std::string> text = version ? literalVersion(*version) : std::nullopt;
        if (!text || isPublishedVersion(*text)) continue;
        reporter.report(*version,
                        *text == "$LATEST"
                            ? "Weighted `FunctionVersion` is `$LATEST`, not a "
                              "published version"
                            : "Weighted `FunctionVersion` `" + *text + "` is not a version number");
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(WeightedAliasUnpublishedVersion)

}  // namespace samshift::rules
