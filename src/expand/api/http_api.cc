#include "expand/api/http_api.h"

#include <algorithm>

#include "expand/api/api_generator.h"
#include "expand/api/domain_v2.h"
#include "expand/api/http_auth.h"
#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "expand/version_hash.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/http_api_events.h"
#include "sam/py27_conversion.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

// The properties of an HttpApi whose output the generator here models, with the type SamHttpApi
// declares for each (a value of another type is SAM's rejection, not supported here).
bool modelledProperty(const std::string& key, const Node& value) {
  if (key == "Name") return true;  // a PassThroughProperty: any value, as written
  if (key == "Auth") return true;  // checkHttpApiAuth reads it
  if (value.isIntrinsic()) return false;
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
  const Node& own = resource.propertiesMapping();
  // DefaultDefinitionBodyPlugin gives an HttpApi without a (truthy) DefinitionBody or
  // DefinitionUri SAM's OpenAPI skeleton, and SAM then manages its body.
  for (const char* key : {"DefinitionBody", "DefinitionUri"}) {
    if (own.has(key)) {
      ctx.notSupported("API Gateway: " + std::string(key) + " of HttpApi " + id);
      return;
    }
  }
  if (resource.condition || resource.deletionPolicy || resource.updateReplacePolicy ||
      resource.node->has("DependsOn")) {
    ctx.notSupported("API Gateway: resource attributes of HttpApi " + id);
    return;
  }
  HttpApi api;
  api.resource = &resource;
  api.properties = sam::propertiesWithGlobals(ctx.templ, resource);
  if (!checkProperties(ctx, id, api.properties) || !checkHttpApiAuth(ctx, id, api)) return;
  api.body = openApiSkeleton();
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

void emitHttpApi(ExpandContext& ctx, const std::string& id, const HttpApi& api) {
  const Node& properties = api.properties;
  auto truthy = [&](const char* key) -> const Node* {
    const Node* value = properties.get(key);
    return value && sam::pythonTruthy(*value) ? value : nullptr;
  };
  if (!api.tags.mapping.entries().empty() && properties.has("Tags")) {
    ctx.notSupported("API Gateway: Tags of " + id + " with tags its functions propagate");
    return;
  }
  // _add_tags: the user's tags, then SAM's, into the body and the stage.
  Node tags = properties.has("Tags") ? *properties.get("Tags") : api.tags.mapping;
  tags.set("httpapi:createdBy", str("SAM"));
  // _add_auth comes before the tags.
  PyObject withAuth = api.body;
  if (!addHttpApiAuth(ctx, id, api, withAuth)) return;
  // SAM's key order in an HTTP API's body is not modelled (it is never hashed).
  Node body = withAuth.toNode(PyObject::DictOrder::kInsertion);
  if (truthy("FailOnWarnings") && body.get("paths")->has(sam::kHttpApiDefaultPath)) {
    // _update_default_path renames the path.
    ctx.notSupported("API Gateway: FailOnWarnings with the default route of " + id);
    return;
  }
  Node bodyTags = Node::sequence();
  for (const MapEntry& entry : tags.entries()) {
    bodyTags.push(
        map({{"name", str(entry.key.text())}, {"x-amazon-apigateway-tag-value", entry.value}}));
  }
  body.set("tags", std::move(bodyTags));
  // _add_title: a truthy Name replaces the skeleton's title.
  if (const Node* name = truthy("Name")) body.get("info")->set("title", *name);
  // _add_description: into info, when truthy.
  if (const Node* description = truthy("Description"))
    body.get("info")->set("description", *description);
  Node apiProperties = map({{"Body", std::move(body)}});
  if (const Node* fail = truthy("FailOnWarnings")) apiProperties.set("FailOnWarnings", *fail);
  ctx.add(id, makeResource("AWS::ApiGatewayV2::Api", std::move(apiProperties)));

  // _construct_stage: a falsy StageName is $default.
  std::string stageName = "$default";
  if (const Node* name = truthy("StageName")) stageName = name->text();
  std::string stageId;
  if (isAlnum(stageName)) {
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
  stage.set("StageName", str(stageName));
  stage.set("Tags", tags);
  if (const Node* value = properties.get("StageVariables")) stage.set("StageVariables", *value);
  stage.set("AutoDeploy", Node::boolean(true));
  ctx.add(stageId, makeResource("AWS::ApiGatewayV2::Stage", std::move(stage)));
  addHttpAuthorizerPermissions(ctx, id, api);
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
                     copiedOrder(ctx, api, "Domain"), true});
  }
}

}  // namespace samshift::expand::api
