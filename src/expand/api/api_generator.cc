#include "expand/api/api_generator.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "expand/api/auth.h"
#include "expand/api/conditional_paths.h"
#include "expand/api/domain.h"
#include "expand/api/http_api.h"
#include "expand/api/merge_definitions.h"
#include "expand/api/rest_api_properties.h"
#include "expand/api/route53.h"
#include "expand/api/swagger.h"
#include "expand/api/usage_plan.h"
#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/version_hash.h"
#include "model/intrinsics.h"
#include "sam/globals.h"
#include "sam/http_api_events.h"
#include "sam/py27_key_order.h"
#include "sam/resource_order.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

// The `Globals: Api` section, when the template has one.
const Node* apiGlobals(const model::Template& templ) {
  const Node* globals = templ.root().get("Globals");
  return globals && globals->isMapping() ? globals->get("Api") : nullptr;
}

void collectExplicit(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  if (resource.type == "AWS::Serverless::HttpApi") {
    collectExplicitHttpApi(ctx, resource);
    return;
  }
  RestApi api;
  api.resource = &resource;
  api.properties = sam::propertiesWithGlobals(ctx.templ, resource);
  const Node& own = resource.propertiesMapping();
  const Node* uri = api.properties.get("DefinitionUri");
  const Node* body = api.properties.get("DefinitionBody");
  // DefaultDefinitionBodyPlugin runs before Globals: without a DefinitionBody or DefinitionUri of
  // its own (either falsy counts as none), the API gets SAM's skeleton and SAM manages it.
  bool ownBody = own.has("DefinitionBody") && sam::pythonTruthy(*own.get("DefinitionBody"));
  bool ownUri = own.has("DefinitionUri") && sam::pythonTruthy(*own.get("DefinitionUri"));
  if (!ownBody && !ownUri) {
    api.managed = true;
    api.body = swaggerSkeleton();
    api.properties.erase("DefinitionBody");
    body = nullptr;
  }
  if (uri && !body && !api.managed) {
    // _construct_body_s3_dict: a Py27Dict of template strings, whichever form the URI has.
    std::optional<PyObject> location = s3Location(*uri);
    if (!location) {
      ctx.notSupported("API Gateway: DefinitionUri of AWS::Serverless::Api " + id +
                       " (only s3://bucket/key or {Bucket, Key, Version})");
      return;
    }
    api.bodyS3 = std::move(location);
  } else if (body && !uri && body->isMapping()) {
    // An intrinsic body (Fn::Transform of AWS::Include, mostly) passes through and is hashed as
    // written: SAM's editors leave a body that is not a Swagger document alone.
    api.body = PyObject::fromTemplate(*body);
  } else if (!api.managed) {
    ctx.notSupported("API Gateway: AWS::Serverless::Api " + id +
                     " without exactly one of DefinitionBody (a map) or DefinitionUri");
    return;
  }
  const Node* stage = api.properties.get("StageName");
  if (!stage || stage->isNull() || (stage->isString() && stage->text().empty())) {
    ctx.notSupported("API Gateway: AWS::Serverless::Api " + id + " without StageName");
    return;
  }
  api.stageName = *stage;
  const Node* merge = api.properties.get("MergeDefinitions");
  api.mergeDefinitions = merge && merge->isBool() && merge->boolValue();
  normalizeManagedOpenApiVersion(api);
  if (!checkRestApiProperties(ctx, id, api, apiGlobals(ctx.templ), &own)) return;
  ctx.apis.rest.emplace(id, std::move(api));
}

// The user tags a function with PropagateTags hands to the implicit API its events create.
void propagateTags(ExpandContext& ctx, const Node& properties, PropagatedTags& into,
                   const std::string& apiId) {
  const Node* propagate = properties.get("PropagateTags");
  const Node* tags = properties.get("Tags");
  if (!propagate || !propagate->isBool() || !propagate->boolValue() || !tags || !tags->isMapping())
    return;
  for (const MapEntry& entry : tags->entries()) {
    auto [it, added] = into.index.try_emplace(entry.key.text(), into.mapping.entries().size());
    if (added) {
      into.mapping.entries().push_back(entry);
      continue;
    }
    Node& existing = into.mapping.entries()[it->second].value;
    if (!existing.sameValue(entry.value)) {
      ctx.notSupported("API Gateway: different propagated values of tag " + entry.key.text() +
                       " on " + apiId);
    }
    existing = entry.value;
  }
}

