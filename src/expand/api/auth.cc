#include "expand/api/auth.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "expand/api/resource_policy.h"
#include "expand/api/swagger.h"
#include "expand/api/usage_plan.h"
#include "expand/builders.h"
#include "sam/api_auth_validation.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kIam = "AWS_IAM";

// api.get("Auth") when it is truthy.
const Node* givenAuth(const RestApi& api) {
  const Node* auth = api.properties.get("Auth");
  return auth && sam::pythonTruthy(*auth) ? auth : nullptr;
}

std::string unsupportedAuth(const RestApi& api);

// The API's Auth as the event and the generator read it, when samshift expands it: an API whose
// Auth was refused may still be walked, and must not be read.
const Node* authOf(const RestApi& api) {
  const Node* auth = givenAuth(api);
  return auth && unsupportedAuth(api).empty() ? auth : nullptr;
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

using sam::truthy;

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
  // _get_authorizers reads the properties it knows and ignores the others (those of an HTTP
  // API's authorizer, mostly).
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
  }
  // _is_missing_identity_source: SAM rejects a REQUEST authorizer without a source, unless its
  // ReauthorizeEvery is 0 (src/sam reports it).
  if (!cognito && isRequestAuthorizer(authorizer) &&
      sam::missingIdentitySource(identity).value_or(true))
    return "a REQUEST authorizer without identity sources";
  return "";
}

// iter_on_all_methods_for_path over every path (iter_on_path): the method definitions with an
// integration, inside conditionals too, with the normalized name. False where SwaggerEditor
// rejects the body (a path item or method definition that is not a map), which src/sam reports.
template <typename Visit>
bool forEachIntegratedMethod(PyObject& body, Visit visit) {
  PyObject* paths = body.get("paths");
  if (!paths || !paths->isDict()) return false;
  for (const std::string& path : paths->keys()) {
    std::vector<PyObject*> items;
    if (!conditionalContents(paths->get(path), items)) return false;
    for (PyObject* item : items) {
      if (!item || !item->isDict()) return false;
      for (const std::string& name : item->keys()) {
        if (name == "summary" || name == "description" || name == "parameters") continue;
        std::vector<PyObject*> methods;
        if (!conditionalContents(item->get(name), methods)) return false;
        for (PyObject* method : methods) {
          if (!method || !method->isDict()) return false;
          const PyObject* integration = method->get("x-amazon-apigateway-integration");
          if (!integration || !sam::pythonTruthy(integration->toNode())) continue;
          if (!visit(path, methodKey(name).name, *method)) return false;
        }
      }
    }
  }
  return true;
}

// SwaggerEditor.add_awsiam_security_definition (its own key order).
void addIamSecurityDefinition(PyObject& definitions) {
  if (definitions.get(kIam)) return;
  PyObject iam = PyObject::dict(true);
  iam.set("x-amazon-apigateway-authtype", PyObject::str("awsSigv4"));
  iam.set("type", PyObject::str("apiKey"));
  iam.set("name", PyObject::str("Authorization"));
  iam.set("in", PyObject::str("header"));
  definitions.set(kIam, std::move(iam));
}

bool hasAnyKey(const PyObject& entry, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (entry.isDict() && entry.get(name)) return true;
  }
  return false;
}

PyObject listOf(std::vector<PyObject> items) {
  PyObject list = PyObject::list();
  for (PyObject& item : items) list.push(std::move(item));
  return list;
}

// The method's security as SAM reads it (`method.get("security", [])`). False where SAM rejects
// it: not a list, or an entry that is not a map.
bool existingSecurity(const PyObject& method, std::vector<PyObject>& out) {
  const PyObject* security = method.get("security");
  if (!security) return true;
  if (security->kind() != PyObject::Kind::kList) return false;
  out = security->items();
  return std::all_of(out.begin(), out.end(), [](const PyObject& entry) { return entry.isDict(); });
}

