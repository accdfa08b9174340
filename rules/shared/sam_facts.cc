#include "rules/shared/sam_facts.h"

#include "sam/globals.h"

namespace samshift::rules {

SamFacts::SamFacts(const model::Template& templ, std::string_view region)
    : templ_(&templ), params_(templ, {}, std::string(region)), index_(templ) {}

const std::optional<sam::DeploymentModel>& SamFacts::deploymentModel(
    const model::ResourceView& resource) const {
  auto found = models_.find(&resource);
  if (found == models_.end()) {
    found = models_
                .emplace(&resource, sam::readDeploymentModel(*templ_, resource, params_,
                                                             &mergedProperties(resource)))
                .first;
  }
  return found->second;
}

const std::vector<sam::SamProblem>& SamFacts::problems(const model::ResourceView& resource) const {
  auto found = problems_.find(&resource);
  if (found == problems_.end()) {
    found = problems_
                .emplace(&resource, sam::validateSamResource(*templ_, resource, params_,
                                                             &mergedProperties(resource),
                                                             &deploymentModel(resource), &index_))
                .first;
  }
  return found->second;
}

const model::Node& SamFacts::mergedProperties(const model::ResourceView& resource) const {
  if (!sam::hasGlobals(*templ_, resource)) return resource.propertiesMapping();  // nothing to merge
  auto found = merged_.find(&resource);
  if (found == merged_.end())
    found = merged_.emplace(&resource, sam::propertiesWithGlobals(*templ_, resource)).first;
  return found->second;
}

const SamFacts& samFacts(const engine::RuleContext& context) {
  return context.facts.get<SamFacts>([&] { return SamFacts(context.templ, context.region); });
}

}  // namespace samshift::rules