// ImplicitHttpApiPlugin._add_route_settings_to_api: the event's RouteSettings merged into the
// API's own (before Globals, which merge the same way), under "METHOD /path", or the path alone
// for the default route.
void addEventRouteSettings(ExpandContext& ctx, HttpApi& api, const model::ResourceView& resource,
                           const std::string& what, const std::string& path,
                           const std::string& method, const Node& settings) {
  if ((resource.condition && !resource.condition->isString()) || !settings.isMapping()) {
    ctx.notSupported("API Gateway: RouteSettings of " + what);
    return;
  }
  std::string route = path;
  if (method != sam::kHttpApiAnyMethod) {
    std::string upper;
    for (char c : method) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    route = upper + " " + path;
  }
  if (!api.properties.has("RouteSettings")) api.properties.set("RouteSettings", Node::mapping());
  Node* all = api.properties.get("RouteSettings");
  if (!all->isMapping() || all->isIntrinsic()) {
    ctx.notSupported("API Gateway: RouteSettings of " + what +
                     " on an API whose own are not a map");
    return;
  }
  // With the resource's Condition, the plugin merges {"Fn::If": [condition, settings,
  // AWS::NoValue]} (make_conditional) into the API's own entry for the route, where it stands
  // alone: an intrinsic, which then replaces what Globals give the route. An entry the API's
  // resource writes itself is not modelled.
  if (resource.condition) {
    const Node* own = api.resource ? api.resource->property("RouteSettings") : nullptr;
    if (own && (!own->isMapping() || own->has(route))) {
      ctx.notSupported("API Gateway: RouteSettings of " + what + " on a route its API sets");
      return;
    }
    all->set(route, map({{"Fn::If", seq({*resource.condition, settings, ref("AWS::NoValue")})}}));
    return;
  }
  if (!all->has(route)) all->set(route, Node::mapping());
  Node* entry = all->get(route);
  if (!entry->isMapping()) {
    ctx.notSupported("API Gateway: RouteSettings of " + what + " on a route that is not a map");
    return;
  }
  for (const MapEntry& setting : settings.entries()) entry->set(setting.key.text(), setting.value);
}

