#include "rules/deployment/deployment_facts.h"

#include <algorithm>
#include <cstdlib>

#include "model/intrinsics.h"
#include "rules/shared/sam_facts.h"
#include "sam/globals.h"
#include "sam/parameter_values.h"

namespace samshift::rules {

using model::Node;
using model::ResourceView;
using model::Template;

const ResourceView* referencedResource(const Template& templ, const Node& node) {
  if (auto name = model::refName(node)) return templ.resource(*name);
  if (auto target = model::getAttTarget(node)) return templ.resource(target->resource);
  if (node.intrinsicName() == "Fn::Sub") {
    const Node& arg = node.intrinsicArgument();
    const Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
    if (!text.isString()) return nullptr;
    auto refs = model::subReferences(text.text());
    const std::string& value = text.text();
    if (refs.size() == 1 && value.size() > 3 && value.substr(0, 2) == "${" && value.back() == '}' &&
        value.size() == refs[0].name.size() + 3) {
      return templ.resource(refs[0].name.substr(0, refs[0].name.find('.')));
    }
  }
  return nullptr;
}

std::optional<std::vector<std::string>> possibleStrings(const Template& templ, const Node& node) {
  return sam::ParameterValues(templ).possibleStrings(node);
}

std::optional<std::string> resolvedString(const Template& templ, const Node& node) {
  return sam::ParameterValues(templ).string(node);
}

std::optional<double> literalNumber(const Node& node) { return sam::valueNumber(node); }

const Node* additionalVersionWeights(const model::ResourceView& alias) {
  const Node* routing = alias.property("RoutingConfig");
  const Node* weights =
      routing && routing->isMapping() ? routing->get("AdditionalVersionWeights") : nullptr;
  return weights && weights->isSequence() ? weights : nullptr;
}

Located locateProperty(const Template& templ, const ResourceView& resource,
                       std::initializer_list<std::string_view> path) {
  auto walk = [&](const Node* node) -> const Node* {
    for (std::string_view key : path) {
      if (!node || !node->isMapping() || node->isIntrinsic()) return nullptr;
      node = node->get(key);
    }
    return node;
  };
  if (const Node* local = walk(resource.properties)) return Located{local, false};
  std::string_view section = sam::globalsSectionFor(resource.type);
  const Node* globals = templ.globals();
  if (section.empty() || !globals) return {};
  // A local value that is not a mapping replaces the global one entirely.
  const Node* localHead = resource.properties;
  for (std::string_view key : path) {
    if (!localHead || !localHead->isMapping()) break;
    localHead = localHead->get(key);
    if (localHead && (!localHead->isMapping() || localHead->isIntrinsic())) return {};
  }
  if (const Node* global = walk(globals->get(section))) return Located{global, true};
  return {};
}

core::Note inheritedNote(const ResourceView& resource) {
  return core::Note{resource.idNode ? resource.idNode->span() : core::Span{},
                    "`" + std::string(resource.id) + "` inherits this from `Globals`"};
}

void FindingSink::report(const ResourceView& resource, const Located& where, std::string message,
                         std::vector<core::Note> notes) {
  if (!where.node) return;
  if (!where.fromGlobals) {
    reporter_.report(where.node->span(), std::move(message), std::move(notes));
    return;
  }
  for (Pending& pending : pending_) {
    if (pending.span == where.node->span() && pending.message == message) {
      pending.notes.push_back(inheritedNote(resource));
      return;
    }
  }
  notes.push_back(inheritedNote(resource));
  pending_.push_back(Pending{where.node->span(), std::move(message), std::move(notes)});
}

void FindingSink::flush() {
  for (Pending& pending : pending_)
    reporter_.report(pending.span, std::move(pending.message), std::move(pending.notes));
  pending_.clear();
}

Located ShiftingFunction::locate(const Template& templ,
                                 std::initializer_list<std::string_view> path) const {
  std::vector<std::string_view> full{"DeploymentPreference"};
  full.insert(full.end(), path.begin(), path.end());
  // locateProperty takes an initializer list; walk the pieces by hand for a runtime path.
  const Node* local = resource->properties;
  for (std::string_view key : full) {
    if (!local || !local->isMapping() || local->isIntrinsic()) {
      local = nullptr;
      break;
    }
    local = local->get(key);
  }
  if (local) return Located{local, false};
  const Node* globals = templ.globals() ? templ.globals()->get("Function") : nullptr;
  const Node* localHead = resource->properties;
  for (std::string_view key : full) {
    if (!localHead || !localHead->isMapping()) break;
    localHead = localHead->get(key);
    if (localHead && (!localHead->isMapping() || localHead->isIntrinsic())) return {};
  }
  const Node* global = globals;
  for (std::string_view key : full) {
    if (!global || !global->isMapping() || global->isIntrinsic()) return {};
    global = global->get(key);
  }
  return global ? Located{global, true} : Located{};
}

namespace {

std::vector<ShiftingFunction> findShiftingFunctions(const Template& templ, const SamFacts& facts) {
  std::vector<ShiftingFunction> out;
  for (const ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Function") continue;
    const std::optional<sam::DeploymentModel>& model = facts.deploymentModel(resource);
    if (!model || !model->deploymentPreference) continue;
    const sam::DeploymentPreferenceModel& dp = *model->deploymentPreference;
    if (!dp.merged.isMapping() || dp.merged.isIntrinsic()) continue;
    ShiftingFunction function;
    function.resource = &resource;
    function.model = &dp;
    function.preference = locateProperty(templ, resource, {"DeploymentPreference"});
    function.merged = &dp.merged;
    function.enabled = dp.enabled.unresolvable || dp.isEnabled();
    const Node& type = dp.type.value;
    if (dp.type.present() && !dp.type.unresolvable && type.isScalar() && !type.isNull()) {
      function.type = type.text();
    }
    out.push_back(std::move(function));
  }
  return out;
}

}  // namespace

std::optional<std::string> literalFunctionName(const Template& templ,
                                               const ResourceView& function) {
  const Node* name = function.property("FunctionName");
  if (!name) return std::nullopt;
  return resolvedString(templ, *name);
}

}  // namespace samshift::rules

