#include "expand/api/http_auth.h"

#include <optional>
#include <utility>

#include "expand/builders.h"
#include "sam/deployment_model.h"
#include "sam/http_api_auth.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

using sam::truthy;

// dict.get: a key given null is None, as an absent one.
const Node* given(const Node* map, std::string_view key) {
  const Node* value = map && map->isMapping() ? map->get(key) : nullptr;
  return value && !value->isNull() ? value : nullptr;
}

// The API's Auth as SAM reads it; checkHttpApiAuth made sure it reads.
std::optional<sam::HttpApiAuth> readAuth(const HttpApi& api) {
  auto reading = sam::readHttpApiAuth(api.properties.get("Auth"), true);
  if (!reading || !reading->auth) return std::nullopt;
  return std::move(reading->auth);
}

PyObject samStr(const char* text) { return PyObject::str(text); }

// ApiGatewayV2Authorizer.generate_openapi.
PyObject securityScheme(const ExpandContext& ctx, const sam::HttpAuthorizer& authorizer) {
  PyObject scheme = PyObject::dict(true);
  if (authorizer.type == sam::HttpAuthorizerType::kAwsIam) {
    scheme.set("type", samStr("apiKey"));
    scheme.set("name", samStr("Authorization"));
    scheme.set("in", samStr("header"));
    scheme.set("x-amazon-apigateway-authtype", samStr("awsSigv4"));
    return scheme;
  }
  const Node& config = *authorizer.config;
  PyObject extension = PyObject::dict(false);
  if (authorizer.type == sam::HttpAuthorizerType::kJwt) {
    // _get_jwt_configuration: the keys in lower case, for OpenAPI.
    PyObject jwt = PyObject::dict(false);
    for (const MapEntry& entry : config.get("JwtConfiguration")->entries()) {
      std::string key = entry.key.text();
      for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      jwt.set(key, PyObject::fromTemplate(entry.value), true);
    }
    scheme.set("type", samStr("oauth2"));
    extension.set("jwtConfiguration", std::move(jwt));
    extension.set("identitySource", PyObject::fromTemplate(*config.get("IdentitySource")));
    extension.set("type", samStr("jwt"));
    scheme.set("x-amazon-apigateway-authorizer", std::move(extension));
    return scheme;
  }
  scheme.set("type", samStr("apiKey"));
  scheme.set("name", samStr("Unused"));
  scheme.set("in", samStr("header"));
  extension.set("type", samStr("request"));
  PyObject uri = PyObject::dict(false);
  PyObject sub = PyObject::list();
  sub.push(PyObject::str("arn:" + ctx.partition() +
                         ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                         "${__FunctionArn__}/invocations"));
  PyObject variables = PyObject::dict(false);
  variables.set("__FunctionArn__", PyObject::fromTemplate(*config.get("FunctionArn")));
  sub.push(std::move(variables));
  uri.set("Fn::Sub", std::move(sub));
  extension.set("authorizerUri", std::move(uri));
  // _get_function_invoke_role: none when falsy or "NONE".
  if (const Node* role = config.get("FunctionInvokeRole"); truthy(role) && !role->isString("NONE"))
    extension.set("authorizerCredentials", PyObject::fromTemplate(*role));
  if (const Node* identity = config.get("Identity"); truthy(identity)) {
    if (const Node* ttl = given(identity, "ReauthorizeEvery"))
      extension.set("authorizerResultTtlInSeconds", PyObject::fromTemplate(*ttl));
    // _get_identity_source.
    PyObject sources = PyObject::list();
    for (auto [key, prefix] :
         {std::pair{"Headers", "$request.header."},
          std::pair{"QueryStrings", "$request.querystring."},
          std::pair{"StageVariables", "$stageVariables."}, std::pair{"Context", "$context."}}) {
      const Node* values = identity->get(key);
      if (!truthy(values)) continue;
      for (const Node& value : values->items())
        sources.push(PyObject::str(std::string(prefix) + value.text(), true));
    }
    extension.set("identitySource", std::move(sources));
  }
  extension.set("authorizerPayloadFormatVersion",
                PyObject::fromTemplate(*config.get("AuthorizerPayloadFormatVersion")));
  if (const Node* simple = config.get("EnableSimpleResponses"); truthy(simple))
    extension.set("enableSimpleResponses", PyObject::fromTemplate(*simple));
  scheme.set("x-amazon-apigateway-authorizer", std::move(extension));
  return scheme;
}

