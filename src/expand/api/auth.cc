#include "expand/api/auth.h"

#include <utility>
#include <vector>

#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kIam = "AWS_IAM";

// api.get("Auth") as the event and the generator read it: the mapping, or null.
const Node* authOf(const RestApi& api) {
  const Node* auth = api.properties.get("Auth");
  return auth && auth->isMapping() && sam::pythonTruthy(*auth) ? auth : nullptr;
}

// An Auth flag as the AuthProperties namedtuple gives it: the value, or its default.
bool flag(const Node& auth, const char* name, bool fallback) {
  const Node* value = auth.get(name);
  return value && value->isBool() ? value->boolValue() : fallback;
}

bool isDefaultIam(const Node& auth) {
  const Node* chosen = auth.get("DefaultAuthorizer");
  return chosen && chosen->isString(kIam);
}

PyObject emptySecurity(const std::string& name, bool unicodeKey) {
  PyObject security = PyObject::dict(true);
  security.set(name, PyObject::list(), unicodeKey);
  return security;
}

// ApiGatewayAuthorizer.generate_swagger for the AWS_IAM authorizer _get_authorizers makes.
PyObject iamSecurityDefinition() {
  PyObject definition = PyObject::dict(true);
  definition.set("type", PyObject::str("apiKey"));
  definition.set("name", PyObject::str("Authorization"));
  definition.set("in", PyObject::str("header"));
  definition.set("x-amazon-apigateway-authtype", PyObject::str("awsSigv4"));
  return definition;
}

// SwaggerEditor.add_apikey_security_definition.
PyObject apiKeySecurityDefinition() {
  PyObject definition = PyObject::dict(true);
  definition.set("type", PyObject::str("apiKey"));
  definition.set("name", PyObject::str("x-api-key"));
  definition.set("in", PyObject::str("header"));
  return definition;
}

// Auth.Authorizers in the order SAM's _get_authorizers walks them (the Py27Dict of the template).
std::vector<std::string> authorizerNames(const Node& auth) {
  const Node* authorizers = auth.get("Authorizers");
  if (!authorizers || !authorizers->isMapping()) return {};
  return PyObject::fromTemplate(*authorizers).keys();
}

const Node* authorizerField(const Node& authorizer, const char* name) {
  const Node* value = authorizer.get(name);
  return value && !value->isNull() ? value : nullptr;
}

bool truthy(const Node* value) { return value && sam::pythonTruthy(*value); }

bool isRequestAuthorizer(const Node& authorizer) {
  const Node* payload = authorizerField(authorizer, "FunctionPayloadType");
  return payload && payload->isString("REQUEST");
}

