#include "expand/api/rest_api_properties.h"

#include <cctype>

#include "expand/api/auth.h"
#include "expand/api/cors.h"
#include "expand/api/gateway_responses.h"
#include "expand/api/models.h"
#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "sam/api_validation.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

// How far samshift expands a property of SamApi.property_types (sam::apiProperties).
enum class Support {
  kYes,
  kWhenFalsy,  // only a value SAM ignores (ApiGenerator tests its truth first)
  kNo,
};

Support supportOf(const std::string& name) {
  // A true AlwaysDeploy hashes the time of the transform into the Deployment's ID.
  for (const char* whenFalsy : {"AlwaysDeploy"}) {
    if (name == whenFalsy) return Support::kWhenFalsy;
  }
  return Support::kYes;
}

// A property as ApiGenerator receives it: absent when null.
const Node* given(const RestApi& api, const char* name) {
  const Node* value = api.properties.get(name);
  return value && !value->isNull() ? value : nullptr;
}

using sam::truthy;

// The value as SAM writes it out: the template's Py27Dicts iterate in Python 2.7 order.
Node asWritten(const Node& value) { return PyObject::fromTemplate(value).toNode(); }

// add_binary_media_types' replace_recursively: `~1` is `/`, strings become template strings.
bool binaryMediaTypes(const Node& value, PyObject& out) {
  auto unescape = [](std::string text) {
    for (size_t at = text.find("~1"); at != std::string::npos; at = text.find("~1", at + 1))
      text.replace(at, 2, "/");
    return text;
  };
  if (value.isString()) {
    out = PyObject::str(unescape(value.text()), true);
    return true;
  }
  if (value.isSequence()) {
    out = PyObject::list();
    for (const Node& item : value.items()) {
      PyObject converted;
      if (!binaryMediaTypes(item, converted)) return false;
      out.push(std::move(converted));
    }
    return true;
  }
  if (value.isMapping()) {
    // A new Py27Dict filled in the old one's order: one key keeps its place; more are not modelled.
    if (value.entries().size() > 1) return false;
    out = PyObject::dict(true);
    for (const MapEntry& entry : value.entries()) {
      PyObject converted;
      if (!binaryMediaTypes(entry.value, converted)) return false;
      out.set(unescape(entry.key.text()), std::move(converted), true);
    }
    return true;
  }
  out = PyObject::fromTemplate(value);
  return true;
}

bool pyTruthy(const PyObject* value) { return value && sam::pythonTruthy(value->toNode()); }

// body[from] moves to body["components"][to], as _openapi_postprocess moves securityDefinitions
// and definitions. False when `components` is a truthy value that is not a map (SAM fails).
bool moveToComponents(PyObject& body, const char* from, const char* to) {
  if (!pyTruthy(body.get(from))) return true;
  PyObject moved = *body.get(from);
  PyObject* components = body.get("components");
  if (pyTruthy(components)) {
    if (!components->isDict()) return false;
    components->set(to, std::move(moved));
  } else {
    PyObject fresh = PyObject::dict(true);
    fresh.set(to, std::move(moved));
    body.set("components", std::move(fresh));
  }
  body.erase(from);
  return true;
}

// The OPTIONS method of a path item in an OpenAPI 3 body: no consumes / produces, and each
// header of its 200 response wrapped as {"schema": …}. False where SAM rejects the body.
bool rewriteOptions(PyObject& options) {
  for (const std::string& field : options.keys()) {
    if (field == "produces" || field == "consumes") {
      options.erase(field);
    } else if (field == "responses") {
      // dict_deep_get(responses, "200.headers").
      PyObject* responses = options.get(field);
      if (!responses->isDict()) return false;
      PyObject* ok = responses->get("200");
      if (!ok || ok->kind() == PyObject::Kind::kNone) continue;
      if (!ok->isDict()) return false;
      PyObject* headers = ok->get("headers");
      if (!pyTruthy(headers)) continue;
      if (!headers->isDict()) return false;
      for (const std::string& header : headers->keys()) {
        PyObject wrapped = PyObject::dict(true);
        wrapped.set("schema", *headers->get(header));
        headers->set(header, std::move(wrapped));
      }
    }
  }
  return true;
}

