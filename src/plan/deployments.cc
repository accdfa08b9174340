#include "plan/deployments.h"

#include <optional>
#include <utility>

#include "model/intrinsics.h"
#include "plan/values.h"
#include "sam/codedeploy_resources.h"
#include "sam/deployment_configs.h"
#include "sam/deployment_model.h"
#include "sam/problem_codes.h"
#include "sam/template_index.h"
#include "sam/validation.h"

namespace samshift::plan {

using model::Node;
using model::ResourceView;

namespace {

constexpr std::string_view kDeploymentGroupType = "AWS::CodeDeploy::DeploymentGroup";

std::string backticked(std::string_view text) {
  std::string out(1, '`');
  out.append(text);
  out.push_back('`');
  return out;
}

// A configuration as far as the template tells: its name and schedule, or why it is unknown.
struct ConfigResolution {
  std::string name;
  std::optional<Schedule> schedule;
  std::string reason;
  std::vector<std::string> notes;
};

class Planner {
 public:
  Planner(const model::Template& templ, const ParameterValues& params)
      : templ_(templ), params_(params) {}

  std::optional<Deployment> plan(const ResourceView& resource) const {
    if (resource.type == "AWS::Serverless::Function" ||
        resource.type == "AWS::Serverless::StateMachine") {
      return planSam(resource);
    }
    if (resource.type == "AWS::Lambda::Alias") return planLambdaAlias(resource);
    if (resource.type == "AWS::StepFunctions::StateMachineAlias")
      return planStateMachineAlias(resource);
    return std::nullopt;
  }

 private:
  Deployment start(const ResourceView& resource, DeploymentSource source,
                   const Node* preference) const {
    Deployment d;
    d.resource = std::string(resource.id);
    d.source = source;
    if (resource.idNode) d.span = resource.idNode->span();
    if (preference) d.preferenceSpan = preference->span();
    applyResourceCondition(resource, d);
    return d;
  }

  // A resource with a Condition exists only when the condition holds; say which way it goes.
  void applyResourceCondition(const ResourceView& resource, Deployment& d) const {
    if (!resource.condition || !resource.condition->isString()) return;
    const std::string& name = resource.condition->text();
    auto value = params_.condition(name);
    if (!value) {
      d.notes.push_back("exists only when condition " + backticked(name) +
                        " is true, which cannot be decided before deployment");
    } else if (!*value) {
      d.planned = false;
      d.reason = "condition " + backticked(name) +
                 " is false with these parameters, so the resource is not created";
    } else {
      d.notes.push_back("condition " + backticked(name) + " is true with these parameters");
    }
  }

  void fail(Deployment& d, std::string reason) const {
    if (!d.planned) return;  // keep the first reason
    d.planned = false;
    d.reason = std::move(reason);
  }

  std::string show(const Node& node) const {
    return display(params_.resolveForDeployment(node).value);
  }

  std::vector<std::string> alarmList(const Node& alarms, Deployment& d) const {
    sam::Resolved resolution = params_.resolveForDeployment(alarms);
    if (resolution.failure) {
      d.notes.push_back("the alarms " + unresolvedReason(resolution));
      return {display(alarms)};
    }
    const Node& resolved = resolution.value;
    if (auto condition = undecidedCondition(resolved)) {
      d.notes.push_back("the alarms depend on condition " + backticked(*condition) +
                        ", which cannot be decided before deployment");
    }
    std::vector<std::string> out;
    if (resolved.isSequence()) {
      for (const Node& item : resolved.items()) out.push_back(display(item));
    } else {
      out.push_back(display(resolved));
    }
    return out;
  }