#include "sam/codedeploy_resources.h"
#include "sam/deployment_configs.h"

namespace samshift::rules {

std::optional<std::string> CodeDeployFacts::applicationPlatform(const Template& templ,
                                                                const ResourceView& application) {
  return sam::computePlatform(application, sam::ParameterValues(templ));
}

const ResourceView* CodeDeployFacts::groupApplication(const Template& templ,
                                                      const ResourceView& group) {
  const Node* name = group.property("ApplicationName");
  if (!name) return nullptr;
  const ResourceView* target = referencedResource(templ, *name);
  return target && target->type == "AWS::CodeDeploy::Application" ? target : nullptr;
}

const ResourceView* CodeDeployFacts::customConfig(const Template& templ, const Node& name) {
  sam::ParameterValues values(templ);
  return sam::namedCustomConfig(templ, values, values.resolveForDeployment(name).value);
}

std::optional<std::string> CodeDeployFacts::configPlatform(const Template& templ,
                                                           const Node& name) {
  if (const ResourceView* config = customConfig(templ, name)) {
    return sam::computePlatform(*config, sam::ParameterValues(templ));
  }
  if (name.isString()) {
    if (auto platform = sam::predefinedConfigPlatform(name.text())) return std::string(*platform);
  }
  return std::nullopt;
}

}  // namespace samshift::rules

namespace samshift::rules {

std::vector<const Node*> conditionalBranches(const Node& node) {
  if (node.intrinsicName() == "Fn::If") {
    const Node& arg = node.intrinsicArgument();
    if (arg.isSequence() && arg.items().size() == 3) {
      std::vector<const Node*> out = conditionalBranches(arg.items()[1]);
      for (const Node* other : conditionalBranches(arg.items()[2])) out.push_back(other);
      return out;
    }
  }
  if (auto name = model::refName(node); name && *name == "AWS::NoValue") return {};
  return {&node};
}

std::vector<const Node*> listItems(const Node& node) {
  std::vector<const Node*> out;
  for (const Node* branch : conditionalBranches(node)) {
    if (!branch->isSequence()) continue;
    for (const Node& item : branch->items()) {
      for (const Node* value : conditionalBranches(item)) out.push_back(value);
    }
  }
  return out;
}

namespace {

std::optional<sam::Schedule> predefinedSchedule(std::string_view name) {
  const sam::LambdaDeploymentConfig* config = sam::findLambdaDeploymentConfig(name);
  if (!config) return std::nullopt;
  return config->schedule;
}

}  // namespace

std::optional<sam::Schedule> configSchedule(const Template& templ, const Node& name) {
  if (auto text = resolvedString(templ, name)) {
    if (auto schedule = predefinedSchedule(*text)) return schedule;
  }
  const ResourceView* custom = CodeDeployFacts::customConfig(templ, name);
  if (!custom) return std::nullopt;
  return sam::customConfigSchedule(*custom, sam::ParameterValues(templ)).schedule;
}

std::optional<sam::Schedule> shiftSchedule(const Template& templ,
                                           const ShiftingFunction& function) {
  const Node* type = function.merged->get("Type");
  if (!type) return std::nullopt;
  // SAM's own reading of Type also resolves Mappings (`!FindInMap [Types, prod, type]`).
  if (function.type) {
    if (auto schedule = predefinedSchedule(*function.type)) return schedule;
  }
  return configSchedule(templ, *type);
}

namespace {

struct ShiftingFunctions {
  std::vector<ShiftingFunction> functions;
};

}  // namespace

const std::vector<ShiftingFunction>& shiftingFunctions(const engine::RuleContext& context) {
  return context.facts
      .get<ShiftingFunctions>([&] {
        return ShiftingFunctions{findShiftingFunctions(context.templ, samFacts(context))};
      })
      .functions;
}

}  // namespace samshift::rules
