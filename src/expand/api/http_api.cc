#include "expand/api/http_api.h"

#include <algorithm>

#include "expand/api/api_generator.h"
#include "expand/api/domain_v2.h"
#include "expand/api/http_api_body.h"
#include "expand/api/http_auth.h"
#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "expand/version_hash.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/http_api_events.h"
#include "sam/http_api_validation.h"
#include "sam/py27_conversion.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

// The properties of an HttpApi whose output the generator here models, with the type SamHttpApi
// declares for each (a value of another type is SAM's rejection, not supported here).
bool modelledProperty(const std::string& key, const Node& value) {
  // PassThroughProperty, or copied as written (CorsConfiguration is resolved when added).
  if (key == "Name" || key == "DefinitionBody" || key == "DefinitionUri") return true;
  if (key == "Auth") return true;  // checkHttpApiAuth reads it
  if (key == "CorsConfiguration") return value.isBool() || value.isMapping();
  if (key == "DisableExecuteApiEndpoint") return value.isBool() || value.isIntrinsic();
  if (value.isIntrinsic()) return key == "StageName";
  if (key == "StageName" || key == "Description") return value.isString();
  if (key == "StageVariables" || key == "AccessLogSettings" || key == "DefaultRouteSettings" ||
      key == "RouteSettings")
    return value.isMapping();
  if (key == "Tags") {
    return value.isMapping() && std::all_of(value.entries().begin(), value.entries().end(),
                                            [](const MapEntry& e) { return e.key.isString(); });
  }
  if (key == "FailOnWarnings" || key == "PropagateTags") return value.isBool();
  if (key == "Domain") return value.isMapping();  // resolved and checked by emitApiV2Domain
  return false;
}

bool checkProperties(ExpandContext& ctx, const std::string& id, const Node& properties) {
  if (!properties.isMapping()) {
    ctx.notSupported("API Gateway: the properties of HttpApi " + id);
    return false;
  }
  for (const MapEntry& entry : properties.entries()) {
    if (!modelledProperty(entry.key.text(), entry.value)) {
      ctx.notSupported("API Gateway: property " + entry.key.text() + " of HttpApi " + id);
      return false;
    }
  }
  return true;
}

const Node* httpApiGlobals(const model::Template& templ) {
  const Node* globals = templ.root().get("Globals");
  return globals && globals->isMapping() ? globals->get("HttpApi") : nullptr;
}

// The order of a property's dicts as the generator sees them: SAM converts an HttpApi's own
// Properties to Py27Dicts (sam::samConvertsToPy27), not `Globals: HttpApi`; a merge of both
// copies the Globals' dict and adds the resource's keys.
CopiedOrder copiedOrder(const ExpandContext& ctx, const HttpApi& api, const char* property) {
  if (!sam::samConvertsToPy27(ctx.templ)) return CopiedOrder::kTemplate;
  const Node* globals = httpApiGlobals(ctx.templ);
  bool global = globals && globals->isMapping() && globals->has(property);
  bool own = api.resource && api.resource->property(property);
  if (!global) return CopiedOrder::kPy27;
  return own ? CopiedOrder::kUnknown : CopiedOrder::kTemplate;
}

}  // namespace

void collectExplicitHttpApi(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  HttpApi api;
  api.resource = &resource;
  api.properties = sam::propertiesWithGlobals(ctx.templ, resource);
  if (!checkProperties(ctx, id, api.properties) || !checkHttpApiAuth(ctx, id, api)) return;
  // DefaultDefinitionBodyPlugin gives an HttpApi without a (truthy) DefinitionBody or
  // DefinitionUri of its own SAM's OpenAPI skeleton, and SAM then manages its body.
  api.managed = sam::httpApiManagedBody(resource);
  const Node* body = api.properties.get("DefinitionBody");
  const Node* uri = api.properties.get("DefinitionUri");
  if (api.managed) {
    api.body = openApiSkeleton();
  } else if (uri && sam::pythonTruthy(*uri)) {
    // _construct_body_s3_dict (a body beside it is SAM's rejection).
    std::optional<PyObject> location =
        body && sam::pythonTruthy(*body) ? std::nullopt : s3Location(*uri);
    if (!location) {
      ctx.notSupported("API Gateway: DefinitionUri of HttpApi " + id +
                       " (only s3://bucket/key or {Bucket, Key, Version})");
      return;
    }
    api.bodyS3 = location->toNode(PyObject::DictOrder::kInsertion);
  } else if (body && body->isMapping()) {
    PyObject user = PyObject::fromTemplate(*body);
    const Node* version = body->get("openapi");
    if (isOpenApiDocument(user)) {
      api.body = std::move(user);
    } else if (version && !version->isString() && sam::pythonTruthy(*version)) {
      // OpenApiEditor.is_valid matches the str() of the value.
      ctx.notSupported("API Gateway: an openapi version that is not a string in HttpApi " + id);
      return;
    } else {
      api.opaqueBody = *body;
    }
  } else {
    ctx.notSupported("API Gateway: DefinitionBody of HttpApi " + id + " that is not a map");
    return;
  }
  ctx.apis.http.emplace(id, std::move(api));
}