// ImplicitRestApiPlugin (`Api` events) or ImplicitHttpApiPlugin (`HttpApi` events) for one
// function or state machine.
void collectImplicit(ExpandContext& ctx, const model::ResourceView& resource, bool rest) {
  std::string id(resource.id);
  Node scratch;
  const Node& props = ctx.mergedProperties(resource, scratch);
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return;
  const char* type = rest ? "Api" : "HttpApi";
  // The plugin copies the API events into a Py27Dict of their own.
  Node apiEvents = Node::mapping();
  for (const MapEntry* entry : sam::py27Order(*events)) {
    const Node* typeNode = entry->value.get("Type");
    if (typeNode && typeNode->isString(type)) apiEvents.entries().push_back(*entry);
  }
  for (const MapEntry* entry : sam::py27Order(apiEvents)) {
    const std::string& eventId = entry->key.text();
    std::string what = std::string(type) + " event " + eventId + " of " + id;
    const Node* properties = entry->value.get("Properties");
    static const Node kNoProperties = Node::mapping();
    bool defaultRoute = !rest && sam::isHttpApiDefaultRoute(properties);
    if (!properties && defaultRoute) properties = &kNoProperties;
    if (!properties || !properties->isMapping()) {
      ctx.notSupported("API Gateway: " + what + " without Properties");
      continue;
    }
    // A function's or state machine's Condition on the paths of an API SAM manages is modelled
    // (api/conditional_paths.h); a user's body keeps its paths as written.
    if (resource.condition && !resource.condition->isString()) {
      ctx.notSupported("API Gateway: " + what + " with a Condition that is not a string on " + id);
    }
    const Node* apiRef = properties->get(rest ? "RestApiId" : "ApiId");
    static const Node kDefaultPath = str(sam::kHttpApiDefaultPath);
    static const Node kAnyMethod = str(sam::kHttpApiAnyMethod);
    const Node* path = defaultRoute ? &kDefaultPath : properties->get("Path");
    const Node* method = defaultRoute ? &kAnyMethod : properties->get("Method");
    const Node* routeSettings = rest ? nullptr : properties->get("RouteSettings");
    if (apiRef) {
      auto httpName = rest ? std::nullopt : apiName(*apiRef);
      auto httpApi = httpName ? ctx.apis.http.find(*httpName) : ctx.apis.http.end();
      // _add_api_to_swagger: the path goes into the body of an explicit HttpApi SAM manages
      // (DefaultDefinitionBodyPlugin gave it one), and its Condition is recorded for the paths.
      // The body is not hashed and samshift writes its keys in insertion order, not SAM's: only a
      // conditional method's path, which the plugin may wrap, is added here.
      if (httpApi != ctx.apis.http.end() && httpApi->second.managed && path && path->isString() &&
          method && method->isString()) {
        httpApi->second.methodConditions[path->text()][method->text()] = resource.condition;
        if (resource.condition)
          addPath(httpApi->second.body, path->text(), methodKey(method->text()));
      }
      if (routeSettings && httpApi != ctx.apis.http.end() && path && path->isString() && method &&
          method->isString())
        addEventRouteSettings(ctx, httpApi->second, resource, what, path->text(), method->text(),
                              *routeSettings);
      // _add_api_to_swagger: the path goes into the body of an explicit API SAM manages too.
      std::optional<std::string> name = rest ? apiName(*apiRef) : std::nullopt;
      auto explicitApi = name ? ctx.apis.rest.find(*name) : ctx.apis.rest.end();
      if (explicitApi != ctx.apis.rest.end() && explicitApi->second.managed && path &&
          path->isString() && method && method->isString()) {
        explicitApi->second.methodConditions[path->text()][method->text()] = resource.condition;
        explicitApi->second.body->deepcopy();
        addPath(*explicitApi->second.body, path->text(), methodKey(method->text()));
        explicitApi->second.body->deepcopy();
      }
      continue;
    }
    if (!path || !path->isString() || !method || !method->isString()) {
      ctx.notSupported("API Gateway: " + what + " without a string Path and Method");
      continue;
    }
    const char* apiId = rest ? kImplicitRestApi : kImplicitHttpApi;
    if (ctx.templ.resource(apiId)) {
      ctx.notSupported(std::string("API Gateway: a template resource named ") + apiId);
      continue;
    }
    if (rest) {
      auto [it, created] = ctx.apis.rest.try_emplace(apiId);
      RestApi& api = it->second;
      if (created) {
        api.implicit = api.managed = true;
        api.body = swaggerSkeleton();
        api.stageName = str("Prod");
        // The Globals plugin merges `Globals: Api` into the API the plugin made.
        if (const Node* globals = apiGlobals(ctx.templ); globals && globals->isMapping())
          api.properties = *globals;
        normalizeManagedOpenApiVersion(api);
        if (!checkRestApiProperties(ctx, apiId, api, nullptr, nullptr)) continue;
      }
      // _update_resource_attributes_from_api_event.
      api.methodConditions[path->text()][method->text()] = resource.condition;
      api.deletionPolicies.push_back(resource.deletionPolicy);
      api.updateReplacePolicies.push_back(resource.updateReplacePolicy);
      // The editor works on a deep copy of the body and hands back a deep copy of its own.
      api.body->deepcopy();
      addPath(*api.body, path->text(), methodKey(method->text()));
      api.body->deepcopy();
      propagateTags(ctx, props, api.tags, apiId);
    } else {
      // An HTTP API's body is never hashed, so its key order (and the copies) do not matter.
      auto [it, created] = ctx.apis.http.try_emplace(apiId);
      if (created && !createImplicitHttpApi(ctx, it->second)) continue;
      HttpApi& api = it->second;
      api.methodConditions[path->text()][method->text()] = resource.condition;
      api.deletionPolicies.push_back(resource.deletionPolicy);
      api.updateReplacePolicies.push_back(resource.updateReplacePolicy);
      addPath(it->second.body, path->text(), methodKey(method->text()));
      propagateTags(ctx, props, it->second.tags, apiId);
      if (routeSettings)
        addEventRouteSettings(ctx, it->second, resource, what, path->text(), method->text(),
                              *routeSettings);
    }
  }
}