  // Why a resolved value is not a plain name: an undecidable condition, an unresolved parameter,
  // or another function CloudFormation evaluates at deploy time.
  std::string unresolvedReason(const Node& resolved) const {
    if (auto condition = undecidedCondition(resolved)) {
      return "depends on condition " + backticked(*condition) +
             ", which cannot be decided before deployment";
    }
    if (auto ref = model::refName(resolved)) {
      if (templ_.parameter(*ref)) {
        return "parameter " + backticked(*ref) + " has no default and no override";
      }
      if (model::isPseudoParameter(*ref)) return backticked(*ref) + " is known only at deployment";
    }
    return backticked(shortForm(resolved)) + " cannot be resolved before deployment";
  }
  std::string unresolvedReason(const sam::Resolved& resolved) const {
    if (resolved.failure) return cannotResolve(*resolved.failure);
    return unresolvedReason(resolved.value);
  }
  static std::string cannotResolve(const sam::ResolveFailure& failure) {
    return "cannot be resolved: " + failure.describe();
  }
  // For a setting SAM itself resolves: what the transform then does.
  static std::string samCannotResolve(const sam::ResolveFailure& failure) {
    return "cannot be resolved: " + failure.describeForSam();
  }

  // CodeDeploy configuration named or referenced by `value` (a DeploymentPreference Type or a
  // deployment group's DeploymentConfigName).
  ConfigResolution resolveCodeDeployConfig(const Node& value) const {
    ConfigResolution out;
    sam::Resolved resolution = params_.resolveForDeployment(value);
    if (resolution.failure) {
      out.name = shortForm(value);
      out.reason = unresolvedReason(resolution);
      return out;
    }
    const Node& resolved = resolution.value;
    if (auto ref = model::refName(resolved)) {
      if (const ResourceView* target = templ_.resource(*ref)) {
        if (target->type == sam::kDeploymentConfigType) return customConfig(*target);
        out.name = std::string(*ref);
        out.reason = backticked(*ref) + " is a " + std::string(target->type) + ", not an " +
                     std::string(sam::kDeploymentConfigType);
        return out;
      }
    }
    auto name = resolved.isString() ? std::optional<std::string>(resolved.text()) : std::nullopt;
    if (!name) {
      out.name = shortForm(resolved);
      out.reason = unresolvedReason(resolved);
      return out;
    }
    out.name = *name;
    if (const sam::LambdaDeploymentConfig* predefined = sam::findLambdaDeploymentConfig(*name)) {
      out.schedule = predefined->schedule;
      return out;
    }
    if (const ResourceView* config = sam::namedCustomConfig(templ_, params_, resolved)) {
      return customConfig(*config);
    }
    if (const ResourceView* config = templ_.resource(*name);
        config && config->type == sam::kDeploymentConfigType) {
      ConfigResolution custom = customConfig(*config);
      custom.notes.push_back(
          backticked(*name) +
          " is the logical id of a deployment configuration; CodeDeploy looks configurations "
          "up by name, so reference it with !Ref");
      return custom;
    }
    if (name->rfind("CodeDeployDefault.", 0) == 0) {
      out.reason =
          backticked(*name) + " is not one of CodeDeploy's predefined Lambda configurations";
    } else {
      out.reason = backticked(*name) + " is not a predefined Lambda configuration and no " +
                   std::string(sam::kDeploymentConfigType) + " in this template has that name";
    }
    return out;
  }

  ConfigResolution customConfig(const ResourceView& config) const {
    ConfigResolution out;
    out.name = std::string(config.id);
    if (const Node* name = config.property("DeploymentConfigName")) {
      if (auto text = sam::valueText(params_.resolveForDeployment(*name).value)) out.name = *text;
    }
    sam::CustomConfigSchedule read = sam::customConfigSchedule(config, params_);
    out.schedule = read.schedule;
    out.reason = std::move(read.problem);
    return out;
  }

  void applyConfig(Deployment& d, ConfigResolution config) const {
    d.config = std::move(config.name);
    d.schedule = config.schedule;
    for (std::string& note : config.notes) d.notes.push_back(std::move(note));
    if (!config.schedule && d.planned && d.reason.empty()) d.reason = std::move(config.reason);
  }

