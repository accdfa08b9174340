// P004: SnapStart applies to published versions only; a function that publishes none never
// gets a snapshot.

#include <set>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/concurrency/concurrency_facts.h"
#include "rules/shared/sam_facts.h"
#include "sam/globals.h"

namespace samshift::rules {

namespace {

using model::Node;

bool appliesToVersions(const Node* snapStart) {
  const Node* applyOn = snapStart && snapStart->isMapping() ? snapStart->get("ApplyOn") : nullptr;
  return applyOn && applyOn->isString("PublishedVersions");
}

// Functions an `AWS::Lambda::Version` of the template publishes.
std::set<std::string, std::less<>> versionedFunctions(const model::Template& templ) {
  std::set<std::string, std::less<>> out;
  for (const model::ResourceView* version : templ.resourcesOfType("AWS::Lambda::Version")) {
    const Node* name = version->property("FunctionName");
    if (!name) continue;
    if (auto ref = model::refName(*name)) out.insert(std::string(*ref));
    if (auto att = model::getAttTarget(*name)) out.insert(att->resource);
  }
  return out;
}

class SnapStartWithoutVersion : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"P004", "snapstart-without-version",
                                        core::Severity::kWarning,
                                        "SnapStart on a function that publishes no version",
                                        R"(## What it does
Reports `SnapStart: {ApplyOn: PublishedVersions}` (on the function or in `Globals.Function`) on
an `AWS::Serverless::Function` without `AutoPublishAlias`, or on an `AWS::Lambda::Function`,
when no `AWS::Lambda::Version` of the template publishes the function either. A SAM function
with `TenancyConfig` is left out: SAM refuses SnapStart there altogether.

## Why is this bad?
Lambda takes the SnapStart snapshot when a version is published, and only invocations of that
version (or an alias of it) start from the snapshot. Callers of the unpublished function invoke
`$LATEST`, which never uses SnapStart: the setting costs nothing and does nothing, and cold
starts stay as slow as before.

## Example
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    Runtime: java21
    Handler: example.Handler::handleRequest
    SnapStart:
      ApplyOn: PublishedVersions
```

## Use instead
```yaml
Fn:
  Type: AWS::Serverless::Function
  Properties:
    Runtime: java21
    Handler: example.Handler::handleRequest
    AutoPublishAlias: live
    SnapStart:
      ApplyOn: PublishedVersions
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    auto versioned = versionedFunctions(templ);
    for (const model::ResourceView& resource : templ.resources()) {
      if (versioned.count(resource.id)) continue;
      if (resource.type == "AWS::Serverless::Function") {
        const Node& properties = samFacts(context).mergedProperties(resource);
        if (!appliesToVersions(properties.get("SnapStart"))) continue;
        const Node* alias = properties.get("AutoPublishAlias");
        if (alias && sam::pythonTruthy(*alias)) continue;
        if (properties.has("TenancyConfig")) continue;  // SAM refuses SnapStart there outright
        const Node* source = sam::propertySource(templ, resource, "SnapStart");
        reporter.report(
            *source,
            "`SnapStart` on `" + std::string(resource.id) + "`, which has no `AutoPublishAlias`",
            concurrency::globalsNote(templ, *source, resource.id));
      } else if (resource.type == "AWS::Lambda::Function") {
        const Node* snapStart = resource.property("SnapStart");
        if (!appliesToVersions(snapStart)) continue;
        reporter.report(*snapStart,
                        "`SnapStart` on `" + std::string(resource.id) +
                            "`, which no `AWS::Lambda::Version` of the template publishes");
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(SnapStartWithoutVersion)

}  // namespace samshift::rules
