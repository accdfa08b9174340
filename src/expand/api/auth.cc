#include "expand/api/auth.h"

#include "expand/api/swagger.h"
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
  for (const MapEntry& entry : auth->entries()) {
    const std::string& key = entry.key.text();
    const Node& value = entry.value;
    bool supported = false;
    if (key == "DefaultAuthorizer") {
      supported = value.isNull() || value.isString(kIam);
    } else if (key == "ApiKeyRequired" || key == "AddDefaultAuthorizerToCorsPreflight" ||
               key == "AddApiKeyRequiredToCorsPreflight") {
      supported = value.isBool() || (key == "ApiKeyRequired" && value.isNull());
    } else if (key == "InvokeRole") {
      supported = value.isNull() || value.isString() || value.isIntrinsic();
    }
    if (!supported) {
      ctx.notSupported("API Gateway: Auth." + key + what +
                       " (only DefaultAuthorizer AWS_IAM, ApiKeyRequired, InvokeRole and the"
                       " CORS preflight switches)");
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

void addAuth(RestApi& api) {
  const Node* auth = authOf(api);
  if (!auth || !api.body) return;  // checkAuth refused an API without a body
  PyObject& body = *api.body;
  body.deepcopy();  // SwaggerEditor.__init__
  bool defaultIam = isDefaultIam(*auth);
  const Node* apiKeyRequired = auth->get("ApiKeyRequired");
  bool apiKey = apiKeyRequired && sam::pythonTruthy(*apiKeyRequired);
  if (!defaultIam && !apiKey) {
    body.deepcopy();  // the editor's swagger property
    return;
  }
  PyObject definitions = PyObject::dict(true);
  if (defaultIam) {
    // The key is the template's DefaultAuthorizer string, as in the method's security.
    definitions.set(kIam, iamSecurityDefinition(), true);
    bool toPreflight = flag(*auth, "AddDefaultAuthorizerToCorsPreflight", true);
    forEachIntegratedMethod(body, [&](const std::string& name, PyObject& method) {
      if (!toPreflight && name == "options") return;
      // A managed body's methods carry no security of their own yet.
      PyObject security = PyObject::list();
      security.push(emptySecurity(kIam, true));
      method.set("security", std::move(security));
    });
  }
  if (apiKey) {
    definitions.set("api_key", apiKeySecurityDefinition());
    bool toPreflight = flag(*auth, "AddApiKeyRequiredToCorsPreflight", true);
    forEachIntegratedMethod(body, [&](const std::string& name, PyObject& method) {
      if (!toPreflight && name == "options") return;  // the security it had stays
      PyObject* existing = method.get("security");
      if (!existing) existing = &method.set("security", PyObject::list());
      existing->push(emptySecurity("api_key", false));
    });
  }
  body.set("securityDefinitions", std::move(definitions));
  body.deepcopy();  // the editor's swagger property
}

}  // namespace samshift::expand::api