  // Step Functions alias preferences: Type ALL_AT_ONCE, CANARY or LINEAR with Percentage (1-99)
  // and Interval (minutes, 1-2100) (CloudFormation reference,
  // AWS::StepFunctions::StateMachineAlias DeploymentPreference).
  ConfigResolution stateMachineConfig(const Node& preference) const {
    ConfigResolution out;
    sam::Resolved resolution = params_.resolveForDeployment(preference);
    if (resolution.failure) {
      out.reason = "DeploymentPreference " + unresolvedReason(resolution);
      return out;
    }
    const Node& resolved = resolution.value;
    const Node* type = resolved.get("Type");
    if (!type) {
      out.reason = "DeploymentPreference has no Type";
      return out;
    }
    auto typeName = sam::valueText(*type);
    if (!typeName) {
      out.name = shortForm(*type);
      out.reason = unresolvedReason(*type);
      return out;
    }
    out.name = *typeName;
    if (*typeName == "ALL_AT_ONCE") {
      out.schedule = allAtOnce();
      return out;
    }
    if (*typeName != "CANARY" && *typeName != "LINEAR") {
      out.reason = backticked(*typeName) +
                   " is not a Step Functions deployment type (ALL_AT_ONCE, CANARY, LINEAR)";
      return out;
    }
    const Node* percent = resolved.get("Percentage");
    const Node* interval = resolved.get("Interval");
    auto p = percent ? sam::valueNumber(*percent) : std::nullopt;
    auto i = interval ? sam::valueNumber(*interval) : std::nullopt;
    if (!p || !i) {
      out.reason = *typeName + " needs Percentage and Interval as numbers";
      if (percent && !p) out.reason = "Percentage: " + unresolvedReason(*percent);
      if (interval && !i) out.reason = "Interval: " + unresolvedReason(*interval);
      return out;
    }
    double percentage = p.value_or(0);
    int minutes = sam::wholeMinutes(i.value_or(0));
    Schedule schedule =
        *typeName == "CANARY" ? canary(percentage, minutes) : linear(percentage, minutes);
    if (auto problem = scheduleProblem(schedule)) {
      out.reason = *problem;
      return out;
    }
    out.schedule = schedule;
    return out;
  }

  std::optional<Deployment> planSam(const ResourceView& resource) const {
    auto model = sam::readDeploymentModel(templ_, resource, params_);
    if (!model || !model->deploymentPreference) return std::nullopt;
    const sam::DeploymentPreferenceModel& dp = *model->deploymentPreference;
    bool stateMachine = model->stateMachine;
    Deployment d =
        start(resource,
              stateMachine ? DeploymentSource::kSamStateMachine : DeploymentSource::kSamFunction,
              dp.node);
    if (auto rejection = samRejection(resource, model)) fail(d, *rejection);
    if (!dp.merged.isMapping() || dp.merged.isIntrinsic()) {
      fail(d, "DeploymentPreference is not a mapping");
      return d;
    }
    if (dp.enabled.unresolvable) {
      fail(d, "DeploymentPreference Enabled " + samCannotResolve(*dp.enabled.unresolvable));
    } else if (!stateMachine && !dp.isEnabled()) {
      std::string written = dp.enabled.node ? shortForm(*dp.enabled.node) : "false";
      std::string resolved = shortForm(dp.enabled.value);
      fail(d, "DeploymentPreference is disabled (Enabled: " + written +
                  (written == resolved ? std::string() : ", which is " + resolved) + ")");
    }
    if (const auto& failure = model->autoPublishAlias.unresolvable) {
      d.alias = shortForm(*model->autoPublishAlias.node);
      fail(d, "AutoPublishAlias " + samCannotResolve(*failure));
    } else if (model->autoPublishAlias.present()) {
      sam::Resolved resolution = params_.resolveForDeployment(model->autoPublishAlias.value);
      const Node& alias = resolution.value;
      d.alias = alias.isString() ? alias.text() : shortForm(alias);
      if (!alias.isString() || resolution.failure) {
        fail(d, "AutoPublishAlias " + unresolvedReason(resolution));
      }
    }
    if (!model->aliasName()) fail(d, "no AutoPublishAlias: SAM creates no alias to shift");
    if (stateMachine) {
      applyConfig(d, stateMachineConfig(dp.merged));
      if (const Node* alarms = dp.merged.get("Alarms")) d.alarms = alarmList(*alarms, d);
      d.rollback = d.alarms.empty()
                       ? "none: no alarms are watched"
                       : "CloudFormation rolls the alias back when an alarm goes into ALARM";
      if (dp.merged.has("Hooks"))
        d.notes.push_back("Step Functions runs no traffic hooks; Hooks is not used");
    } else {
      if (const auto& failure = dp.type.unresolvable) {
        d.config = shortForm(*dp.type.node);
        fail(d, "DeploymentPreference Type " + samCannotResolve(*failure));
      } else if (dp.type.present()) {
        applyConfig(d, resolveCodeDeployConfig(dp.type.value));
      } else {
        fail(d, "DeploymentPreference has no Type");
      }
      if (dp.preTraffic.present()) d.hooks.preTraffic = show(dp.preTraffic.value);
      if (dp.postTraffic.present()) d.hooks.postTraffic = show(dp.postTraffic.value);
      if (dp.alarms.present()) d.alarms = alarmList(dp.alarms.value, d);
      // SAM's deployment group: AutoRollbackConfiguration enabled for DEPLOYMENT_FAILURE,
      // DEPLOYMENT_STOP_ON_ALARM and DEPLOYMENT_STOP_ON_REQUEST.
      d.rollback =
          d.alarms.empty()
              ? "CodeDeploy rolls back when a hook fails or the deployment is stopped"
              : "CodeDeploy rolls back when an alarm fires, a hook fails or the deployment "
                "is stopped";
    }
    return d;
  }