// ApiGatewayAuthorizer._get_identity_source: `, `-joined identity sources of a REQUEST authorizer.
std::optional<PyObject> identitySource(const Node& identity) {
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"Headers", "method.request.header."},
      {"QueryStrings", "method.request.querystring."},
      {"StageVariables", "stageVariables."},
      {"Context", "context."}};
  std::string joined;
  bool any = false;
  for (const auto& [key, prefix] : kPrefixes) {
    const Node* items = identity.get(key);
    if (!truthy(items)) continue;
    for (const Node& item : items->items()) {
      joined += (any ? ", " : "") + std::string(prefix) + item.text();
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return PyObject::str(joined, true);
}

// ApiGatewayAuthorizer.generate_swagger for a Cognito or Lambda authorizer checkAuth accepted.
PyObject authorizerSecurityDefinition(const std::string& partition, const Node& authorizer) {
  const Node* identity = authorizerField(authorizer, "Identity");
  if (identity && !sam::pythonTruthy(*identity)) identity = nullptr;
  const Node* userPool = authorizerField(authorizer, "UserPoolArn");
  bool cognito = truthy(userPool);
  bool request = !cognito && isRequestAuthorizer(authorizer);
  PyObject definition = PyObject::dict(true);
  definition.set("type", PyObject::str("apiKey"));
  const Node* header = identity ? identity->get("Header") : nullptr;
  if (request) {
    definition.set("name", PyObject::str("Unused"));
  } else if (truthy(header)) {
    definition.set("name", PyObject::fromTemplate(*header));
  } else {
    definition.set("name", PyObject::str("Authorization"));
  }
  definition.set("in", PyObject::str("header"));
  definition.set("x-amazon-apigateway-authtype",
                 PyObject::str(cognito ? "cognito_user_pools" : "custom"));
  PyObject settings = PyObject::dict(true);
  if (cognito) {
    settings.set("type", PyObject::str("cognito_user_pools"));
    if (userPool->isSequence()) {
      settings.set("providerARNs", PyObject::fromTemplate(*userPool));
    } else {
      PyObject arns = PyObject::list();
      arns.push(PyObject::fromTemplate(*userPool));
      settings.set("providerARNs", std::move(arns));
    }
  } else {
    settings.set("type", PyObject::str(request ? "request" : "token"));
    // fnSub of generate_arn: plain dicts and strs.
    PyObject variables = PyObject::dict(false);
    variables.set("__FunctionArn__",
                  PyObject::fromTemplate(*authorizerField(authorizer, "FunctionArn")));
    PyObject arguments = PyObject::list();
    arguments.push(PyObject::str("arn:" + partition +
                                 ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                                 "${__FunctionArn__}/invocations"));
    arguments.push(std::move(variables));
    PyObject uri = PyObject::dict(false);
    uri.set("Fn::Sub", std::move(arguments));
    settings.set("authorizerUri", std::move(uri));
    if (const Node* ttl = identity ? identity->get("ReauthorizeEvery") : nullptr;
        ttl && !ttl->isNull())
      settings.set("authorizerResultTtlInSeconds", PyObject::fromTemplate(*ttl));
    const Node* role = authorizerField(authorizer, "FunctionInvokeRole");
    if (truthy(role) && !role->isString("NONE"))
      settings.set("authorizerCredentials", PyObject::fromTemplate(*role));
    if (request) {
      if (auto source = identitySource(*identity))
        settings.set("identitySource", std::move(*source));
    }
  }
  if (!request && identity) {
    if (const Node* expression = identity->get("ValidationExpression"); truthy(expression))
      settings.set("identityValidationExpression", PyObject::fromTemplate(*expression));
  }
  definition.set("x-amazon-apigateway-authorizer", std::move(settings));
  return definition;
}

// Why samshift does not expand one authorizer SAM accepts or rejects, or empty.
std::string unsupportedAuthorizer(const std::string& name, const Node& authorizer) {
  if (!authorizer.isMapping() || authorizer.isIntrinsic()) return "an authorizer that is not a map";
  if (name == kIam) return "an authorizer named AWS_IAM";
  for (const MapEntry& entry : authorizer.entries()) {
    const std::string& key = entry.key.text();
    if (key != "UserPoolArn" && key != "FunctionArn" && key != "Identity" &&
        key != "FunctionPayloadType" && key != "FunctionInvokeRole" &&
        key != "AuthorizationScopes" && key != "DisableFunctionDefaultPermissions")
      return "authorizer property " + key;
  }
  const Node* payload = authorizerField(authorizer, "FunctionPayloadType");
  if (payload && !payload->isString("TOKEN") && !payload->isString("REQUEST"))
    return "FunctionPayloadType other than TOKEN or REQUEST";
  bool cognito = truthy(authorizerField(authorizer, "UserPoolArn"));
  if (!cognito && !truthy(authorizerField(authorizer, "FunctionArn")))
    return "an authorizer without UserPoolArn or FunctionArn";
  const Node* scopes = authorizerField(authorizer, "AuthorizationScopes");
  if (scopes && !scopes->isSequence()) return "AuthorizationScopes that are not a list";
  const Node* disable = authorizerField(authorizer, "DisableFunctionDefaultPermissions");
  if (disable && !disable->isBool()) return "DisableFunctionDefaultPermissions that is not a bool";
  const Node* identity = authorizerField(authorizer, "Identity");
  if (identity && sam::pythonTruthy(*identity) &&
      (!identity->isMapping() || identity->isIntrinsic()))
    return "an Identity that is not a map";
  if (identity && identity->isMapping()) {
    for (const char* key : {"Headers", "QueryStrings", "StageVariables", "Context"}) {
      const Node* items = identity->get(key);
      if (!truthy(items)) continue;
      if (!items->isSequence()) return std::string("Identity.") + key + " that is not a list";
      for (const Node& item : items->items()) {
        if (!item.isString())
          return std::string("Identity.") + key + " with an item that is not a string";
      }
    }
    const Node* ttl = identity->get("ReauthorizeEvery");
    if (ttl && !ttl->isNull() && !ttl->isInt()) return "ReauthorizeEvery that is not an integer";
  }
  bool identityGiven =
      identity && identity->isMapping() &&
      (truthy(identity->get("Headers")) || truthy(identity->get("QueryStrings")) ||
       truthy(identity->get("StageVariables")) || truthy(identity->get("Context")));
  // _is_missing_identity_source: SAM rejects a REQUEST authorizer without a source (unless its
  // ReauthorizeEvery is 0), which is not modelled yet.
  if (!cognito && isRequestAuthorizer(authorizer) && !identityGiven)
    return "a REQUEST authorizer without identity sources";
  return "";
}

// iter_on_all_methods_for_path over every path: the methods with an integration, with the
// normalized name. A SAM-managed body has no conditional path items or methods.
template <typename Visit>
void forEachIntegratedMethod(PyObject& body, Visit visit) {
  PyObject* paths = body.get("paths");
  for (const std::string& path : paths->keys()) {
    PyObject* item = paths->get(path);
    for (const std::string& name : item->keys()) {
      if (name == "summary" || name == "description" || name == "parameters") continue;
      PyObject* method = item->get(name);
      const PyObject* integration =
          method->isDict() ? method->get("x-amazon-apigateway-integration") : nullptr;
      if (!integration || !integration->isDict() || integration->keys().empty()) continue;
      visit(methodKey(name).name, *method);
    }
  }
}

}  // namespace

