#include "sam/deployment_model.h"

#include "sam/globals.h"

namespace samshift::sam {

using model::Node;

bool truthy(const Node* value) { return value && pythonTruthy(*value); }

bool pythonTruthy(const Node& value) {
  switch (value.kind()) {
    case model::NodeKind::kNull:
      return false;
    case model::NodeKind::kBool:
      return value.boolValue();
    case model::NodeKind::kInt:
      return value.intValue() != 0;
    case model::NodeKind::kFloat:
      return value.floatValue() != 0.0;
    case model::NodeKind::kString:
      return !value.text().empty();
    case model::NodeKind::kSequence:
      return !value.items().empty();
    case model::NodeKind::kMapping:
      return !value.entries().empty();
  }
  return false;
}

bool DeploymentPreferenceModel::isEnabled() const {
  if (!enabled.present()) return true;
  if (enabled.value.isString("false") || enabled.value.isString("False")) return false;
  return pythonTruthy(enabled.value);
}

const Setting* DeploymentPreferenceModel::unresolvable() const {
  for (const Setting* setting : {&enabled, &type, &passthroughCondition}) {
    if (setting->unresolvable) return setting;
  }
  return nullptr;
}

std::vector<std::pair<std::string_view, const Setting*>> DeploymentModel::resolvedSettings() const {
  if (stateMachine) return {};
  std::vector<std::pair<std::string_view, const Setting*>> out = {
      {"AutoPublishAlias", &autoPublishAlias}, {"AutoPublishCodeSha256", &codeSha256}};
  if (deploymentPreference) {
    out.emplace_back("Enabled", &deploymentPreference->enabled);
    out.emplace_back("Type", &deploymentPreference->type);
    out.emplace_back("PassthroughCondition", &deploymentPreference->passthroughCondition);
  }
  return out;
}

const Setting* DeploymentModel::unresolvable() const {
  for (const auto& [key, setting] : resolvedSettings()) {
    if (setting->unresolvable) return setting;
  }
  return nullptr;
}

std::optional<std::string> DeploymentModel::aliasName() const {
  if (!autoPublishAlias.present() || !autoPublishAlias.value.isString() ||
      autoPublishAlias.value.text().empty()) {
    return std::nullopt;
  }
  return autoPublishAlias.value.text();
}

namespace {

// Resolves a setting's value in place, keeping why it could not be when it cannot.
void resolveSetting(Setting& setting, Resolved resolved) {
  setting.value = std::move(resolved.value);
  setting.unresolvable = std::move(resolved.failure);
  setting.rewritesMappings = resolved.rewritesMappings;
}

// A key of DeploymentPreference: the local node when written there, else the global one.
Setting subSetting(const Node& merged, const Node* local, const Node* global,
                   std::string_view key) {
  Setting setting;
  const Node* value = merged.isMapping() && !merged.isIntrinsic() ? merged.get(key) : nullptr;
  if (!value) return setting;
  const Node* source = local && local->isMapping() ? local->get(key) : nullptr;
  if (!source && global && global->isMapping()) source = global->get(key);
  setting.node = source ? source : value;
  setting.value = *value;
  return setting;
}

DeploymentPreferenceModel readPreference(const Node& merged, const Node* local, const Node* global,
                                         const ParameterValues& params) {
  DeploymentPreferenceModel dp;
  dp.node = local ? local : global;
  dp.merged = merged;
  dp.enabled = subSetting(merged, local, global, "Enabled");
  if (dp.enabled.present())
    resolveSetting(dp.enabled, params.resolveWithMappings(dp.enabled.value));
  dp.type = subSetting(merged, local, global, "Type");
  if (dp.type.present()) resolveSetting(dp.type, params.resolveWithMappings(dp.type.value));
  dp.passthroughCondition = subSetting(merged, local, global, "PassthroughCondition");
  if (dp.passthroughCondition.present()) {
    resolveSetting(dp.passthroughCondition,
                   params.resolveWithMappings(dp.passthroughCondition.value));
  }
  dp.hooks = subSetting(merged, local, global, "Hooks");
  if (dp.hooks.present() && dp.hooks.value.isMapping()) {
    const Node* localHooks = local && local->isMapping() ? local->get("Hooks") : nullptr;
    const Node* globalHooks = global && global->isMapping() ? global->get("Hooks") : nullptr;
    dp.preTraffic = subSetting(dp.hooks.value, localHooks, globalHooks, "PreTraffic");
    dp.postTraffic = subSetting(dp.hooks.value, localHooks, globalHooks, "PostTraffic");
  }
  dp.alarms = subSetting(merged, local, global, "Alarms");
  dp.role = subSetting(merged, local, global, "Role");
  dp.triggerConfigurations = subSetting(merged, local, global, "TriggerConfigurations");
  return dp;
}

Setting plain(const Node& merged, const Node* source, std::string_view key) {
  Setting setting;
  if (const Node* value = merged.get(key)) {
    setting.node = source ? source : value;
    setting.value = *value;
  }
  return setting;
}

}  // namespace

std::optional<DeploymentModel> readDeploymentModel(const model::Template& templ,
                                                   const model::ResourceView& resource,
                                                   const ParameterValues& params,
                                                   const Node* mergedProperties) {
  DeploymentModel model;
  model.logicalId = std::string(resource.id);
  if (resource.type == "AWS::Serverless::StateMachine") {
    model.stateMachine = true;
    const Node& props = resource.propertiesMapping();
    model.autoPublishAlias =
        plain(props, resource.property("AutoPublishAlias"), "AutoPublishAlias");
    model.useAliasAsEventTarget =
        plain(props, resource.property("UseAliasAsEventTarget"), "UseAliasAsEventTarget");
    if (const Node* dp = resource.property("DeploymentPreference")) {
      DeploymentPreferenceModel pref;
      pref.node = dp;
      pref.merged = *dp;
      model.deploymentPreference = std::move(pref);
    }
    return model;
  }
  if (resource.type != "AWS::Serverless::Function") return std::nullopt;
  Node computed;
  const Node& props =
      mergedProperties ? *mergedProperties : (computed = propertiesWithGlobals(templ, resource));
  auto source = [&](std::string_view key) { return propertySource(templ, resource, key); };
  model.autoPublishAlias = plain(props, source("AutoPublishAlias"), "AutoPublishAlias");
  if (model.autoPublishAlias.present()) {
    resolveSetting(model.autoPublishAlias, params.resolve(model.autoPublishAlias.value));
  }
  model.allProperties =
      plain(props, source("AutoPublishAliasAllProperties"), "AutoPublishAliasAllProperties");
  const Node& local = resource.propertiesMapping();
  model.codeSha256 =
      plain(local, resource.property("AutoPublishCodeSha256"), "AutoPublishCodeSha256");
  if (model.codeSha256.present())
    resolveSetting(model.codeSha256, params.resolve(model.codeSha256.value));
  model.versionDescription =
      plain(local, resource.property("VersionDescription"), "VersionDescription");
  model.versionDeletionPolicy =
      plain(props, source("VersionDeletionPolicy"), "VersionDeletionPolicy");
  model.provisionedConcurrency =
      plain(props, source("ProvisionedConcurrencyConfig"), "ProvisionedConcurrencyConfig");
  if (const Node* merged = props.get("DeploymentPreference")) {
    const Node* localDp = resource.property("DeploymentPreference");
    const Node* globalDp = nullptr;
    if (const Node* globals = templ.globals()) {
      if (const Node* fn = globals->get("Function")) globalDp = fn->get("DeploymentPreference");
    }
    model.deploymentPreference = readPreference(*merged, localDp, globalDp, params);
  }
  return model;
}

std::string aliasLogicalId(std::string_view function, std::string_view alias) {
  std::string id = std::string(function) + "Alias";
  for (char c : alias) id += c == '-' ? 'D' : c == '_' ? 'U' : c;
  return id;
}

}  // namespace samshift::sam
