#include "plan/routes.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "model/intrinsics.h"
#include "plan/values.h"
#include "sam/api_stages.h"
#include "sam/deployment_model.h"
#include "sam/event_callers.h"
#include "sam/function_callers.h"
#include "sam/globals.h"

namespace samshift::plan {

namespace {

using model::Node;
using sam::Qualifier;

// A stage's name as plan shows it: an unresolved StageName as written (`!Ref Stage`).
std::string stageName(const sam::ApiStage& stage) {
  return stage.known ? stage.name : display(*stage.nameNode);
}

class RouteFinder {
 public:
  RouteFinder(const model::Template& templ, const sam::ParameterValues& params,
              const std::vector<Deployment>& deployments)
      : templ_(templ), params_(params), index_(templ, params), stages_(templ, params) {
    for (const Deployment& deployment : deployments)
      deployments_[deployment.resource] = &deployment;
  }

  std::vector<Route> find() {
    std::unordered_map<const model::ResourceView*, std::vector<sam::ApiIntegration>> integrations;
    for (sam::ApiIntegration& integration : sam::apiIntegrations(templ_))
      integrations[integration.api].push_back(std::move(integration));
    for (const model::ResourceView& resource : templ_.resources()) {
      if (auto found = integrations.find(&resource); found != integrations.end()) {
        for (const sam::ApiIntegration& integration : found->second) addIntegration(integration);
      }
      std::string_view type = resource.type;
      if (type == "AWS::Serverless::Function") addSamCallers(resource);
      if (type == "AWS::Serverless::StateMachine" || type == "AWS::StepFunctions::StateMachine")
        addStateMachine(resource);
      for (const sam::EventSourceTarget& target : sam::eventSourceTargets(resource))
        addEventSource(resource, target);
    }
    return std::move(routes_);
  }

 private:
  void addIntegration(const sam::ApiIntegration& integration) {
    std::string_view type = integration.api->type;
    Route base;
    base.kind = type.rfind("AWS::ApiGatewayV2::", 0) == 0 || type == "AWS::Serverless::HttpApi"
                    ? CallerKind::kHttpApi
                    : CallerKind::kRestApi;
    base.caller = std::string(integration.api->id);
    base.via = integration.route.empty() ? "no route in this template" : integration.route;
    base.api = integration.apiId;
    base.span = integration.uri->span();
    std::vector<sam::ApiStage> stages = stages_.of(integration.apiId, base.span);
    addReferences(base, *integration.uri, stages, nullptr);
  }

  void addSamCallers(const model::ResourceView& function) {
    std::optional<sam::DeploymentModel> model = sam::readDeploymentModel(templ_, function, params_);
    Node properties = sam::propertiesWithGlobals(templ_, function);
    for (const sam::SamEventCaller& caller : sam::samEventCallers(properties, model)) {
      Route base;
      base.caller = std::string(function.id);
      base.event = caller.name;
      base.span = caller.node->span();
      sam::FunctionReference ref;
      ref.function = base.caller;
      if (caller.throughAlias) {
        ref.qualifier = Qualifier::kAlias;
        ref.name = caller.alias;
        ref.aliasResource =
            caller.alias.empty() ? "" : sam::aliasLogicalId(function.id, caller.alias);
      }
      std::vector<sam::ApiStage> stages;
      if (caller.type == "Api" || caller.type == "HttpApi") {
        base.kind = caller.type == "Api" ? CallerKind::kRestApi : CallerKind::kHttpApi;
        base.via = (caller.method.empty() ? "?" : caller.method) + " " +
                   (caller.path.empty() ? "?" : caller.path);
        base.api = caller.api;
        stages = stages_.of(caller.api, base.span);
      } else if (caller.type == "FunctionUrl") {
        base.kind = CallerKind::kFunctionUrl;
        base.via = "FunctionUrlConfig";
        base.event.clear();
      } else {
        base.kind = CallerKind::kEventSource;
        base.via = caller.type;
        if (caller.source)
          base.via += " from " + display(params_.resolveForDeployment(*caller.source).value);
      }
      if (stages.empty()) {
        add(base, ref, nullptr);
      } else {
        for (const sam::ApiStage& stage : stages) add(base, ref, &stage);
      }
    }
  }

