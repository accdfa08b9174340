#pragma once
// Shared by the P rules: a function's provisioned concurrency and what publishes and shifts it.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule.h"
#include "model/template.h"
#include "sam/deployment_model.h"

namespace samshift::rules::concurrency {

// A note naming the resource when `node` was written in `Globals` (empty otherwise).
std::vector<core::Note> globalsNote(const model::Template& templ, const model::Node& node,
                                    std::string_view resource);

struct ProvisionedFunction {
  const model::ResourceView* resource = nullptr;
  sam::DeploymentModel model;
  const model::Node* provisioned = nullptr;  // ProvisionedConcurrencyConfig as written
  bool aliased = false;                      // a truthy AutoPublishAlias
  bool shifted = false;                      // an enabled DeploymentPreference
};

// SAM functions with a truthy ProvisionedConcurrencyConfig that SAM accepts (no TenancyConfig or
// CapacityProviderConfig: P001 reports those).
// Computed once per document and shared by the rules that ask.
const std::vector<ProvisionedFunction>& provisionedFunctions(const engine::RuleContext& context);

}  // namespace samshift::rules::concurrency
