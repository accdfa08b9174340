#include "rules/shared/reference_sites.h"

#include <algorithm>

namespace samshift::rules {

const std::vector<ReferenceSite>& referenceSites(const engine::RuleContext& context) {
  return context.facts.get<std::vector<ReferenceSite>>([&] {
    std::vector<ReferenceSite> sites = model::collectReferences(context.templ.root());
    sites.erase(std::remove_if(sites.begin(), sites.end(),
                               [](const ReferenceSite& site) { return !site.namesLogicalId(); }),
                sites.end());
    return sites;
  });
}

}  // namespace samshift::rules