  // A state machine names functions in its definition, or binds them to the definition's
  // `${name}`s in DefinitionSubstitutions (SAM's too: docs/sam-semantics.md §10).
  void addStateMachine(const model::ResourceView& machine) {
    Route base;
    base.kind = CallerKind::kStateMachine;
    base.caller = std::string(machine.id);
    for (const char* key : {"Definition", "DefinitionString"}) {
      if (const Node* value = machine.property(key)) {
        base.via = key;
        base.span = value->span();
        addReferences(base, *value, {}, nullptr);
      }
    }
    const Node* substitutions = machine.property("DefinitionSubstitutions");
    for (const model::MapEntry& entry :
         substitutions ? substitutions->entries() : model::kNoEntries) {
      base.via = "DefinitionSubstitutions." + entry.key.text();
      base.span = entry.value.span();
      addReferences(base, entry.value, {}, nullptr);
    }
  }

  void addEventSource(const model::ResourceView& resource, const sam::EventSourceTarget& target) {
    Route base;
    base.kind =
        resource.type == "AWS::Lambda::Url" ? CallerKind::kFunctionUrl : CallerKind::kEventSource;
    base.caller = std::string(resource.id);
    base.via = target.key;
    base.span = target.node->span();
    // A Qualifier that is not a plain value is unreadable: "".
    std::optional<std::string> qualifier;
    if (target.qualifier) {
      Node resolved = params_.resolveForDeployment(*target.qualifier).value;
      qualifier = resolved.isScalar() && !resolved.isNull() ? resolved.text() : std::string();
    }
    addReferences(base, *target.node, {}, qualifier ? &*qualifier : nullptr);
  }

  // The references to functions in `value`, resolved as CloudFormation will see it; API callers
  // once per stage. `qualifier`: one written apart from the ARN (a URL's Qualifier).
  void addReferences(const Route& base, const Node& value, const std::vector<sam::ApiStage>& stages,
                     const std::string* qualifier) {
    sam::Resolved resolved = params_.resolveForDeployment(value);
    std::optional<std::string> undecided = undecidedCondition(resolved.value);
    for (sam::FunctionReference& ref : index_.references(resolved.value)) {
      ref.node = nullptr;  // it points into the resolved copy
      if (qualifier && ref.qualifier == Qualifier::kNone) {
        ref.qualifier = qualifier->empty() ? Qualifier::kUnknown : sam::qualifierOfText(*qualifier);
        if (ref.qualifier != Qualifier::kLatest) ref.name = *qualifier;
        if (ref.qualifier == Qualifier::kAlias)
          ref.aliasResource = index_.aliasResourceOf(ref.function, *qualifier).value_or("");
      }
      Route route = base;
      if (undecided) {
        route.notes.push_back("depends on condition `" + *undecided +
                              "`, which samshift cannot decide: each branch is listed");
      }
      if (stages.empty()) {
        add(route, ref, nullptr);
      } else {
        for (const sam::ApiStage& stage : stages) add(route, ref, &stage);
      }
    }
  }

  void add(Route route, const sam::FunctionReference& ref, const sam::ApiStage* stage) {
    route.function = ref.function;
    if (stage) {
      route.stage = stageName(*stage);
      route.stageSpan = stage->span;
    }
    qualify(route, ref, stage);
    reach(route);
    routes_.push_back(std::move(route));
  }

  void qualify(Route& route, const sam::FunctionReference& ref, const sam::ApiStage* stage) const {
    switch (ref.qualifier) {
      case Qualifier::kNone:
        route.target = RouteTarget::kFunction;
        return;
      case Qualifier::kLatest:
        route.target = RouteTarget::kLatest;
        route.qualifier = "$LATEST";
        return;
      case Qualifier::kVersion:
        // `!Ref Fn.Version`: the version AutoPublishAlias publishes.
        route.target = RouteTarget::kVersion;
        route.qualifier = ref.name.empty() ? route.function + ".Version" : ref.name;
        return;
      case Qualifier::kAlias:
        route.target = RouteTarget::kAlias;
        route.qualifier = ref.name;
        route.aliasResource = ref.aliasResource;
        return;
      case Qualifier::kStageVariable:
        route.stageVariable = ref.name;
        return fromStageVariable(route, stage);
      case Qualifier::kUnknown:
        route.target = RouteTarget::kUnknown;
        route.notes.push_back("the qualifier has no value samshift can read");
        return;
    }
  }