// set_path_default_authorizer for one method: an event's NONE marker drops the default, an
// event's authorizer stays (after the other entries), else the default with its scopes.
bool setDefaultAuthorizer(PyObject& method, const std::string& chosen, const Node* scopes,
                          const std::vector<std::string>& authorizerNames, PyObject& definitions) {
  std::vector<PyObject> existing, others, authorizers;
  if (!existingSecurity(method, existing)) return false;
  for (PyObject& entry : existing)
    (hasAnyKey(entry, authorizerNames) ? authorizers : others).push_back(std::move(entry));
  auto none = std::find_if(others.begin(), others.end(),
                           [](const PyObject& entry) { return entry.get("NONE") != nullptr; });
  if (none != others.end()) {
    others.erase(none);
    authorizers.clear();
  } else if (authorizers.empty()) {
    PyObject entry = PyObject::dict(true);
    entry.set(chosen, scopes ? PyObject::fromTemplate(*scopes) : PyObject::list(), true);
    authorizers.push_back(std::move(entry));
  }
  for (PyObject& entry : authorizers) others.push_back(std::move(entry));
  if (others.empty()) return true;
  bool iamFirst = others.front().get(kIam) != nullptr;
  method.set("security", listOf(std::move(others)));
  if (iamFirst) addIamSecurityDefinition(definitions);
  return true;
}

// set_path_default_apikey_required for one method: an event's api_key_false marker drops the
// default; OPTIONS keeps only the other entries unless the preflight requires the key too.
bool setDefaultApiKeyRequired(PyObject& method, bool required) {
  std::vector<PyObject> others, apiKeys;
  std::vector<PyObject> existing;
  if (!existingSecurity(method, existing)) return false;
  for (const PyObject& entry : existing)
    (hasAnyKey(entry, {"api_key", "api_key_false"}) ? apiKeys : others).push_back(entry);
  bool markedFalse = std::any_of(apiKeys.begin(), apiKeys.end(), [](const PyObject& entry) {
    return entry.get("api_key_false") != nullptr;
  });
  std::vector<PyObject> security = others;
  if (!markedFalse && required) security.push_back(emptySecurity("api_key", false));
  bool ok = true;
  if (listOf(security).repr(ok) != listOf(existing).repr(ok))
    method.set("security", listOf(std::move(security)));
  return true;
}

// Why samshift does not expand the API's truthy Auth, or empty.
std::string unsupportedAuth(const RestApi& api) {
  const Node* auth = givenAuth(api);
  if (!auth) return "";
  if (!auth->isMapping() || auth->isIntrinsic()) return "Auth that is not a map";
  // SAM rejects Auth with a DefinitionUri, or on a body that is not Swagger (src/sam says so).
  if (!api.body) return "Auth with a DefinitionUri";
  if (!isValidSwagger(*api.body))
    return "Auth on a DefinitionBody that is not Swagger or OpenAPI 3";
  if (const PyObject* existing = api.body->get("securityDefinitions");
      existing && !existing->isDict() && sam::pythonTruthy(existing->toNode()))
    return "securityDefinitions that are not a map";
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
    } else if (key == "ResourcePolicy") {
      // checkAuth reads it with its parameters resolved.
      continue;
    } else if (key == "UsagePlan") {
      why = unsupportedUsagePlan(value);
    } else if (key == "InvokeRole") {
      if (!value.isNull() && !value.isString() && !value.isIntrinsic()) why = "this InvokeRole";
    } else {
      why = key;
    }
    if (!why.empty()) return why;
  }
  return "";
}

}  // namespace

bool checkAuth(ExpandContext& ctx, const std::string& id, const RestApi& api) {
  std::string why = unsupportedAuth(api);
  const Node* auth = givenAuth(api);
  const Node* policy = auth && why.empty() ? auth->get("ResourcePolicy") : nullptr;
  if (policy && sam::pythonTruthy(*policy)) {
    // SamApi.to_cloudformation resolves the parameters of Auth.
    why = unsupportedResourcePolicy(ctx.resolve(*policy));
  }
  if (why.empty()) return true;
  ctx.notSupported("API Gateway: Auth of AWS::Serverless::Api " + id + ": " + why);
  return false;
}

