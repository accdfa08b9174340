#include "expand/api/api_generator.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/version_hash.h"
#include "model/intrinsics.h"
#include "sam/globals.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

bool isAlnum(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
}

// SAM iterates the template's Resources and each Events map as Py27Dicts.
std::vector<std::string> py27Order(const Node& mapping) {
  Py27KeyOrder order;
  for (const MapEntry& entry : mapping.entries()) order.add(entry.key.text());
  return order.keys();
}

void refuseUnknown(ExpandContext& ctx, const Node& properties, const std::string& what,
                   std::initializer_list<const char*> known) {
  for (const MapEntry& entry : properties.entries()) {
    if (std::find_if(known.begin(), known.end(), [&](const char* k) { return entry.key.text() == k; }) ==
        known.end()) {
      ctx.notSupported("property " + entry.key.text() + " of " + what);
    }
  }
}

// DefinitionUri as SAM's BodyS3Location: `s3://bucket/key` or {Bucket, Key[, Version]}.
std::optional<PyObject> s3Location(const Node& uri) {
  PyObject location = PyObject::dict(true);
  if (uri.isString()) {
    const std::string& text = uri.text();
    size_t slash = text.find('/', 5);
    // A ?versionId query is not modelled.
    if (text.rfind("s3://", 0) != 0 || slash == std::string::npos || slash == 5 || slash + 1 == text.size() ||
        text.find('?') != std::string::npos) {
      return std::nullopt;
    }
    location.set("Bucket", PyObject::str(text.substr(5, slash - 5), true));
    location.set("Key", PyObject::str(text.substr(slash + 1), true));
    return location;
  }
  if (!uri.isMapping() || uri.isIntrinsic() || !uri.get("Bucket") || !uri.get("Key")) return std::nullopt;
  for (const char* key : {"Bucket", "Key", "Version"}) {
    if (const Node* value = uri.get(key)) location.set(key, PyObject::fromTemplate(*value));
  }
  return location;
}

void collectExplicit(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  if (resource.type == "AWS::Serverless::HttpApi") {
    ctx.notSupported("API Gateway: resource type AWS::Serverless::HttpApi (" + id + ")");
    return;
  }
  if (resource.deletionPolicy || resource.updateReplacePolicy || resource.dependsOn) {
    ctx.notSupported("API Gateway: DeletionPolicy, UpdateReplacePolicy or DependsOn of AWS::Serverless::Api " + id);
  }
  Node props = sam::propertiesWithGlobals(ctx.templ, resource);
  refuseUnknown(ctx, props, "AWS::Serverless::Api " + id, {"Name", "StageName", "DefinitionUri", "DefinitionBody",
                                                           "Variables"});
  RestApi api;
  api.condition = resource.condition;
  const Node* uri = props.get("DefinitionUri");
  const Node* body = props.get("DefinitionBody");
  if (uri && !body) {
    // _construct_body_s3_dict: a Py27Dict of template strings, whichever form the URI has.
    std::optional<PyObject> location = s3Location(*uri);
    if (!location) {
      ctx.notSupported("API Gateway: DefinitionUri of AWS::Serverless::Api " + id +
                       " (only s3://bucket/key or {Bucket, Key, Version})");
      return;
    }
    api.bodyS3 = std::move(location);
  } else if (body && !uri && body->isMapping() && !body->isIntrinsic() && !body->has("openapi")) {
    api.body = PyObject::fromTemplate(*body);
  } else {
    ctx.notSupported("API Gateway: AWS::Serverless::Api " + id +
                     " without exactly one of DefinitionBody (a Swagger 2.0 map) or DefinitionUri");
    return;
  }
  const Node* stage = props.get("StageName");
  if (!stage || (stage->isString() && stage->text().empty())) {
    ctx.notSupported("API Gateway: AWS::Serverless::Api " + id + " without StageName");
    return;
  }
  api.stageName = *stage;
  if (const Node* name = props.get("Name")) api.name = *name;
  if (const Node* variables = props.get("Variables")) api.variables = *variables;
  ctx.apis.rest.emplace(id, std::move(api));
}

