// D005: a key SAM ignores in DeploymentPreference or its Hooks.

#include <algorithm>
#include <array>
#include <string>

#include "core/nearest_names.h"
#include "engine/registry.h"
#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

namespace {

using model::MapEntry;
using model::Node;

constexpr std::array<std::string_view, 7> kPreferenceKeys = {
    "Type", "Enabled", "Hooks", "Alarms", "Role", "TriggerConfigurations", "PassthroughCondition"};
constexpr std::array<std::string_view, 2> kHookKeys = {"PreTraffic", "PostTraffic"};

class UnknownPreferenceKey : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "D005", "unknown-deployment-preference-key", core::Severity::kWarning,
        "A key in `DeploymentPreference` or its `Hooks` that SAM ignores",
        R"(## What it does
Checks the keys of a function's `DeploymentPreference` (`Type`, `Enabled`, `Hooks`, `Alarms`,
`Role`, `TriggerConfigurations`, `PassthroughCondition`) and of its `Hooks` (`PreTraffic`,
`PostTraffic`), in the resource and in `Globals`, and suggests the nearest known key.

## Why is this bad?
The SAM transform reads the keys it knows and silently drops the rest: a misspelt `PreTrafic`
deploys without the hook, `Alarm` without the rollback alarms, and nothing tells you.

## Example
```yaml
DeploymentPreference:
  Type: Canary10Percent5Minutes
  Hooks:
    PreTrafic: !Ref PreTrafficHook
```

## Use instead
```yaml
DeploymentPreference:
  Type: Canary10Percent5Minutes
  Hooks:
    PreTraffic: !Ref PreTrafficHook
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    if (const Node* globals = templ.globals()) {
      if (const Node* function = globals->get("Function")) {
        if (const Node* preference = function->get("DeploymentPreference"))
          check(*preference, reporter);
      }
    }
    for (const model::ResourceView& resource : templ.resources()) {
      if (resource.type != "AWS::Serverless::Function") continue;
      if (const Node* preference = resource.property("DeploymentPreference"))
        check(*preference, reporter);
    }
  }

 private:
  template <size_t N>
  static void checkKeys(const Node& node, const std::array<std::string_view, N>& known,
                        std::string_view where, engine::Reporter& reporter) {
    if (!node.isMapping() || node.isIntrinsic()) return;
    for (const MapEntry& entry : node.entries()) {
      const std::string& key = entry.key.text();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::vector<core::Note> notes;
      for (std::string_view best : core::nearestNames(key, known, 1)) {
        notes.push_back(core::Note{core::Span{}, "Did you mean `" + std::string(best) + "`?"});
      }
      reporter.report(entry.key,
                      "Unknown key `" + key + "` in `" + std::string(where) + "` is ignored by SAM",
                      std::move(notes));
    }
  }

  static void check(const Node& preference, engine::Reporter& reporter) {
    checkKeys(preference, kPreferenceKeys, "DeploymentPreference", reporter);
    if (!preference.isMapping() || preference.isIntrinsic()) return;
    if (const Node* hooks = preference.get("Hooks"))
      checkKeys(*hooks, kHookKeys, "Hooks", reporter);
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(UnknownPreferenceKey)

}  // namespace samshift::rules
