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

const std::vector<ApiIntegration>& apiIntegrations(const engine::RuleContext& context) {
  return context.facts.get<std::vector<ApiIntegration>>(
      [&] { return sam::apiIntegrations(context.templ); });
}

const std::vector<Permission>& permissions(const engine::RuleContext& context) {
  return context.facts.get<std::vector<Permission>>(
      [&] { return sam::permissions(context.templ); });
}

std::optional<std::string> targetKey(const FunctionReference& ref) {
  switch (ref.qualifier) {
    case Qualifier::kNone:
    case Qualifier::kLatest:
      return std::string();
    case Qualifier::kAlias:
      if (ref.name.empty()) return std::nullopt;
      return ref.name;
    case Qualifier::kVersion:
      if (ref.name.empty()) return std::nullopt;
      return "#" + ref.name;
    default:
      return std::nullopt;
  }
}

std::string describeTarget(const std::string& function, const std::string& key) {
  if (key.empty()) return "`" + function + "` unqualified";
  if (key[0] == '#') return "version " + key.substr(1) + " of `" + function + "`";
  return "`" + function + ":" + key + "`";
}

}  // namespace samshift::rules::callers