// The user tags a function with PropagateTags hands to the implicit API its events create.
void propagateTags(ExpandContext& ctx, const Node& properties, Node& into, const std::string& apiId) {
  const Node* propagate = properties.get("PropagateTags");
  const Node* tags = properties.get("Tags");
  if (!propagate || !propagate->isBool() || !propagate->boolValue() || !tags || !tags->isMapping()) return;
  for (const MapEntry& entry : tags->entries()) {
    const Node* existing = into.get(entry.key.text());
    if (existing && !existing->sameValue(entry.value)) {
      ctx.notSupported("API Gateway: different propagated values of tag " + entry.key.text() + " on " + apiId);
    }
    into.set(entry.key.text(), entry.value);
  }
}

// ImplicitRestApiPlugin / ImplicitHttpApiPlugin for one function or state machine.
void collectImplicit(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  Node props = sam::propertiesWithGlobals(ctx.templ, resource);
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return;
  for (const char* type : {"Api", "HttpApi"}) {
    bool rest = std::string_view(type) == "Api";
    if (!rest && resource.type != "AWS::Serverless::Function") continue;
    Py27KeyOrder apiEvents;  // the plugin copies the API events into a Py27Dict of their own
    for (const std::string& eventId : py27Order(*events)) {
      const Node* typeNode = events->get(eventId)->get("Type");
      if (typeNode && typeNode->isString(type)) apiEvents.add(eventId);
    }
    for (const std::string& eventId : apiEvents.keys()) {
      std::string what = std::string(type) + " event " + eventId + " of " + id;
      const Node* properties = events->get(eventId)->get("Properties");
      if (!properties || !properties->isMapping()) {
        ctx.notSupported("API Gateway: " + what + " without Properties");
        continue;
      }
      if (resource.condition || resource.deletionPolicy || resource.updateReplacePolicy) {
        ctx.notSupported("API Gateway: " + what + " with Condition, DeletionPolicy or UpdateReplacePolicy on " + id);
      }
      if (properties->has(rest ? "RestApiId" : "ApiId")) continue;
      const Node* path = properties->get("Path");
      const Node* method = properties->get("Method");
      if (!path || !path->isString() || !method || !method->isString()) {
        ctx.notSupported("API Gateway: " + what + " without a string Path and Method");
        continue;
      }
      const char* apiId = rest ? kImplicitRestApi : kImplicitHttpApi;
      if (ctx.templ.resource(apiId)) {
        ctx.notSupported(std::string("API Gateway: a template resource named ") + apiId);
        continue;
      }
      PyObject* body = nullptr;
      Node* tags = nullptr;
      if (rest) {
        auto [it, created] = ctx.apis.rest.try_emplace(apiId);
        if (created) {
          it->second.implicit = it->second.managed = true;
          it->second.body = swaggerSkeleton();
          it->second.stageName = str("Prod");
        }
        // Each editor works on a deep copy of the body.
        it->second.body = it->second.body->deepcopy();
        body = &*it->second.body;
        tags = &it->second.tags;
      } else {
        auto [it, created] = ctx.apis.http.try_emplace(apiId);
        if (created) it->second.body = openApiSkeleton();
        it->second.body = it->second.body.deepcopy();
        body = &it->second.body;
        tags = &it->second.tags;
      }
      addPath(*body, path->text(), methodKey(method->text()));
      propagateTags(ctx, props, *tags, apiId);
    }
  }
}