std::optional<PyObject> iamIntegrationCredentials(const ExpandContext& ctx, const RestApi& api,
                                                  const Node* eventAuth) {
  const Node* auth = authOf(api);
  if (eventAuth && !sam::pythonTruthy(*eventAuth)) eventAuth = nullptr;
  const Node* methodAuthorizer = eventAuth ? eventAuth->get("Authorizer") : nullptr;
  bool methodIam = methodAuthorizer && methodAuthorizer->isString(kIam);
  if (!methodIam && !(auth && isDefaultIam(*auth) && !eventAuth)) return std::nullopt;
  // method_invoke_role or api_invoke_role; a falsy one that is given means NONE (no
  // credentials); none or CALLER_CREDENTIALS means the caller's.
  const Node* role = eventAuth ? eventAuth->get("InvokeRole") : nullptr;
  bool methodNone = role && !sam::pythonTruthy(*role);
  if (!role || methodNone) {
    if (methodNone) return std::nullopt;
    role = auth ? auth->get("InvokeRole") : nullptr;
    if (role && !sam::pythonTruthy(*role)) return std::nullopt;
  }
  if (role && role->isString("NONE")) return std::nullopt;
  if (role && !role->isString("CALLER_CREDENTIALS")) return PyObject::fromTemplate(*role);
  return PyObject::str("arn:" + ctx.partition() + ":iam::*:user/*");
}

std::optional<MethodAuth> methodAuth(ExpandContext& ctx, const std::string& eventId,
                                     const RestApi& api, const Node& eventAuth) {
  std::string what = "Auth of Api event " + eventId;
  auto refuse = [&](const std::string& why) {
    ctx.notSupported("API Gateway: " + what + ": " + why);
    return std::nullopt;
  };
  MethodAuth out;
  if (!sam::pythonTruthy(eventAuth)) return out;
  if (!eventAuth.isMapping() || eventAuth.isIntrinsic()) return refuse("not a map");
  // Api.to_cloudformation: the event's Auth edits an API's own DefinitionBody only with
  // OverrideApiAuth (which does nothing more on a body SAM manages); otherwise SAM ignores it,
  // but with MergeDefinitions, where _add_swagger_integration gives it to the method it builds on
  // a fresh skeleton (merged into the body later).
  const Node* override = eventAuth.get("OverrideApiAuth");
  if (override && sam::pythonTruthy(*override)) {
    if (api.managed) return refuse("OverrideApiAuth on an API SAM manages");
    out.onDefinitionBody = true;
  } else if (!api.managed && !api.mergeDefinitions) {
    return out;
  }
  if (!api.body || !isValidSwagger(*api.body))
    return refuse("OverrideApiAuth on a definition that is not an inline Swagger document");
  for (const MapEntry& entry : eventAuth.entries()) {
    const std::string& key = entry.key.text();
    if (key != "Authorizer" && key != "AuthorizationScopes" && key != "ApiKeyRequired" &&
        key != "InvokeRole" && key != "ResourcePolicy" && key != "OverrideApiAuth")
      return refuse(key);
  }
  // SAM rejects OverrideApiAuth without either (src/sam reports it).
  if (out.onDefinitionBody && !truthy(eventAuth.get("Authorizer")) &&
      !truthy(eventAuth.get("ApiKeyRequired")))
    return refuse("OverrideApiAuth without Authorizer or ApiKeyRequired");
  if (const Node* policy = eventAuth.get("ResourcePolicy"); policy && sam::pythonTruthy(*policy)) {
    // The event's ResourcePolicy on the API's own DefinitionBody is not modelled, nor with
    // MergeDefinitions (the skeleton's policy is not merged).
    if (out.onDefinitionBody) return refuse("ResourcePolicy with OverrideApiAuth");
    if (api.mergeDefinitions) return refuse("ResourcePolicy with MergeDefinitions");
    std::string why = unsupportedResourcePolicy(*policy);
    if (!why.empty()) return refuse(why);
    out.resourcePolicy = *policy;
    // Api._get_permissions: the stage suffix (the explicit API's StageName when a string).
    if (api.implicit || !api.stageName.isString()) {
      out.stage = PyObject::str(api.implicit ? "Prod" : "Stage");
    } else {
      out.stage = PyObject::str(api.stageName.text(), true);
    }
  }
  const Node* apiAuth = authOf(api);
  const Node* apiAuthorizers = apiAuth ? apiAuth->get("Authorizers") : nullptr;
  if (apiAuthorizers && !sam::pythonTruthy(*apiAuthorizers)) apiAuthorizers = nullptr;
  const Node* authorizer = eventAuth.get("Authorizer");
  if (authorizer && sam::pythonTruthy(*authorizer)) {
    // add_auth_to_swagger's checks, all of them rejections: refused here until they are SAM
    // problems of their own.
    if (!authorizer->isString()) return refuse("an Authorizer that is not a string");
    const std::string& name = authorizer->text();
    if (name == "NONE") {
      const Node* chosen = apiAuth ? apiAuth->get("DefaultAuthorizer") : nullptr;
      if (!chosen || !sam::pythonTruthy(*chosen)) return refuse("NONE without a DefaultAuthorizer");
    } else if (name != kIam && (!apiAuthorizers || !apiAuthorizers->has(name) ||
                                !sam::pythonTruthy(*apiAuthorizers->get(name)))) {
      return refuse("Authorizer " + name + " not defined in the API's Authorizers");
    }
    out.authorizer = name;
    // _set_method_authorizer: the event's scopes, else the authorizer's, when it is defined.
    const Node* scopes = eventAuth.get("AuthorizationScopes");
    if (scopes && scopes->isNull()) scopes = nullptr;
    const Node* defined = name != "NONE" && apiAuthorizers ? apiAuthorizers->get(name) : nullptr;
    if (defined && !scopes) scopes = defined->get("AuthorizationScopes");
    if (defined && scopes && !scopes->isNull()) out.scopes = PyObject::fromTemplate(*scopes);
  }
  if (const Node* scopes = eventAuth.get("AuthorizationScopes");
      scopes && sam::pythonTruthy(*scopes)) {
    if (!scopes->isSequence()) return refuse("AuthorizationScopes that are not a list");
    if (!out.authorizer) return refuse("AuthorizationScopes without an Authorizer");
  }
  if (const Node* required = eventAuth.get("ApiKeyRequired"); required && !required->isNull()) {
    if (!required->isBool()) return refuse("ApiKeyRequired that is not a bool");
    const Node* apiRequired = apiAuth ? apiAuth->get("ApiKeyRequired") : nullptr;
    if (!required->boolValue() && !(apiRequired && sam::pythonTruthy(*apiRequired)))
      return refuse("ApiKeyRequired false without the API's ApiKeyRequired");
    out.apiKeyRequired = required->boolValue();
  }
  if (const Node* role = eventAuth.get("InvokeRole");
      role && !role->isNull() && !role->isString() && !role->isIntrinsic())
    return refuse("this InvokeRole");
  return out;
}