// The Api events without a RestApiId, which the implicit REST API plugin adds to its API.
size_t implicitRestRoutes(const model::Template& templ) {
  size_t routes = 0;
  for (const char* type : {"AWS::Serverless::Function", "AWS::Serverless::StateMachine"}) {
    for (const model::ResourceView* resource : templ.resourcesOfType(type)) {
      const Node* events = resource->property("Events");
      if (!events || !events->isMapping()) continue;
      for (const MapEntry& entry : events->entries()) {
        const Node* typeNode = entry.value.get("Type");
        const Node* properties = entry.value.get("Properties");
        if (typeNode && typeNode->isString("Api") && properties && !properties->has("RestApiId"))
          ++routes;
      }
    }
  }
  return routes;
}

// Each implicit API plugin walks the functions and state machines in the order of the template's
// Resources, a Py27Dict to which it has just added its API, and removes the API again when no
// event used it. SAM's translator then walks what is left.
std::vector<std::string> runImplicitApiPlugins(ExpandContext& ctx) {
  Py27KeyOrder resources;
  for (const MapEntry& entry : ctx.templ.resourcesNode()->entries())
    resources.add(entry.key.text());
  if (implicitRestRoutes(ctx.templ) > kMaxRoutesPerManagedApi) {
    ctx.notSupported("API Gateway: more than " + std::to_string(kMaxRoutesPerManagedApi) +
                     " routes on " + kImplicitRestApi +
                     " (SAM copies its whole definition for every route)");
    return resources.keys();
  }
  for (bool rest : {true, false}) {
    const char* apiId = rest ? kImplicitRestApi : kImplicitHttpApi;
    resources.add(apiId);
    for (size_t number : resources.order()) {
      const model::ResourceView* resource = ctx.templ.resource(resources.name(number));
      if (resource && (resource->type == "AWS::Serverless::Function" ||
                       (rest && resource->type == "AWS::Serverless::StateMachine"))) {
        collectImplicit(ctx, *resource, rest);
      }
    }
    // _maybe_add_conditions_to_implicit_api_paths edits a copy of each body SAM manages and keeps
    // a copy of that.
    if (!(rest ? addPathConditions(ctx) : addHttpPathConditions(ctx))) return resources.keys();
    bool used = rest ? ctx.apis.rest.count(apiId) != 0 : ctx.apis.http.count(apiId) != 0;
    // A template's own resource of that name stays (the plugin restores it).
    if (!used && !ctx.templ.resource(apiId)) resources.remove(apiId);
  }
  return resources.keys();
}

// The rank of every event of a function or state machine in the translator's walk: functions
// first, then state machines (whose events keep their Py27Dict order).
void rankEvents(ExpandContext& ctx, const std::vector<std::string>& resourceOrder) {
  EventRank next = 0;
  for (const char* type : {"AWS::Serverless::Function", "AWS::Serverless::StateMachine"}) {
    bool function = std::string_view(type) == "AWS::Serverless::Function";
    for (const std::string& id : resourceOrder) {
      const model::ResourceView* resource = ctx.templ.resource(id);
      if (!resource || resource->type != type) continue;
      const Node* events = resource->property("Events");
      if (!events || !events->isMapping()) continue;
      std::optional<std::vector<const MapEntry*>> ordered =
          function ? sam::functionEventOrder(*events, true) : sam::py27Order(*events);
      if (!ordered) {
        ctx.notSupported("the order of the events of function " + id +
                         " (a Path that is not a string)");
        continue;
      }
      for (const MapEntry* entry : *ordered) ctx.apis.eventRanks[{id, entry->key.text()}] = next++;
    }
  }
}

// The events' integrations, in the order SAM's translator adds them, each between the two copies
// its editor makes. False after refusing a second integration on one method.
bool applyEdits(ExpandContext& ctx, const std::string& id, RestApi& api) {
  std::stable_sort(api.edits.begin(), api.edits.end(),
                   [](const BodyEdit& a, const BodyEdit& b) { return a.rank < b.rank; });
  for (BodyEdit& edit : api.edits) {
    if (api.mergeDefinitions) {
      // The event's editor copies a fresh skeleton, edits it and hands back a copy, whose method
      // is merged into the body; it never finds an integration there already.
      PyObject generated = swaggerSkeleton();
      generated.deepcopy();
      edit.apply(generated);
      generated.deepcopy();
      if (auto why = mergeGeneratedMethod(*api.body, generated, edit.path, edit.methodName)) {
        ctx.notSupported("API Gateway: MergeDefinitions of " + id + ": " + *why);
        return false;
      }
      continue;
    }
    api.body->deepcopy();
    if (edit.integration && hasIntegration(*api.body, edit.path, methodKey(edit.methodName))) {
      ctx.notSupported("API Gateway: a second integration on " + edit.methodName + " " + edit.path +
                       " of " + id);
      return false;
    }
    if (!edit.apply(*api.body)) {
      ctx.notSupported("API Gateway: the Auth of " + edit.methodName + " " + edit.path + " of " +
                       id + " on its definition as SAM's editor reads it");
      return false;
    }
    api.body->deepcopy();
  }
  api.edits.clear();
  return true;
}