bool createImplicitHttpApi(ExpandContext& ctx, HttpApi& api) {
  api.body = openApiSkeleton();
  if (const Node* globals = httpApiGlobals(ctx.templ)) {
    if (!checkProperties(ctx, kImplicitHttpApi, *globals)) return false;
    api.properties = *globals;
    if (!checkHttpApiAuth(ctx, kImplicitHttpApi, api)) return false;
  }
  return true;
}

void emitHttpApi(ExpandContext& ctx, const std::string& id, const HttpApi& given) {
  HttpApi api = given;
  const Node& properties = api.properties;
  auto truthy = [&](const char* key) -> const Node* {
    const Node* value = properties.get(key);
    return value && sam::pythonTruthy(*value) ? value : nullptr;
  };
  bool hasBody = !api.bodyS3;
  bool editable = api.editable();
  std::string why;
  auto refuse = [&](const std::string& what) {
    ctx.notSupported("API Gateway: " + what + " of HttpApi " + id +
                     (why.empty() ? "" : ": " + why));
  };
  // _add_cors, on the value SamHttpApi resolved.
  if (const Node* cors = truthy("CorsConfiguration")) {
    sam::Resolved resolved = ctx.params.resolve(*cors);
    if (resolved.failure || !editable || !addHttpCors(api.body, resolved.value, why))
      return refuse("CorsConfiguration");
  }
  // _add_auth (api/http_auth.h), before the tags.
  if (truthy("Auth")) {
    if (!editable) return refuse("Auth");
    if (!addHttpApiAuth(ctx, id, api, api.body)) return;
  }
  // _add_tags: the user's tags (or those the functions propagate to the implicit API) and SAM's,
  // into a body that is OpenAPI, and on the stage.
  if (!api.tags.mapping.entries().empty() && properties.has("Tags"))
    return refuse("Tags with tags its functions propagate");
  const Node* userTags = properties.get("Tags");
  Node tags = userTags ? *userTags : api.tags.mapping;
  std::optional<Node> stageTags;
  if (userTags && !userTags->isNull()) stageTags = *userTags;
  if (sam::pythonTruthy(tags) && !editable) return refuse("Tags");
  if (editable) {
    tags.set("httpapi:createdBy", str("SAM"));
    if (!addHttpTags(api.body, tags, why)) return refuse("Tags");
    stageTags = tags;
  }
  // _add_endpoint_configuration.
  if (const Node* disable = properties.get("DisableExecuteApiEndpoint");
      disable && !disable->isNull()) {
    if (!editable || !addHttpEndpointConfig(api.body, *disable, why))
      return refuse("DisableExecuteApiEndpoint");
  }
  // _add_title and _add_description, into `info`: a title SAM's skeleton set, a description the
  // body does not have.
  if (const Node* name = truthy("Name")) {
    PyObject* info = editable ? api.body.get("info") : nullptr;
    const PyObject* title = info && info->isDict() ? info->get("title") : nullptr;
    const PyObject* titleRef = title && title->isDict() ? title->get("Ref") : nullptr;
    if (!titleRef || !titleRef->isStr() || titleRef->text() != "AWS::StackName" ||
        title->keys().size() != 1)
      return refuse("Name");
    info->set("title", PyObject::fromTemplate(*name));
  }
  if (const Node* description = truthy("Description")) {
    PyObject* info = editable ? api.body.get("info") : nullptr;
    if (!editable || (info && !info->isDict())) return refuse("Description");
    if (!info) info = &api.body.set("info", PyObject::dict(true));
    const PyObject* existing = info->get("description");
    if (existing && existing->truthy()) return refuse("Description");
    info->set("description", PyObject::fromTemplate(*description));
  }
  // _update_default_path: with FailOnWarnings, the $default path becomes /$default.
  if (truthy("FailOnWarnings") && hasBody) {
    if (!editable) {
      const Node* paths = api.opaqueBody->get("paths");
      if (paths && paths->isMapping() && paths->has(sam::kHttpApiDefaultPath))
        return refuse("FailOnWarnings with a $default path");
    } else if (PyObject* paths = api.body.get("paths"); paths->get(sam::kHttpApiDefaultPath)) {
      PyObject route = *paths->get(sam::kHttpApiDefaultPath);
      paths->erase(sam::kHttpApiDefaultPath);
      paths->set(std::string("/") + sam::kHttpApiDefaultPath, std::move(route), true);
    }
  }
  Node apiProperties = Node::mapping();
  if (api.bodyS3) {
    apiProperties.set("BodyS3Location", *api.bodyS3);
  } else if (api.opaqueBody) {
    apiProperties.set("Body", *api.opaqueBody);
  } else {
    apiProperties.set("Body", api.body.toNode(PyObject::DictOrder::kInsertion));
  }
  if (const Node* fail = truthy("FailOnWarnings")) apiProperties.set("FailOnWarnings", *fail);
  // The Api takes the resource's attributes; the Stage, domain resources and authorizer
  // permissions its pass-through ones.
  Node apiResource = Node::mapping();
  apiResource.set("Type", str("AWS::ApiGatewayV2::Api"));
  PassThrough pass = api.resource
                         ? passThroughOf(*api.resource)
                         : implicitApiPassThrough(api.implicitCondition, api.deletionPolicies,
                                                  api.updateReplacePolicies);
  if (api.resource) {
    setApiResourceAttributes(apiResource, *api.resource);
  } else {
    if (pass.deletionPolicy) apiResource.set("DeletionPolicy", *pass.deletionPolicy);
    if (pass.condition) apiResource.set("Condition", *pass.condition);
    if (pass.updateReplacePolicy) apiResource.set("UpdateReplacePolicy", *pass.updateReplacePolicy);
  }
  apiResource.set("Properties", std::move(apiProperties));
  ctx.add(id, std::move(apiResource));

  // _construct_stage: a falsy StageName is $default.
  std::string stageName = "$default";
  const Node* stageNameNode = truthy("StageName");
  if (stageNameNode) stageName = stageNameNode->isString() ? stageNameNode->text() : "";
  std::string stageId;
  if (stageNameNode && !stageNameNode->isString()) {
    stageId = id + "Stage";  // an intrinsic name: LogicalIdGenerator of "" adds no hash
  } else if (isAlnum(stageName)) {
    stageId = id + stageName + "Stage";
  } else if (stageName == "$default") {
    stageId = id + "ApiGatewayDefaultStage";
  } else {
    stageId = id + "Stage" + sha1Hex(stageName).substr(0, 10);
  }
  // In ApiGatewayV2Stage.property_types order, as SAM's to_dict writes them.
  Node stage = Node::mapping();
  for (const char* key : {"AccessLogSettings", "DefaultRouteSettings", "RouteSettings"}) {
    if (const Node* value = properties.get(key)) stage.set(key, *value);
  }
  stage.set("ApiId", ref(id));
  stage.set("StageName", stageNameNode ? *stageNameNode : str(stageName));
  if (stageTags) stage.set("Tags", *stageTags);
  if (const Node* value = properties.get("StageVariables")) stage.set("StageVariables", *value);
  stage.set("AutoDeploy", Node::boolean(true));
  ctx.add(stageId, makeResource("AWS::ApiGatewayV2::Stage", std::move(stage), pass));
  addHttpAuthorizerPermissions(ctx, id, api, pass);
  // SamHttpApi's referable property `Api.Stage`.
  ctx.refs[id]["Stage"] = stageId;
  if (const Node* domain = properties.get("Domain"); domain && !domain->isNull()) {
    if (!api.tags.mapping.entries().empty()) {
      ctx.notSupported("API Gateway: Domain of " + id + " with tags its functions propagate");
      return;
    }
    // SamHttpApi propagates its Tags, with SAM's own tag, when they are truthy.
    const Node* userTags = truthy("Tags");
    // SamHttpApi.to_cloudformation resolves the parameters the Domain refers to.
    emitApiV2Domain(ctx, id, ctx.resolve(*domain), stageId,
                    {"httpapi:createdBy", userTags ? &tags : nullptr, copiedOrder(ctx, api, "Tags"),
                     copiedOrder(ctx, api, "Domain"), true},
                    pass);
  }
}

}  // namespace samshift::expand::api