bool addMethodAuth(PyObject& body, const std::string& path, const MethodKey& method,
                   const MethodAuth& auth) {
  if (!auth.authorizer && !auth.apiKeyRequired && !auth.resourcePolicy) return true;
  PyObject* definitions = body.get("securityDefinitions");
  PyObject fresh = PyObject::dict(true);
  if (definitions && !definitions->isDict() && sam::pythonTruthy(definitions->toNode()))
    return false;  // SAM fails on it
  if (!definitions || !definitions->isDict() || definitions->keys().empty()) definitions = &fresh;
  // iter_on_method_definitions_for_path_at_method: the method's definitions with an integration.
  std::vector<PyObject*> targets;
  std::vector<PyObject*> items;
  PyObject* paths = body.get("paths");
  if (!paths || !conditionalContents(paths->get(path), items)) return false;
  for (PyObject* item : items) {
    if (!item || !item->isDict()) return false;
    std::vector<PyObject*> methods;
    if (!conditionalContents(item->get(method.name), methods)) return false;
    for (PyObject* target : methods) {
      if (!target || !target->isDict()) return false;
      const PyObject* integration = target->get("x-amazon-apigateway-integration");
      if (integration && sam::pythonTruthy(integration->toNode())) targets.push_back(target);
    }
  }
  std::vector<PyObject> existing;
  for (PyObject* target : targets) {
    if (!existingSecurity(*target, existing)) return false;
  }
  auto append = [](PyObject& target, PyObject entry) {
    PyObject* security = target.get("security");
    if (!security) security = &target.set("security", PyObject::list());
    security->push(std::move(entry));
  };
  if (auth.authorizer) {
    for (PyObject* target : targets) {
      // The key is the template's string.
      PyObject entry = PyObject::dict(true);
      entry.set(*auth.authorizer, auth.scopes ? *auth.scopes : PyObject::list(), true);
      append(*target, std::move(entry));
      if (target->get("security")->item(0)->get(kIam)) addIamSecurityDefinition(*definitions);
    }
  }
  if (auth.apiKeyRequired) {
    for (PyObject* target : targets) {
      append(*target, emptySecurity(*auth.apiKeyRequired ? "api_key" : "api_key_false", false));
      if (*auth.apiKeyRequired && !definitions->get("api_key"))
        definitions->set("api_key", apiKeySecurityDefinition());
    }
  }
  if (auth.resourcePolicy) {
    addResourcePolicy(body, *auth.resourcePolicy, path, auth.stage, true);
    addCustomStatements(body, *auth.resourcePolicy);
  }
  // The editor's swagger property.
  if (!definitions->keys().empty() && definitions == &fresh)
    body.set("securityDefinitions", std::move(fresh));
  return true;
}