  void fromStageVariable(Route& route, const sam::ApiStage* stage) const {
    route.target = RouteTarget::kUnknown;
    const std::string& name = route.stageVariable;
    if (!stage) {
      route.notes.push_back("stage variable `" + name + "`: no stage of " +
                            (route.api.empty() ? std::string("the API") : "`" + route.api + "`") +
                            " is defined in this template");
      return;
    }
    const Node* value = stage->variables.isMapping() ? stage->variables.get(name) : nullptr;
    if (!value) {
      route.notes.push_back("stage variable `" + name + "` is not set on stage `" +
                            stageName(*stage) + "`: the call fails");
      return;
    }
    Node resolved = params_.resolveForDeployment(*value).value;
    if (!resolved.isScalar() || resolved.isNull() || resolved.text().empty()) {
      route.notes.push_back("stage variable `" + name + "` of stage `" + stageName(*stage) +
                            "` is " + shortForm(resolved) + ", which samshift cannot resolve");
      return;
    }
    std::string qualifier = resolved.text();
    route.qualifier = qualifier;
    switch (sam::qualifierOfText(qualifier)) {
      case Qualifier::kLatest:
        route.target = RouteTarget::kLatest;
        return;
      case Qualifier::kVersion:
        route.target = RouteTarget::kVersion;
        return;
      default:
        route.target = RouteTarget::kAlias;
        route.aliasResource = index_.aliasResourceOf(route.function, qualifier).value_or("");
        return;
    }
  }

  // The versions behind what the route invokes, and the deployment that shifts them.
  void reach(Route& route) const {
    switch (route.target) {
      case RouteTarget::kFunction:
      case RouteTarget::kLatest:
        route.versions.push_back({"$LATEST", 100});
        if (route.target == RouteTarget::kFunction && index_.hasAlias(route.function)) {
          route.bypassesAlias = true;
          std::vector<std::string> aliases = index_.aliasNames(route.function);
          if (!aliases.empty()) route.bypassedAlias = aliases.front();
        }
        return;
      case RouteTarget::kVersion:
        route.versions.push_back({route.qualifier, 100});
        return;
      case RouteTarget::kAlias:
        return reachAlias(route);
      case RouteTarget::kUnknown:
        return;
    }
  }

  void reachAlias(Route& route) const {
    if (route.qualifier.empty()) {
      route.notes.push_back("the name of the alias of `" + route.function + "` cannot be read");
      return;
    }
    if (route.aliasResource.empty()) {
      route.notes.push_back("alias `" + route.qualifier + "` of `" + route.function +
                            "` is not defined in this template");
      return;
    }
    const model::ResourceView* alias = templ_.resource(route.aliasResource);
    if (alias && alias->type == "AWS::Lambda::Alias") {
      aliasVersions(*alias, route);
      linkDeployment(route, route.aliasResource);
      return;
    }
    // The alias SAM generates for AutoPublishAlias points at the version it publishes.
    route.versions.push_back({route.function + ".Version", 100});
    linkDeployment(route, route.function);
  }

  void linkDeployment(Route& route, const std::string& resource) const {
    if (auto found = deployments_.find(resource); found != deployments_.end())
      route.deployment = *found->second;
  }

  // What an alias's FunctionVersion names: a Version resource's logical ID, `$LATEST`, a number.
  std::string versionName(const Node& value) const {
    Node resolved = params_.resolveForDeployment(value).value;
    if (auto att = model::getAttTarget(resolved); att && att->attribute == "Version")
      return att->resource;
    return display(resolved);
  }

  void aliasVersions(const model::ResourceView& alias, Route& route) const {
    const Node* primary = alias.property("FunctionVersion");
    const Node* routing = alias.property("RoutingConfig");
    const Node* weights = routing ? routing->get("AdditionalVersionWeights") : nullptr;
    double additional = 0;
    std::vector<VersionWeight> others;
    for (const Node& entry : weights ? weights->items() : model::kNoItems) {
      const Node* version = entry.get("FunctionVersion");
      const Node* weight = entry.get("FunctionWeight");
      std::optional<double> share =
          weight ? sam::valueNumber(params_.resolveForDeployment(*weight).value) : std::nullopt;
      if (!version || !share || *share < 0 || *share > 1) {
        route.notes.push_back("a routing weight of `" + route.aliasResource +
                              "` cannot be read; the weights shown leave it out");
        continue;
      }
      additional += *share * 100;
      others.push_back({versionName(*version), *share * 100});
    }
    route.versions.push_back(
        {primary ? versionName(*primary) : std::string("?"), std::max(0.0, 100 - additional)});
    for (VersionWeight& other : others) route.versions.push_back(std::move(other));
  }