  const ResourceView* deploymentGroup(const Node& groupName, std::string& reason) const {
    sam::Resolved resolution = params_.resolveForDeployment(groupName);
    if (resolution.failure) {
      reason = "DeploymentGroupName " + unresolvedReason(resolution);
      return nullptr;
    }
    const Node& resolved = resolution.value;
    if (auto ref = model::refName(resolved)) {
      const ResourceView* target = templ_.resource(*ref);
      if (target && target->type == kDeploymentGroupType) return target;
      if (target) {
        reason = backticked(*ref) + " is a " + std::string(target->type) + ", not an " +
                 std::string(kDeploymentGroupType);
        return nullptr;
      }
    }
    if (auto name = sam::valueText(resolved)) {
      for (const ResourceView* group : templ_.resourcesOfType(kDeploymentGroupType)) {
        const Node* own = group->property("DeploymentGroupName");
        auto text = own ? sam::valueText(params_.resolveForDeployment(*own).value) : std::nullopt;
        if (text && *text == *name) return group;
      }
      reason = "deployment group " + backticked(*name) + " is not defined in this template";
      return nullptr;
    }
    reason = "DeploymentGroupName " + unresolvedReason(resolved);
    return nullptr;
  }

  std::optional<Deployment> planLambdaAlias(const ResourceView& resource) const {
    const Node* policy = sam::aliasCodeDeployUpdate(resource);
    const Node* routing = resource.property("RoutingConfig");
    const Node* weights = routing ? routing->get("AdditionalVersionWeights") : nullptr;
    if (!policy && !(weights && weights->isSequence() && !weights->items().empty()))
      return std::nullopt;
    Deployment d = start(
        resource,
        policy ? DeploymentSource::kLambdaAliasCodeDeploy : DeploymentSource::kLambdaAliasRouting,
        policy ? policy : routing);
    const Node* name = resource.property("Name");
    if (name) d.alias = show(*name);
    if (!policy) {
      // A fixed split: the weight on the additional version stays until someone changes it.
      double total = 0;
      for (const Node& weight : weights->items()) {
        const Node* value = weight.get("FunctionWeight");
        sam::Resolved resolution = value ? params_.resolveForDeployment(*value) : sam::Resolved{};
        auto number =
            value && !resolution.failure ? sam::valueNumber(resolution.value) : std::nullopt;
        if (!number) {
          d.config = "RoutingConfig";
          fail(d, "FunctionWeight " +
                      (value ? unresolvedReason(resolution) : std::string("is missing")));
          return d;
        }
        total += *number;
      }
      d.config = "RoutingConfig";
      Schedule schedule = fixedWeight(total * 100);
      if (auto problem = scheduleProblem(schedule)) {
        fail(d, *problem);
        return d;
      }
      d.schedule = schedule;
      d.rollback = "none: a fixed routing split is not a deployment";
      return d;
    }
    if (routing)
      d.notes.push_back(
          "RoutingConfig is also set; CodeDeploy manages the weights during a deployment");
    if (const Node* hook = policy->get("BeforeAllowTrafficHook")) d.hooks.preTraffic = show(*hook);
    if (const Node* hook = policy->get("AfterAllowTrafficHook")) d.hooks.postTraffic = show(*hook);
    const Node* groupName = policy->get("DeploymentGroupName");
    if (!groupName) {
      fail(d, "CodeDeployLambdaAliasUpdate has no DeploymentGroupName");
      return d;
    }
    std::string reason;
    const ResourceView* group = deploymentGroup(*groupName, reason);
    if (!group) {
      // The deployment still happens; only its configuration and monitoring are out of sight.
      d.reason = reason;
      d.rollback = "unknown: set by the deployment group";
      return d;
    }
    d.deploymentGroup = std::string(group->id);
    if (const Node* configName = group->property("DeploymentConfigName")) {
      applyConfig(d, resolveCodeDeployConfig(*configName));
    } else {
      // CreateDeploymentGroup documents CodeDeployDefault.OneAtATime as the default, which is a
      // server configuration; what a Lambda group falls back to is not documented.
      d.reason = "deployment group " + backticked(group->id) + " sets no DeploymentConfigName";
    }
    readGroupMonitoring(*group, d);
    return d;
  }