// _maybe_add_deletion_policy_to_implicit_api / _maybe_add_update_replace_policy_to_implicit_api:
// the first of `preferred` that a resource with an event on the implicit API gives.
const Node* strongestPolicy(const std::vector<const Node*>& policies,
                            std::initializer_list<const char*> preferred) {
  for (const char* wanted : preferred) {
    for (const Node* policy : policies) {
      if (policy && policy->isString(wanted)) return policy;
    }
  }
  return nullptr;
}

// The implicit API's attributes, which its Deployment and Stage take too.
PassThrough implicitPassThrough(const RestApi& api) {
  return implicitApiPassThrough(api.implicitCondition, api.deletionPolicies,
                                api.updateReplacePolicies);
}

// The RestApi, with the attributes of the implicit API (from its events) or of the explicit
// API's resource.
Node restApiResource(const RestApi& api, Node props) {
  Node resource = Node::mapping();
  resource.set("Type", str("AWS::ApiGateway::RestApi"));
  if (api.implicit) {
    PassThrough pass = implicitPassThrough(api);
    if (pass.deletionPolicy) resource.set("DeletionPolicy", *pass.deletionPolicy);
    if (pass.condition) resource.set("Condition", *pass.condition);
    if (pass.updateReplacePolicy) resource.set("UpdateReplacePolicy", *pass.updateReplacePolicy);
  }
  if (api.resource) setApiResourceAttributes(resource, *api.resource);
  resource.set("Properties", std::move(props));
  return resource;
}

// The REST API resources: RestApi, Deployment (ID and Description hash the body), Stage.
void emitRestApi(ExpandContext& ctx, const std::string& id, RestApi& api) {
  if (!applyEdits(ctx, id, api)) return;
  if (!finishBody(ctx, id, api)) return;
  Node props = Node::mapping();
  bool ok = true;
  std::string hashed;
  if (api.body) {
    props.set("Body", api.body->toNode());
    hashed = api.body->repr(ok);
  } else {
    props.set("BodyS3Location", api.bodyS3->toNode());
    hashed = api.bodyS3->repr(ok);
  }
  if (!ok) {
    ctx.notSupported("API Gateway: non-ASCII text in the definition of " + id);
    return;
  }
  bool propagate = false;
  Node tags = stageTags(api, propagate);
  addRestApiProperties(ctx, api, props, tags, propagate);
  ctx.add(id, restApiResource(api, std::move(props)));

  PassThrough pass = api.resource ? passThroughOf(*api.resource) : implicitPassThrough(api);
  // make_auto_deployable: str(body), OpenApiVersion, then the FunctionName of each function
  // with an event on the API, in the order the translator walks the functions.
  hashed += openApiVersionHashPart(api);
  hashed += domainHashPart(ctx, api);
  std::stable_sort(api.functionNames.begin(), api.functionNames.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string functionNames;
  for (const auto& [rank, name] : api.functionNames) functionNames += name;
  if (!functionNames.empty()) hashed += "||" + functionNames;
  std::string digest = sha1Hex(hashed);
  std::string deploymentId = id + "Deployment" + digest.substr(0, 10);
  Node deployment =
      map({{"Description", str("RestApi deployment id: " + digest)}, {"RestApiId", ref(id)}});
  if (deploymentHasStageName(api)) deployment.set("StageName", str("Stage"));
  ctx.add(deploymentId, makeResource("AWS::ApiGateway::Deployment", std::move(deployment), pass));

  std::string stageId = id + "Stage";
  if (api.stageName.isString()) {
    const std::string& name = api.stageName.text();
    stageId = isAlnum(name) ? id + name + "Stage" : id + "Stage" + sha1Hex(name).substr(0, 10);
  }
  ctx.add(stageId, makeResource("AWS::ApiGateway::Stage",
                                stageProperties(api, id, deploymentId, tags), pass));
  addAuthorizerPermissions(ctx, id, api, pass);
  emitRestDomain(ctx, id, api, stageId, pass, propagate ? &tags : nullptr);
  addUsagePlan(ctx, id, api, stageId, pass, propagate ? &tags : nullptr);
  // SamApi's referable properties: `Api.Deployment`, `Api.Stage`.
  ctx.refs[id]["Deployment"] = deploymentId;
  ctx.refs[id]["Stage"] = stageId;
}

}  // namespace

