// V005: a parameter-driven setting whose change publishes no version.

#include <optional>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"
#include "sam/globals.h"

namespace samshift::rules {

namespace {

class ParameterChangeWithoutVersion : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "V005", "parameter-change-without-version", core::Severity::kWarning,
        "A parameter-driven `Environment`, `MemorySize`, `Layers`, `LoggingConfig` or `Timeout` "
        "can change without publishing a version",
        R"(## What it does
For a function with `AutoPublishAlias` (and without `AutoPublishAliasAllProperties: true`),
reports a `Ref` to a template parameter (directly or inside `!Sub`) in `Environment`,
`MemorySize`, `Layers`, `LoggingConfig` or `Timeout`: the function's own or the Globals one,
including `Globals` `Environment` variables SAM merges into the function's own. A function whose
`AutoPublishCodeSha256` itself follows a parameter is left alone, and so is `Description`: no
caller sees it.

SAM names the published version after a hash of the code location, plus `Environment` and
`MemorySize` *as written*: `!Ref Stage` hashes the same whatever the value of `Stage`, and the
other properties are not hashed at all.

## Why is this bad?
Deploying with a new parameter value updates the function's `$LATEST` configuration but
keeps the same version resource: no version is published and the alias keeps serving the old
settings, so the change silently never reaches callers of the alias.

## Example
```yaml
Orders:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    Environment:
      Variables:
        TABLE: !Ref TableName
```

## Use instead
```yaml
Orders:
  Type: AWS::Serverless::Function
  Properties:
    AutoPublishAlias: live
    AutoPublishAliasAllProperties: true
    Environment:
      Variables:
        TABLE: !Ref TableName
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    FindingSink sink(reporter);
    for (const model::ResourceView& resource : templ.resources()) {
      if (resource.type != "AWS::Serverless::Function") continue;
      Located alias = locateProperty(templ, resource, {"AutoPublishAlias"});
      if (!alias || (alias.node->isString() && alias.node->text().empty())) continue;
      Located all = locateProperty(templ, resource, {"AutoPublishAliasAllProperties"});
      if (all && all.node->isBool() && all.node->boolValue()) continue;
      if (const model::Node* sha = resource.property("AutoPublishCodeSha256");
          sha && findParameter(templ, *sha)) {
        continue;
      }
      for (std::string_view property :
           {"Environment", "MemorySize", "Layers", "LoggingConfig", "Timeout"}) {
        for (const Located& where : mergedValues(templ, resource, property)) {
          auto found = findParameter(templ, *where.node);
          if (!found) continue;
          sink.report(resource, Located{found->first, where.fromGlobals},
                      "`" + std::string(property) + "` follows parameter `" + found->second +
                          "`, but changing it alone publishes no new version for "
                          "`AutoPublishAlias`");
          break;
        }
      }
    }
  }

 private:
  // The values SAM merges into the function's `property`: its own, then the Globals one when the
  // function has none or both are mappings (SAM merges mappings; any other own value wins).
  static std::vector<Located> mergedValues(const model::Template& templ,
                                           const model::ResourceView& resource,
                                           std::string_view property) {
    std::vector<Located> values;
    Located own = locateProperty(templ, resource, {property});
    if (own) values.push_back(own);
    if (own.fromGlobals || (own && (!own.node->isMapping() || own.node->isIntrinsic())))
      return values;
    std::string_view section = sam::globalsSectionFor(resource.type);
    const model::Node* globals = templ.globals();
    const model::Node* shared =
        globals && globals->isMapping() && !section.empty() ? globals->get(section) : nullptr;
    const model::Node* inherited = shared && shared->isMapping() ? shared->get(property) : nullptr;
    if (inherited && (!own || (inherited->isMapping() && !inherited->isIntrinsic())))
      values.push_back(Located{inherited, true});
    return values;
  }

  // The first reference to a template parameter inside `node`: the node to point at and the name.
  static std::optional<std::pair<const model::Node*, std::string>> findParameter(
      const model::Template& templ, const model::Node& node) {
    if (auto name = model::refName(node)) {
      if (templ.parameter(*name)) return std::make_pair(&node, std::string(*name));
      return std::nullopt;
    }
    if (node.intrinsicName() == "Fn::Sub") {
      const model::Node& arg = node.intrinsicArgument();
      const model::Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
      if (text.isString()) {
        for (const model::SubReference& ref : model::subReferences(text.text())) {
          if (templ.parameter(ref.name)) return std::make_pair(&node, ref.name);
        }
      }
      if (arg.isSequence() && arg.items().size() > 1) return findParameter(templ, arg.items()[1]);
      return std::nullopt;
    }
    for (const model::Node& item : node.items()) {
      if (auto found = findParameter(templ, item)) return found;
    }
    for (const model::MapEntry& entry : node.entries()) {
      if (auto found = findParameter(templ, entry.value)) return found;
    }
    return std::nullopt;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(ParameterChangeWithoutVersion)

}  // namespace samshift::rules