// _openapi_postprocess: an OpenAPI 3 body moves its definitions to components and rewrites its
// OPTIONS methods. False after refusing.
bool openApiPostprocess(ExpandContext& ctx, const std::string& id, RestApi& api) {
  PyObject& body = *api.body;
  const PyObject* swagger = body.get("swagger");
  if (swagger && swagger->kind() != PyObject::Kind::kNone) return true;
  const PyObject* version = body.get("openapi");
  const Node* openApiVersion = given(api, "OpenApiVersion");
  std::string normalized;
  if (version && version->kind() != PyObject::Kind::kNone && !openApiVersion) {
    if (!version->isStr()) {
      ctx.notSupported("API Gateway: a non-string openapi version in the body of " + id);
      return false;
    }
    normalized = version->text();
  } else if (openApiVersion) {
    normalized = openApiVersion->text();
  }
  // An OpenApiVersion over the openapi of the user's body, as SAM's Auth editor treats it, is not
  // modelled.
  if (!api.managed && openApiVersion && version && version->kind() != PyObject::Kind::kNone &&
      truthy(given(api, "Auth"))) {
    ctx.notSupported("API Gateway: OpenApiVersion over the openapi of the DefinitionBody of " + id +
                     " with Auth");
    return false;
  }
  if (!isOpenApi3(normalized)) return true;
  std::string refusal = "API Gateway: SAM's rejection of the OpenAPI 3 body of " + id;
  if (!moveToComponents(body, "securityDefinitions", "securitySchemes") ||
      !moveToComponents(body, "definitions", "schemas")) {
    ctx.notSupported(refusal);
    return false;
  }
  PyObject* paths = body.get("paths");
  if (!pyTruthy(paths)) return true;
  if (!paths->isDict()) {
    ctx.notSupported(refusal);
    return false;
  }
  for (const std::string& path : paths->keys()) {
    PyObject* item = paths->get(path);
    // validate_path_item_is_dict, and the same for the OPTIONS method.
    if (!item->isDict()) {
      ctx.notSupported(refusal);
      return false;
    }
    PyObject* options = item->get("options");
    if (!pyTruthy(options)) continue;
    if (!options->isDict() || !rewriteOptions(*options)) {
      ctx.notSupported(refusal);
      return false;
    }
  }
  return true;
}

// SwaggerEditor.add_disable_execute_api_endpoint_extension, between the editor's two copies.
bool disableExecuteApiEndpoint(ExpandContext& ctx, const std::string& id, PyObject& body,
                               const Node& value) {
  const char* kExtension = "x-amazon-apigateway-endpoint-configuration";
  PyObject setting = PyObject::fromTemplate(value);
  body.deepcopy();
  const PyObject* version = body.get("openapi");
  if (version && version->isStr() && isOpenApi3(version->text())) {
    if (body.get("servers")) {
      ctx.notSupported("API Gateway: DisableExecuteApiEndpoint with servers in the body of " + id);
      return false;
    }
    PyObject server = PyObject::dict(true);
    PyObject& extension = server.setdefault(kExtension, PyObject::dict(false));
    extension.set("disableExecuteApiEndpoint", std::move(setting));
    PyObject servers = PyObject::list();
    servers.push(std::move(server));
    body.set("servers", std::move(servers));
  } else {
    PyObject& extension = body.setdefault(kExtension, PyObject::dict(false));
    if (!extension.isDict()) {
      ctx.notSupported("API Gateway: a " + std::string(kExtension) + " that is not a map in " + id);
      return false;
    }
    extension.set("disableExecuteApiEndpoint", std::move(setting));
  }
  body.deepcopy();
  return true;
}

}  // namespace

