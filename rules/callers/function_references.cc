#include "rules/callers/function_references.h"

#include "rules/shared/sam_facts.h"

namespace samshift::rules::callers {

const FunctionIndex& functionIndex(const engine::RuleContext& context) {
  return context.facts.get<FunctionIndex>([&] {
    const SamFacts& facts = samFacts(context);
    return FunctionIndex(context.templ, facts.parameters(),
                         [&facts](const model::ResourceView& resource)
                             -> const std::optional<sam::DeploymentModel>& {
                           return facts.deploymentModel(resource);
                         });
  });
}

}  // namespace samshift::rules::callers