bool checkAuth(ExpandContext& ctx, const std::string& id, const RestApi& api) {
  const Node* auth = authOf(api);
  if (!auth) return true;
  std::string what = " of AWS::Serverless::Api " + id;
  if (!api.managed || !api.body) {
    ctx.notSupported("API Gateway: Auth on a DefinitionBody or DefinitionUri" + what);
    return false;
  }
  const Node* authorizers = auth->get("Authorizers");
  for (const MapEntry& entry : auth->entries()) {
    const std::string& key = entry.key.text();
    const Node& value = entry.value;
    std::string why;
    if (key == "DefaultAuthorizer") {
      // SAM rejects a DefaultAuthorizer that is not a string or names no authorizer.
      bool defined =
          value.isString() &&
          (value.isString(kIam) || (authorizers && authorizers->isMapping() &&
                                    !authorizers->isIntrinsic() && authorizers->has(value.text())));
      if (!value.isNull() && !defined) why = "DefaultAuthorizer not defined in Authorizers";
    } else if (key == "Authorizers") {
      if (!sam::pythonTruthy(value)) continue;
      if (!value.isMapping() || value.isIntrinsic()) {
        why = "Authorizers that are not a map";
      } else {
        for (const MapEntry& authorizer : value.entries()) {
          why = unsupportedAuthorizer(authorizer.key.text(), authorizer.value);
          if (!why.empty()) {
            why = "authorizer " + authorizer.key.text() + ": " + why;
            break;
          }
        }
      }
    } else if (key == "ApiKeyRequired" || key == "AddDefaultAuthorizerToCorsPreflight" ||
               key == "AddApiKeyRequiredToCorsPreflight") {
      if (!value.isBool() && !(key == "ApiKeyRequired" && value.isNull()))
        why = key + " that is not a bool";
    } else if (key == "InvokeRole") {
      if (!value.isNull() && !value.isString() && !value.isIntrinsic()) why = "this InvokeRole";
    } else {
      why = key;
    }
    if (!why.empty()) {
      ctx.notSupported("API Gateway: Auth" + what + ": " + why);
      return false;
    }
  }
  return true;
}