  const model::Template& templ_;
  const sam::ParameterValues& params_;
  sam::FunctionIndex index_;
  std::map<std::string, const Deployment*, std::less<>> deployments_;
  sam::ApiStages stages_;
  std::vector<Route> routes_;
};

}  // namespace

std::string_view callerKindName(CallerKind kind) {
  switch (kind) {
    case CallerKind::kRestApi:
      return "rest api";
    case CallerKind::kHttpApi:
      return "http api";
    case CallerKind::kFunctionUrl:
      return "function url";
    case CallerKind::kEventSource:
      return "event source";
    case CallerKind::kStateMachine:
      return "state machine";
  }
  return "event source";
}

std::string_view routeTargetName(RouteTarget target) {
  switch (target) {
    case RouteTarget::kAlias:
      return "alias";
    case RouteTarget::kVersion:
      return "version";
    case RouteTarget::kLatest:
      return "$LATEST";
    case RouteTarget::kFunction:
      return "function";
    case RouteTarget::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::vector<Route> findRoutes(const model::Template& templ, const sam::ParameterValues& params,
                              const std::vector<Deployment>& deployments) {
  return RouteFinder(templ, params, deployments).find();
}

// "rest api OrdersApi stage dev: GET /orders (OrdersGet)", "event source Fn event `Jobs`: SQS
// from Queue".
std::string routeHeading(const Route& route) {
  std::string out(callerKindName(route.kind));
  std::string where = route.caller + (route.event.empty() ? "" : " event `" + route.event + "`");
  if (route.api.empty()) return out + " " + where + ": " + route.via;
  out += " " + route.api;
  if (!route.stage.empty()) out += " stage " + route.stage;
  out += ": " + route.via;
  if (route.caller != route.api) out += " (" + where + ")";
  return out;
}

std::string describeVersions(const std::vector<VersionWeight>& versions) {
  if (versions.size() == 1 && versions.front().percent == 100) return versions.front().version;
  std::string out;
  for (const VersionWeight& version : versions) {
    if (!out.empty()) out += " \xC2\xB7 ";  // ·
    out += version.version + " " + formatPercent(version.percent) + "%";
  }
  return out;
}

std::vector<StageRoute> stageRoutes(const model::Template& templ,
                                    const sam::ParameterValues& params) {
  return stageRoutes(templ, params, findDeployments(templ, params));
}

std::vector<StageRoute> stageRoutes(const model::Template& templ,
                                    const sam::ParameterValues& params,
                                    const std::vector<Deployment>& deployments) {
  std::vector<Route> routes = findRoutes(templ, params, deployments);
  std::vector<StageRoute> out;
  std::map<std::pair<std::string, std::string>, size_t> byStage;  // (api, stage) → index in out
  for (const Route& route : routes) {
    if (route.api.empty() || route.stage.empty()) continue;
    std::string reached =
        route.qualifier.empty() ? std::string(routeTargetName(route.target)) : route.qualifier;
    std::string summary =
        reached + " \xE2\x86\x92 " +  // →
        (route.versions.empty() ? std::string("?") : describeVersions(route.versions));
    // What shifts the traffic; a fixed routing split is already in the weights.
    if (route.deployment && route.deployment->planned && !route.deployment->config.empty() &&
        route.deployment->source != DeploymentSource::kLambdaAliasRouting)
      summary += " (" + route.deployment->config + ")";
    std::string part = route.stage + " \xE2\x86\x92 " + summary;
    auto [found, added] = byStage.try_emplace({route.api, route.stage}, out.size());
    if (added) {
      out.push_back(StageRoute{route.api, route.stage, route.stageSpan, part});
      continue;
    }
    std::string& known = out[found->second].summary;
    if (known.find(part) == std::string::npos) known += " | " + part;
  }
  return out;
}

}  // namespace samshift::plan