// A list of scopes from the template, as the `security` entry's value.
PyObject scopesValue(const Node* scopes) {
  return scopes ? PyObject::fromTemplate(*scopes) : PyObject::list();
}

}  // namespace

bool checkHttpApiAuth(ExpandContext& ctx, const std::string& id, const HttpApi& api) {
  auto reading = sam::readHttpApiAuth(api.properties.get("Auth"), true);
  if (!reading) return true;
  if (reading->problem || !reading->auth) {
    ctx.notSupported("API Gateway: Auth of HttpApi " + id +
                     (reading->unsupported.empty() ? "" : " with " + reading->unsupported));
    return false;
  }
  for (const sam::HttpAuthorizer& authorizer : reading->auth->authorizers) {
    if (authorizer.type == sam::HttpAuthorizerType::kJwt &&
        !given(authorizer.config, "IdentitySource")) {
      ctx.notSupported("API Gateway: IdentitySource of authorizer " + authorizer.name);
      return false;
    }
    const Node* enable =
        authorizer.config ? given(authorizer.config, "EnableFunctionDefaultPermissions") : nullptr;
    bool permission = authorizer.type == sam::HttpAuthorizerType::kRequest && enable &&
                      enable->isBool() && enable->boolValue();
    if (!permission) continue;
    // The permission's logical ID must be SAM's: alphanumeric and new to the template.
    std::string permissionId = id + authorizer.name + "AuthorizerPermission";
    if (!sam::validLogicalId(permissionId) || ctx.templ.resource(permissionId)) {
      ctx.notSupported("API Gateway: the permission " + permissionId + " of HttpApi " + id);
      return false;
    }
  }
  return true;
}

bool addHttpEventAuth(ExpandContext& ctx, const std::string& eventId, const std::string& apiId,
                      HttpApi& api, const std::string& path, const MethodKey& method,
                      const Node& eventAuth) {
  sam::HttpRoute route{path, method.name};
  sam::LinkedHttpApi linked{apiId, api.properties};
  sam::HttpEventAuthReading reading = sam::readHttpEventAuth(ctx.templ, eventAuth, route, linked);
  if (reading.rejection || !reading.unsupported.empty()) {
    ctx.notSupported("API Gateway: Auth of HttpApi event " + eventId +
                     (reading.unsupported.empty() ? "" : " with " + reading.unsupported));
    return false;
  }
  // _set_method_authorizer: the authorizer's scopes, or the event's when it gives some.
  const std::string& name = reading.authorizer;
  const Node* scopes = nullptr;
  if (name != "NONE" && name != "AWS_IAM") {
    const Node* apiAuth = api.properties.get("Auth");
    const Node* authorizer = given(given(apiAuth, "Authorizers"), name);
    const Node* own = given(authorizer, "AuthorizationScopes");
    const Node* eventScopes = eventAuth.get("AuthorizationScopes");
    if (truthy(eventScopes)) own = eventScopes;
    if (truthy(authorizer) && truthy(own)) scopes = own;
  }
  PyObject security = PyObject::dict(false);
  security.set(name, scopesValue(scopes), true);
  // iter_on_method_definitions_for_path_at_method: each branch of a conditional (Fn::If) path
  // item and method, but the definitions without an integration; one that is not a map is not
  // modelled (SAM rejects it).
  auto refuse = [&] {
    ctx.notSupported("API Gateway: Auth of HttpApi event " + eventId + " on its route");
    return false;
  };
  PyObject* paths = api.body.get("paths");
  std::vector<PyObject*> items, targets;
  if (!paths || !conditionalContents(paths->get(path), items)) return refuse();
  for (PyObject* item : items) {
    std::vector<PyObject*> definitions;
    if (!item || !item->isDict() || !conditionalContents(item->get(method.name), definitions))
      return refuse();
    for (PyObject* definition : definitions) {
      if (!definition || !definition->isDict() || definition->get("Fn::If")) return refuse();
      const PyObject* integration = definition->get("x-amazon-apigateway-integration");
      if (integration && sam::pythonTruthy(integration->toNode())) targets.push_back(definition);
    }
  }
  for (PyObject* target : targets) {
    PyObject& list = target->setdefault("security", PyObject::list());
    if (list.kind() != PyObject::Kind::kList) return refuse();
    list.push(security);
  }
  return true;
}