  // AlarmConfiguration {Enabled, Alarms: [{Name}]} and AutoRollbackConfiguration {Enabled,
  // Events} of an AWS::CodeDeploy::DeploymentGroup.
  void readGroupMonitoring(const ResourceView& group, Deployment& d) const {
    if (const Node* alarmConfig = group.property("AlarmConfiguration")) {
      sam::Resolved resolution = params_.resolveForDeployment(*alarmConfig);
      if (resolution.failure)
        d.notes.push_back("AlarmConfiguration " + unresolvedReason(resolution));
      const Node& resolved = resolution.value;
      const Node* enabled = resolved.get("Enabled");
      // CodeDeploy watches the alarms only when the configuration is enabled (false by default).
      bool on = enabled && ((enabled->isBool() && enabled->boolValue()) ||
                            enabled->isString("true") || enabled->isString("True"));
      const Node* alarms = resolved.get("Alarms");
      std::vector<std::string> names;
      if (alarms && alarms->isSequence()) {
        for (const Node& alarm : alarms->items()) {
          const Node* alarmName = alarm.get("Name");
          names.push_back(alarmName ? display(*alarmName) : display(alarm));
        }
      }
      if (on) {
        d.alarms = std::move(names);
      } else if (!names.empty()) {
        d.notes.push_back("AlarmConfiguration.Enabled is not true, so its alarms are not watched");
      }
    }
    std::vector<std::string> events;
    bool rollbackOn = false;
    if (const Node* rollback = group.property("AutoRollbackConfiguration")) {
      sam::Resolved resolution = params_.resolveForDeployment(*rollback);
      if (resolution.failure) {
        d.notes.push_back("AutoRollbackConfiguration " + unresolvedReason(resolution));
      }
      const Node& resolved = resolution.value;
      const Node* enabled = resolved.get("Enabled");
      rollbackOn = enabled && ((enabled->isBool() && enabled->boolValue()) ||
                               enabled->isString("true") || enabled->isString("True"));
      if (const Node* list = resolved.get("Events"); list && list->isSequence()) {
        for (const Node& event : list->items()) events.push_back(display(event));
      }
    }
    if (!rollbackOn) {
      d.rollback =
          "none: automatic rollback is not enabled on deployment group " + std::string(group.id);
      return;
    }
    std::string text = "CodeDeploy rolls back on";
    for (size_t i = 0; i < events.size(); ++i) text += (i ? ", " : " ") + events[i];
    if (events.empty()) text += " no events (AutoRollbackConfiguration.Events is empty)";
    d.rollback = text;
  }