bool checkRestApiProperties(ExpandContext& ctx, const std::string& id, const RestApi& api,
                            const Node* globals, const Node* local) {
  std::string what = " of AWS::Serverless::Api " + id;
  for (const MapEntry& entry : api.properties.entries()) {
    const std::string& name = entry.key.text();
    const sam::ApiProperty* property = sam::apiProperty(name);
    Support support = property ? supportOf(name) : Support::kNo;
    if (support == Support::kNo ||
        (support == Support::kWhenFalsy && sam::pythonTruthy(entry.value))) {
      ctx.notSupported("API Gateway: property " + name + what);
      return false;
    }
    if (sam::apiPropertyType(entry.value, *property) != sam::TypeVerdict::kRight) {
      ctx.notSupported("API Gateway: the type of property " + name + what);
      return false;
    }
    const Node* global = globals && globals->isMapping() ? globals->get(name) : nullptr;
    const Node* own = local && local->isMapping() ? local->get(name) : nullptr;
    // SAM reads Cors and EndpointConfiguration by key: their merged order does not show. So it
    // reads Auth, but for the Authorizers it walks (and writes) in order. domain.cc hashes a
    // merged Domain in the order of SAM's merge.
    bool readByKey =
        name == "Cors" || name == "EndpointConfiguration" || name == "Domain" ||
        (name == "Auth" && !(global && global->isMapping() && global->has("Authorizers") && own &&
                             own->isMapping() && own->has("Authorizers")));
    if (global && own && global->isMapping() && own->isMapping() && !global->isIntrinsic() &&
        !own->isIntrinsic() && !readByKey) {
      ctx.notSupported("API Gateway: property " + name + what + " merged from Globals");
      return false;
    }
  }
  if (const Node* version = given(api, "OpenApiVersion");
      version && version->isString() && !sam::openApiVersionMatches(version->text(), true)) {
    ctx.notSupported("API Gateway: OpenApiVersion " + version->text() + what);
    return false;
  }
  if (const Node* version = given(api, "OpenApiVersion"); version && !version->isString()) {
    ctx.notSupported("API Gateway: OpenApiVersion that is not a string" + what);
    return false;
  }
  if (const Node* endpoint = given(api, "EndpointConfiguration");
      endpoint && endpoint->isMapping() && truthy(endpoint->get("Type")) &&
      endpoint->has("VPCEndpointIds") && endpoint->has("VpcEndpointIds")) {
    ctx.notSupported("API Gateway: both VPCEndpointIds and VpcEndpointIds" + what);
    return false;
  }
  if (api.body && given(api, "DefinitionUri")) {
    ctx.notSupported("API Gateway: both DefinitionBody and DefinitionUri" + what);
    return false;
  }
  if (!checkAuth(ctx, id, api)) return false;
  if (given(api, "DisableExecuteApiEndpoint") && !api.body) {
    ctx.notSupported("API Gateway: DisableExecuteApiEndpoint without DefinitionBody" + what);
    return false;
  }
  return true;
}

void normalizeManagedOpenApiVersion(RestApi& api) {
  // fix_openapi_definitions: the (plain) str a managed API's OpenApiVersion becomes.
  Node* version = api.properties.get("OpenApiVersion");
  if (!api.managed || !version) return;
  bool unknown = false;
  std::optional<std::string> fixed = sam::fixedOpenApiVersion(*version, unknown);
  if (!fixed) return;
  *version = str(*fixed);
  api.openApiVersionPlain = true;
}

void applyManagedOpenApiVersion(RestApi& api) {
  const Node* version = given(api, "OpenApiVersion");
  if (!api.managed || !version || !version->isString() || !isOpenApi3(version->text())) return;
  api.body->set("openapi", PyObject::str(version->text(), !api.openApiVersionPlain));
  if (const PyObject* swagger = api.body->get("swagger");
      swagger && swagger->kind() != PyObject::Kind::kNone &&
      !(swagger->isStr() && swagger->text().empty())) {
    api.body->erase("swagger");
  }
}

bool finishBody(ExpandContext& ctx, const std::string& id, RestApi& api) {
  // _add_cors comes first: an API without a body cannot have it.
  if (const Node* cors = given(api, "Cors"); truthy(cors) && !addCors(ctx, id, api, *cors))
    return false;
  // _add_auth hands back its editor's body after the OpenAPI 3 post-processing.
  if (truthy(given(api, "Auth"))) {
    if (!addAuth(ctx, id, api) || !openApiPostprocess(ctx, id, api)) return false;
  }
  if (const Node* responses = given(api, "GatewayResponses");
      truthy(responses) && !addGatewayResponses(ctx, id, api, *responses))
    return false;
  if (!api.body) {
    // _add_models rejects Models without an inline body.
    if (truthy(given(api, "Models"))) return addModels(ctx, id, api, *given(api, "Models"));
    return true;
  }
  // _add_binary_media_types: the editor's copy, the extension, the copy it hands back.
  if (const Node* types = given(api, "BinaryMediaTypes"); truthy(types)) {
    Node resolved = ctx.resolve(*types);
    PyObject converted;
    if (!isValidSwagger(*api.body) || !binaryMediaTypes(resolved, converted)) {
      ctx.notSupported("API Gateway: BinaryMediaTypes of AWS::Serverless::Api " + id);
      return false;
    }
    api.body->deepcopy();
    api.body->set("x-amazon-apigateway-binary-media-types", std::move(converted));
    api.body->deepcopy();
  }
  // _add_models hands its body through _openapi_postprocess, which runs again below.
  if (const Node* models = given(api, "Models");
      truthy(models) && (!addModels(ctx, id, api, *models) || !openApiPostprocess(ctx, id, api)))
    return false;
  if (const Node* disable = given(api, "DisableExecuteApiEndpoint")) {
    if (!isValidSwagger(*api.body) || !disableExecuteApiEndpoint(ctx, id, *api.body, *disable)) {
      ctx.notSupported("API Gateway: DisableExecuteApiEndpoint of AWS::Serverless::Api " + id);
      return false;
    }
  }
  return openApiPostprocess(ctx, id, api);
}