bool addHttpApiAuth(ExpandContext& ctx, const std::string& id, const HttpApi& api, PyObject& body) {
  std::optional<sam::HttpApiAuth> auth = readAuth(api);
  if (!auth) return true;
  auto refuse = [&](const std::string& what) {
    ctx.notSupported("API Gateway: Auth of HttpApi " + id + " on " + what);
    return false;
  };
  if (!auth->authorizers.empty()) {
    // The body's own securitySchemes, when it has some, take SAM's authorizers in.
    PyObject* components = body.get("components");
    PyObject* own =
        components && components->isDict() ? components->get("securitySchemes") : nullptr;
    if ((components && !components->isDict()) || (own && !own->isDict()))
      return refuse("a body whose components are not maps");
    PyObject schemes = own ? *own : PyObject::dict(true);
    for (const sam::HttpAuthorizer& authorizer : auth->authorizers)
      schemes.set(authorizer.name, securityScheme(ctx, authorizer), true);
    if (!components) components = &body.set("components", PyObject::dict(true));
    components->set("securitySchemes", std::move(schemes));
  }
  if (auth->defaultAuthorizer.empty()) return true;
  // set_path_default_authorizer: every method with an integration and no security of its own,
  // but OPTIONS (and a path's parameters).
  const sam::HttpAuthorizer* authorizer = auth->find(auth->defaultAuthorizer);
  PyObject* paths = body.get("paths");
  if (!authorizer || !paths || !paths->isDict()) return refuse("its paths");
  const Node* scopes =
      authorizer->config ? given(authorizer->config, "AuthorizationScopes") : nullptr;
  for (const std::string& path : paths->keys()) {
    // Each branch of a conditional (Fn::If) path item, and of a conditional method.
    std::vector<PyObject*> items;
    if (!conditionalContents(paths->get(path), items)) return refuse("the path item " + path);
    for (PyObject* branch : items) {
      PyObject& item = *branch;
      if (!item.isDict() || item.get("Fn::If")) return refuse("the path item " + path);
      for (const std::string& method : item.keys()) {
        std::string normalized = methodKey(method).name;
        if (normalized == "parameters" || normalized == "options") continue;
        if (!item.get(normalized)) return refuse("method " + method + " of " + path);
        std::vector<PyObject*> definitions;
        if (!conditionalContents(item.get(method), definitions))
          return refuse("method " + method + " of " + path);
        for (PyObject* definition : definitions) {
          if (!definition->isDict() || definition->get("Fn::If"))
            return refuse("method " + method + " of " + path);
          const PyObject* integration = definition->get("x-amazon-apigateway-integration");
          if (!integration) continue;
          if (!integration->isDict() || integration->keys().empty())
            return refuse("the integration of " + method + " " + path);
          if (const PyObject* existing = definition->get("security")) {
            if (existing->kind() != PyObject::Kind::kList)
              return refuse("the security of " + method + " " + path);
            if (!existing->items().empty()) continue;
          }
          PyObject security = PyObject::dict(false);
          security.set(auth->defaultAuthorizer, scopesValue(scopes), true);
          PyObject list = PyObject::list();
          list.push(std::move(security));
          definition->set("security", std::move(list));
        }
      }
    }
  }
  return true;
}

void addHttpAuthorizerPermissions(ExpandContext& ctx, const std::string& id, const HttpApi& api,
                                  const PassThrough& pass) {
  std::optional<sam::HttpApiAuth> auth = readAuth(api);
  if (!auth) return;
  for (const sam::HttpAuthorizer& authorizer : auth->authorizers) {
    if (authorizer.type != sam::HttpAuthorizerType::kRequest) continue;
    const Node* function = given(authorizer.config, "FunctionArn");
    const Node* enable = given(authorizer.config, "EnableFunctionDefaultPermissions");
    if (!truthy(function) || !enable || !enable->isBool() || !enable->boolValue()) continue;
    // ApiV2Generator._get_authorizer_permission.
    Node sourceArn = intrinsic(
        "Fn::Sub", seq({str("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
                            "${__ApiId__}/authorizers/*"),
                        map({{"__ApiId__", ref(id)}})}));
    ctx.add(id + authorizer.name + "AuthorizerPermission",
            makeResource("AWS::Lambda::Permission",
                         map({{"Action", str("lambda:InvokeFunction")},
                              {"FunctionName", *function},
                              {"Principal", str("apigateway.amazonaws.com")},
                              {"SourceArn", std::move(sourceArn)}}),
                         pass));
  }
}

}  // namespace samshift::expand::api