  std::optional<Deployment> planStateMachineAlias(const ResourceView& resource) const {
    const Node* preference = resource.property("DeploymentPreference");
    if (!preference || !preference->isMapping()) return std::nullopt;
    Deployment d = start(resource, DeploymentSource::kStateMachineAlias, preference);
    const Node* name = resource.property("Name");
    d.alias = name ? show(*name) : std::string(resource.id);
    applyConfig(d, stateMachineConfig(*preference));
    if (const Node* alarms = preference->get("Alarms")) d.alarms = alarmList(*alarms, d);
    d.rollback = d.alarms.empty()
                     ? "none: no alarms are watched"
                     : "CloudFormation rolls the alias back when an alarm goes into ALARM";
    return d;
  }

  // Why SAM rejects this resource's deployment settings, in SAM's words: the checks `expand`
  // rejects with and lint reports (sam/validation.h), not a second list of them.
  std::optional<std::string> samRejection(const ResourceView& resource,
                                          const std::optional<sam::DeploymentModel>& model) const {
    for (const sam::SamProblem& problem :
         sam::validateSamResource(templ_, resource, params_, nullptr, &model, &index_)) {
      const sam::ProblemCode* code = sam::findProblemCode(problem.code);
      if (!code || code->concern != sam::ProblemConcern::kDeployment) continue;
      if (!sam::settledBeforeDeploy(templ_, problem)) return "SAM rejects it: " + problem.message;
    }
    return std::nullopt;
  }

  const model::Template& templ_;
  const ParameterValues& params_;
  sam::TemplateIndex index_{templ_};  // what SAM's checks read of the whole template
};

}  // namespace

std::string_view deploymentSourceName(DeploymentSource source) {
  switch (source) {
    case DeploymentSource::kSamFunction:
      return "function";
    case DeploymentSource::kSamStateMachine:
      return "state machine";
    case DeploymentSource::kLambdaAliasCodeDeploy:
      return "lambda alias";
    case DeploymentSource::kLambdaAliasRouting:
      return "lambda alias routing";
    case DeploymentSource::kStateMachineAlias:
      return "state machine alias";
  }
  return "function";
}

std::vector<Deployment> findDeployments(const model::Template& templ,
                                        const ParameterValues& params) {
  Planner planner(templ, params);
  std::vector<Deployment> out;
  for (const ResourceView& resource : templ.resources()) {
    if (auto deployment = planner.plan(resource)) out.push_back(std::move(*deployment));
  }
  return out;
}

std::optional<Deployment> findDeployment(const model::Template& templ,
                                         const ParameterValues& params,
                                         std::string_view logicalId) {
  const ResourceView* resource = templ.resource(logicalId);
  if (!resource) return std::nullopt;
  return Planner(templ, params).plan(*resource);
}

std::string summarizeDeployment(const Deployment& d) {
  std::string text = (d.alias.empty() ? std::string("no alias") : "alias `" + d.alias + "`") +
                     ", " + (d.config.empty() ? std::string("no configuration") : d.config) + ": ";
  if (!d.planned) return text + "no plan: " + d.reason;
  if (!d.schedule) return text + "schedule unknown: " + d.reason;
  return text + describeSchedule(*d.schedule);
}

}  // namespace samshift::plan