std::string openApiVersionHashPart(const RestApi& api) {
  const Node* version = given(api, "OpenApiVersion");
  return truthy(version) ? "||" + version->text() : "";
}

bool deploymentHasStageName(const RestApi& api) { return !truthy(given(api, "OpenApiVersion")); }

Node stageTags(const RestApi& api, bool& propagate) {
  Node tags = Node::sequence();
  if (api.implicit) {
    propagate = !api.tags.mapping.entries().empty();
    for (const MapEntry& entry : api.tags.mapping.entries())
      tags.push(map({{"Key", str(entry.key.text())}, {"Value", entry.value}}));
    return tags;
  }
  const Node* userTags = given(api, "Tags");
  const Node* propagateTags = given(api, "PropagateTags");
  propagate = truthy(propagateTags) && truthy(userTags);
  if (!userTags) return Node::null();
  // get_tag_list: a None value is "".
  Node written = asWritten(*userTags);
  for (const MapEntry& entry : written.entries()) {
    tags.push(map(
        {{"Key", str(entry.key.text())}, {"Value", entry.value.isNull() ? str("") : entry.value}}));
  }
  return tags;
}

void addRestApiProperties(ExpandContext& ctx, const RestApi& api, Node& props, const Node& tags,
                          bool propagate) {
  auto passIfTruthy = [&](const char* name) {
    if (const Node* value = given(api, name); truthy(value)) props.set(name, asWritten(*value));
  };
  passIfTruthy("Description");
  passIfTruthy("FailOnWarnings");
  passIfTruthy("Name");
  // _set_endpoint_configuration; API Gateway has edge-optimized endpoints only in the aws
  // partition, elsewhere (cn, us-gov, the iso partitions, eusc) SAM asks for REGIONAL.
  const Node* endpoint = given(api, "EndpointConfiguration");
  if (truthy(endpoint) && endpoint->isMapping() && !endpoint->isIntrinsic() &&
      truthy(endpoint->get("Type"))) {
    Node type = asWritten(*endpoint->get("Type"));
    props.set("Parameters", map({{"endpointConfigurationTypes", type}}));
    Node configuration = map({{"Types", seq({type})}});
    // `value.get("VPCEndpointIds") or value.get("VpcEndpointIds")`, when either is given.
    const Node* upper = endpoint->get("VPCEndpointIds");
    const Node* lower = endpoint->get("VpcEndpointIds");
    if (upper || lower) {
      const Node* ids = truthy(upper) ? upper : lower;
      configuration.set("VpcEndpointIds", ids ? asWritten(*ids) : Node::null());
    }
    if (const Node* ipType = endpoint->get("IpAddressType"))
      configuration.set("IpAddressType", asWritten(*ipType));
    props.set("EndpointConfiguration", std::move(configuration));
  } else {
    Node type = truthy(endpoint) ? asWritten(*endpoint) : str("REGIONAL");
    if (truthy(endpoint) || ctx.partition() != "aws") {
      props.set("EndpointConfiguration", map({{"Types", seq({type})}}));
      props.set("Parameters", map({{"endpointConfigurationTypes", type}}));
    }
  }
  if (const Node* types = given(api, "BinaryMediaTypes"))
    props.set("BinaryMediaTypes", asWritten(ctx.resolve(*types)));
  if (const Node* size = given(api, "MinimumCompressionSize"))
    props.set("MinimumCompressionSize", asWritten(*size));
  passIfTruthy("Mode");
  passIfTruthy("ApiKeySourceType");
  if (propagate) props.set("Tags", tags);
  passIfTruthy("Policy");
  passIfTruthy("SecurityPolicy");
  passIfTruthy("EndpointAccessMode");
}

Node stageProperties(const RestApi& api, const std::string& apiId, const std::string& deploymentId,
                     const Node& tags) {
  Node stage = Node::mapping();
  auto pass = [&](const char* name) {
    if (const Node* value = given(api, name)) stage.set(name, asWritten(*value));
  };
  pass("AccessLogSetting");
  pass("CacheClusterEnabled");
  pass("CacheClusterSize");
  pass("CanarySetting");
  stage.set("DeploymentId", ref(deploymentId));
  stage.set("RestApiId", ref(apiId));
  stage.set("StageName", asWritten(api.stageName));
  if (!tags.isNull() && (api.implicit ? !tags.items().empty() : true)) stage.set("Tags", tags);
  pass("TracingEnabled");
  pass("Variables");
  pass("MethodSettings");
  return stage;
}

}  // namespace samshift::expand::api