std::optional<PyObject> s3Location(const Node& uri) {
  PyObject location = PyObject::dict(true);
  if (uri.isString()) {
    const std::string& text = uri.text();
    size_t slash = text.find('/', 5);
    // A ?versionId query is not modelled.
    if (text.rfind("s3://", 0) != 0 || slash == std::string::npos || slash == 5 ||
        slash + 1 == text.size() || text.find('?') != std::string::npos) {
      return std::nullopt;
    }
    location.set("Bucket", PyObject::str(text.substr(5, slash - 5), true));
    location.set("Key", PyObject::str(text.substr(slash + 1), true));
    return location;
  }
  if (!uri.isMapping() || uri.isIntrinsic() || !uri.get("Bucket") || !uri.get("Key"))
    return std::nullopt;
  for (const char* key : {"Bucket", "Key", "Version"}) {
    if (const Node* value = uri.get(key)) location.set(key, PyObject::fromTemplate(*value));
  }
  return location;
}

PassThrough implicitApiPassThrough(const std::optional<Node>& condition,
                                   const std::vector<const Node*>& deletionPolicies,
                                   const std::vector<const Node*>& updateReplacePolicies) {
  return {condition ? &*condition : nullptr,
          strongestPolicy(deletionPolicies, {"Retain", "Delete"}),
          strongestPolicy(updateReplacePolicies, {"Retain", "Snapshot", "Delete"})};
}

void setApiResourceAttributes(Node& resource, const model::ResourceView& view) {
  if (view.dependsOn) resource.set("DependsOn", *view.dependsOn);
  if (view.deletionPolicy) resource.set("DeletionPolicy", *view.deletionPolicy);
  if (view.updatePolicy) resource.set("UpdatePolicy", *view.updatePolicy);
  if (view.condition) resource.set("Condition", *view.condition);
  if (view.updateReplacePolicy) resource.set("UpdateReplacePolicy", *view.updateReplacePolicy);
  if (view.metadata) resource.set("Metadata", *view.metadata);
}

bool isAlnum(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
}

std::optional<std::string> apiName(const Node& apiId) {
  if (apiId.isString()) return apiId.text();
  if (auto name = model::refName(apiId)) return std::string(*name);
  return std::nullopt;
}

void collectApis(ExpandContext& ctx) {
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (resource.type == "AWS::Serverless::Api" || resource.type == "AWS::Serverless::HttpApi") {
      collectExplicit(ctx, resource);
    }
  }
  std::vector<std::string> resourceOrder = runImplicitApiPlugins(ctx);
  ctx.apis.translationOrder = resourceOrder;
  for (auto& [id, api] : ctx.apis.rest) applyManagedOpenApiVersion(api);
  if (!ctx.apis.rest.empty()) rankEvents(ctx, resourceOrder);
}

RestApi* restApiOf(ExpandContext& ctx, const Node* restApiId, const std::string& eventId,
                   std::string& apiId) {
  if (!restApiId) {
    apiId = kImplicitRestApi;
  } else if (auto name = apiName(*restApiId)) {
    apiId = *name;
  } else {
    ctx.notSupported("API Gateway: RestApiId of event " + eventId +
                     " (only a Ref to an AWS::Serverless::Api or its logical ID)");
    return nullptr;
  }
  auto it = ctx.apis.rest.find(apiId);
  if (it == ctx.apis.rest.end()) {
    ctx.notSupported("API Gateway: RestApiId of event " + eventId +
                     " is not an AWS::Serverless::Api samshift expands");
    return nullptr;
  }
  return &it->second;
}

void emitApis(ExpandContext& ctx) {
  for (auto& [id, api] : ctx.apis.rest) emitRestApi(ctx, id, api);
  emitSharedUsagePlan(ctx);
  for (const auto& [id, api] : ctx.apis.http) emitHttpApi(ctx, id, api);
  emitRecordSetGroups(ctx);
}

}  // namespace samshift::expand::api