bool addAuth(ExpandContext& ctx, const std::string& id, RestApi& api) {
  const Node* auth = authOf(api);
  if (!auth || !api.body) return true;  // checkAuth refused an API without a body
  PyObject& body = *api.body;
  body.deepcopy();  // SwaggerEditor.__init__
  // The editor's security_definitions: the body's (the events' editors may have written them).
  PyObject definitions = PyObject::dict(true);
  if (const PyObject* existing = body.get("securityDefinitions"); existing && existing->isDict())
    definitions = *existing;
  // _get_authorizers: AWS_IAM when it is the default, then Authorizers.
  const Node* chosen = auth->get("DefaultAuthorizer");
  std::vector<std::string> names = authorizerNames(*auth);
  if (isDefaultIam(*auth)) definitions.set(kIam, iamSecurityDefinition(), true);
  for (const std::string& name : names) {
    definitions.set(
        name, authorizerSecurityDefinition(ctx.partition(), *auth->get("Authorizers")->get(name)),
        true);
  }
  bool valid = true;
  // _set_default_authorizer, when there are authorizers.
  if (chosen && chosen->isString() && (isDefaultIam(*auth) || !names.empty())) {
    const Node* authorizer =
        isDefaultIam(*auth) ? nullptr : auth->get("Authorizers")->get(chosen->text());
    const Node* scopes = authorizer ? authorizerField(*authorizer, "AuthorizationScopes") : nullptr;
    names.push_back(kIam);
    bool toPreflight = flag(*auth, "AddDefaultAuthorizerToCorsPreflight", true);
    valid = forEachIntegratedMethod(
        body, [&](const std::string&, const std::string& name, PyObject& method) {
          if (!toPreflight && name == "options") return true;
          return setDefaultAuthorizer(method, chosen->text(), scopes, names, definitions);
        });
  }
  const Node* apiKeyRequired = auth->get("ApiKeyRequired");
  if (valid && apiKeyRequired && sam::pythonTruthy(*apiKeyRequired)) {
    if (!definitions.get("api_key")) definitions.set("api_key", apiKeySecurityDefinition());
    bool toPreflight = flag(*auth, "AddApiKeyRequiredToCorsPreflight", true);
    valid = forEachIntegratedMethod(
        body, [&](const std::string&, const std::string& name, PyObject& method) {
          return setDefaultApiKeyRequired(method, toPreflight || name != "options");
        });
  }
  if (!valid) {
    // SwaggerEditor rejects the body (src/sam reports it): samshift never gets here with it.
    ctx.notSupported("API Gateway: the definition of " + id + " as SAM's Auth reads it");
    return false;
  }
  if (const Node* policy = auth->get("ResourcePolicy"); policy && sam::pythonTruthy(*policy)) {
    // checkAuth resolved it once without failing.
    Node resolved = ctx.params.resolve(*policy).value;
    PyObject stage = editorStage(api);
    for (const std::string& path : body.get("paths")->keys())
      addResourcePolicy(body, resolved, path, stage, body.get("paths")->keyIsUnicode(path));
    addCustomStatements(body, resolved);
  }
  // The editor's swagger property: securityDefinitions, when there are any, then a copy.
  if (!definitions.keys().empty()) body.set("securityDefinitions", std::move(definitions));
  body.deepcopy();
  return true;
}

PyObject editorStage(const RestApi& api) {
  return api.implicit ? PyObject::str("Prod") : PyObject::fromTemplate(api.stageName);
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