std::optional<PyObject> iamIntegrationCredentials(const ExpandContext& ctx, const RestApi& api) {
  const Node* auth = authOf(api);
  if (!auth || !isDefaultIam(*auth)) return std::nullopt;
  // _generate_integration_credentials: a falsy InvokeRole that is given means NONE (no
  // credentials); none or CALLER_CREDENTIALS means the caller's.
  const Node* role = auth->get("InvokeRole");
  if (role && !sam::pythonTruthy(*role)) return std::nullopt;
  if (role && role->isString("NONE")) return std::nullopt;
  if (role && !role->isString("CALLER_CREDENTIALS")) return PyObject::fromTemplate(*role);
  return PyObject::str("arn:" + ctx.partition() + ":iam::*:user/*");
}

void addAuth(const ExpandContext& ctx, RestApi& api) {
  const Node* auth = authOf(api);
  if (!auth || !api.body) return;  // checkAuth refused an API without a body
  PyObject& body = *api.body;
  body.deepcopy();  // SwaggerEditor.__init__
  // _get_authorizers: AWS_IAM when it is the default, then Authorizers.
  PyObject definitions = PyObject::dict(true);
  const Node* chosen = auth->get("DefaultAuthorizer");
  if (isDefaultIam(*auth)) definitions.set(kIam, iamSecurityDefinition(), true);
  for (const std::string& name : authorizerNames(*auth)) {
    definitions.set(
        name, authorizerSecurityDefinition(ctx.partition(), *auth->get("Authorizers")->get(name)),
        true);
  }
  if (chosen && chosen->isString()) {
    // set_path_default_authorizer: the default with its AuthorizationScopes, on methods that
    // carry no security of their own yet (a managed body's do not).
    const Node* authorizer =
        isDefaultIam(*auth) ? nullptr : auth->get("Authorizers")->get(chosen->text());
    const Node* scopes = authorizer ? authorizerField(*authorizer, "AuthorizationScopes") : nullptr;
    bool toPreflight = flag(*auth, "AddDefaultAuthorizerToCorsPreflight", true);
    forEachIntegratedMethod(body, [&](const std::string& name, PyObject& method) {
      if (!toPreflight && name == "options") return;
      PyObject security = PyObject::dict(true);
      security.set(chosen->text(), scopes ? PyObject::fromTemplate(*scopes) : PyObject::list(),
                   true);
      PyObject list = PyObject::list();
      list.push(std::move(security));
      method.set("security", std::move(list));
    });
  }
  const Node* apiKeyRequired = auth->get("ApiKeyRequired");
  if (apiKeyRequired && sam::pythonTruthy(*apiKeyRequired)) {
    definitions.set("api_key", apiKeySecurityDefinition());
    bool toPreflight = flag(*auth, "AddApiKeyRequiredToCorsPreflight", true);
    forEachIntegratedMethod(body, [&](const std::string& name, PyObject& method) {
      if (!toPreflight && name == "options") return;  // the security it had stays
      PyObject* existing = method.get("security");
      if (!existing) existing = &method.set("security", PyObject::list());
      existing->push(emptySecurity("api_key", false));
    });
  }
  // The editor's swagger property: securityDefinitions last, when there are any, then a copy.
  if (!definitions.keys().empty()) body.set("securityDefinitions", std::move(definitions));
  body.deepcopy();
}

void addAuthorizerPermissions(ExpandContext& ctx, const std::string& id, const RestApi& api,
                              const PassThrough& pass) {
  const Node* auth = authOf(api);
  if (!auth) return;
  for (const std::string& name : authorizerNames(*auth)) {
    const Node& authorizer = *auth->get("Authorizers")->get(name);
    const Node* function = authorizerField(authorizer, "FunctionArn");
    const Node* disable = authorizerField(authorizer, "DisableFunctionDefaultPermissions");
    if (!truthy(function) || truthy(disable)) continue;
    Node sourceArn = intrinsic(
        "Fn::Sub",
        seq({str("arn:" + ctx.partition() +
                 ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*"),
             map({{"__ApiId__", ref(id)}})}));
    ctx.add(id + name + "AuthorizerPermission",
            makeResource("AWS::Lambda::Permission",
                         map({{"Action", str("lambda:InvokeFunction")},
                              {"FunctionName", PyObject::fromTemplate(*function).toNode()},
                              {"Principal", str("apigateway.amazonaws.com")},
                              {"SourceArn", std::move(sourceArn)}}),
                         pass));
  }
}

}  // namespace samshift::expand::api