// The REST API resources: RestApi, Deployment (ID and Description hash the body), Stage.
void emitRestApi(ExpandContext& ctx, const std::string& id, const RestApi& api) {
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
  if (!api.name.isNull()) props.set("Name", api.name);
  // API Gateway has edge-optimized endpoints only in the aws partition; elsewhere (cn, us-gov,
  // the iso partitions, eusc) SAM asks for REGIONAL.
  if (ctx.partition() != "aws") {
    props.set("EndpointConfiguration", map({{"Types", seq({str("REGIONAL")})}}));
    props.set("Parameters", map({{"endpointConfigurationTypes", str("REGIONAL")}}));
  }
  Node tags = tagList(&api.tags, false);
  if (!tags.items().empty()) props.set("Tags", tags);
  PassThrough pass{api.condition, nullptr, nullptr};
  ctx.add(id, makeResource("AWS::ApiGateway::RestApi", std::move(props), pass));

  if (!api.functionNames.empty()) hashed += "||" + api.functionNames;
  std::string digest = sha1Hex(hashed);
  std::string deploymentId = id + "Deployment" + digest.substr(0, 10);
  ctx.add(deploymentId, makeResource("AWS::ApiGateway::Deployment",
                                     map({{"Description", str("RestApi deployment id: " + digest)},
                                          {"RestApiId", ref(id)},
                                          {"StageName", str("Stage")}}),
                                     pass));

  std::string stageId = id + "Stage";
  if (api.stageName.isString()) {
    const std::string& name = api.stageName.text();
    stageId = isAlnum(name) ? id + name + "Stage" : id + "Stage" + sha1Hex(name).substr(0, 10);
  }
  Node stage = map({{"DeploymentId", ref(deploymentId)}, {"RestApiId", ref(id)}, {"StageName", api.stageName}});
  if (!api.variables.isNull()) stage.set("Variables", api.variables);
  if (!tags.items().empty()) stage.set("Tags", tags);
  ctx.add(stageId, makeResource("AWS::ApiGateway::Stage", std::move(stage), pass));
  // SamApi's referable properties: `Api.Deployment`, `Api.Stage`.
  ctx.refs[id]["Deployment"] = deploymentId;
  ctx.refs[id]["Stage"] = stageId;
}

void emitHttpApi(ExpandContext& ctx, const std::string& id, const HttpApi& api) {
  Node tags = api.tags;
  tags.set("httpapi:createdBy", str("SAM"));
  Node body = api.body.toNode();
  Node bodyTags = Node::sequence();
  for (const MapEntry& entry : tags.entries()) {
    bodyTags.push(map({{"name", str(entry.key.text())}, {"x-amazon-apigateway-tag-value", entry.value}}));
  }
  body.set("tags", std::move(bodyTags));
  ctx.add(id, makeResource("AWS::ApiGatewayV2::Api", map({{"Body", std::move(body)}})));
  ctx.add(id + "ApiGatewayDefaultStage",
          makeResource("AWS::ApiGatewayV2::Stage", map({{"ApiId", ref(id)},
                                                        {"AutoDeploy", Node::boolean(true)},
                                                        {"StageName", str("$default")},
                                                        {"Tags", tags}})));
}

}  // namespace

void collectApis(ExpandContext& ctx) {
  if (const Node* globals = ctx.templ.root().get("Globals"); globals && globals->isMapping()) {
    for (const char* section : {"Api", "HttpApi"}) {
      if (globals->has(section)) ctx.notSupported(std::string("API Gateway: Globals section ") + section);
    }
  }
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (resource.type == "AWS::Serverless::Api" || resource.type == "AWS::Serverless::HttpApi") {
      collectExplicit(ctx, resource);
    }
  }
  const Node* resources = ctx.templ.resourcesNode();
  for (const std::string& id : py27Order(*resources)) {
    const model::ResourceView* resource = ctx.templ.resource(id);
    if (resource && (resource->type == "AWS::Serverless::Function" ||
                     resource->type == "AWS::Serverless::StateMachine")) {
      collectImplicit(ctx, *resource);
    }
  }
}

RestApi* restApiOf(ExpandContext& ctx, const Node* restApiId, const std::string& eventId, std::string& apiId) {
  if (!restApiId) {
    apiId = kImplicitRestApi;
  } else if (auto name = model::refName(*restApiId)) {
    apiId = std::string(*name);
  } else {
    ctx.notSupported("API Gateway: RestApiId of event " + eventId + " (only a Ref to an AWS::Serverless::Api)");
    return nullptr;
  }
  auto it = ctx.apis.rest.find(apiId);
  if (it == ctx.apis.rest.end()) {
    ctx.notSupported("API Gateway: RestApiId of event " + eventId + " is not an AWS::Serverless::Api samshift expands");
    return nullptr;
  }
  return &it->second;
}

void emitApis(ExpandContext& ctx) {
  for (const auto& [id, api] : ctx.apis.rest) emitRestApi(ctx, id, api);
  for (const auto& [id, api] : ctx.apis.http) emitHttpApi(ctx, id, api);
}

}  // namespace samshift::expand::api
