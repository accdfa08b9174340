#include "rules/concurrency/concurrency_facts.h"

#include "rules/shared/sam_facts.h"
#include "sam/globals.h"

namespace samshift::rules::concurrency {

std::vector<core::Note> globalsNote(const model::Template& templ, const model::Node& node,
                                    std::string_view resource) {
  const model::Node* globals = templ.globals();
  if (!globals || !node.span().known() || node.span().begin < globals->span().begin ||
      node.span().begin >= globals->span().end) {
    return {};
  }
  return {core::Note{core::Span{}, "Set in `Globals`, for `" + std::string(resource) + "`"}};
}

namespace {

std::vector<ProvisionedFunction> findProvisionedFunctions(const model::Template& templ,
                                                          const SamFacts& facts) {
  std::vector<ProvisionedFunction> out;
  for (const model::ResourceView* resource : templ.resourcesOfType("AWS::Serverless::Function")) {
    const auto& model = facts.deploymentModel(*resource);
    if (!model || !model->provisionedConcurrency.present() ||
        !sam::pythonTruthy(model->provisionedConcurrency.value)) {
      continue;
    }
    // SAM refuses these combinations outright (P001); nothing more to say about them.
    const model::Node& properties = facts.mergedProperties(*resource);
    if (properties.has("TenancyConfig") || properties.has("CapacityProviderConfig")) continue;
    ProvisionedFunction function;
    function.resource = resource;
    function.provisioned = model->provisionedConcurrency.node;
    function.aliased =
        model->autoPublishAlias.present() && sam::pythonTruthy(*model->autoPublishAlias.node);
    const auto& preference = model->deploymentPreference;
    function.shifted =
        preference && sam::pythonTruthy(preference->merged) && preference->isEnabled();
    function.model = *model;
    out.push_back(std::move(function));
  }
  return out;
}

struct ProvisionedFunctions {
  std::vector<ProvisionedFunction> functions;
};

}  // namespace

const std::vector<ProvisionedFunction>& provisionedFunctions(const engine::RuleContext& context) {
  return context.facts
      .get<ProvisionedFunctions>([&] {
        return ProvisionedFunctions{findProvisionedFunctions(context.templ, samFacts(context))};
      })
      .functions;
}

}  // namespace samshift::rules::concurrency
