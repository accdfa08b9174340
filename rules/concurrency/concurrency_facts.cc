#include "rules/concurrency/concurrency_facts.h"

#include "sam/globals.h"
#include "sam/parameter_values.h"

namespace samshift::rules::concurrency {

std::vector<core::Note> globalsNote(const model::Template& templ, const model::Node& node, std::string_view resource) {
  const model::Node* globals = templ.globals();
  if (!globals || !node.span().known() || node.span().begin < globals->span().begin ||
      node.span().begin >= globals->span().end) {
    return {};
  }
  return {core::Note{core::Span{}, "Set in `Globals`, for `" + std::string(resource) + "`"}};
}

std::vector<ProvisionedFunction> provisionedFunctions(const model::Template& templ) {
  std::vector<ProvisionedFunction> out;
  sam::ParameterValues params(templ, {}, "us-east-1");
  for (const model::ResourceView* resource : templ.resourcesOfType("AWS::Serverless::Function")) {
    auto model = sam::readDeploymentModel(templ, *resource, params);
    if (!model || !model->provisionedConcurrency.present() ||
        !sam::pythonTruthy(model->provisionedConcurrency.value)) {
      continue;
    }
    // SAM refuses these combinations outright (P001); nothing more to say about them.
    model::Node properties = sam::propertiesWithGlobals(templ, *resource);
    if (properties.has("TenancyConfig") || properties.has("CapacityProviderConfig")) continue;
    ProvisionedFunction function;
    function.resource = resource;
    function.provisioned = model->provisionedConcurrency.node;
    function.aliased = model->autoPublishAlias.present() && sam::pythonTruthy(*model->autoPublishAlias.node);
    const auto& preference = model->deploymentPreference;
    function.shifted = preference && sam::pythonTruthy(preference->merged) && preference->isEnabled();
    function.model = std::move(*model);
    out.push_back(std::move(function));
  }
  return out;
}

namespace {

struct ProvisionedFunctions {
  std::vector<ProvisionedFunction> functions;
};

}  // namespace

const std::vector<ProvisionedFunction>& provisionedFunctions(const engine::RuleContext& context) {
  return context.facts
      .get<ProvisionedFunctions>([&] { return ProvisionedFunctions{provisionedFunctions(context.templ)}; })
      .functions;
}

}  // namespace samshift::rules::concurrency
