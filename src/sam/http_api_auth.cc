#include "sam/http_api_auth.h"

#include <utility>

#include "sam/api_validation.h"
#include "sam/deployment_model.h"
#include "sam/editor_conditionals.h"
#include "sam/globals.h"
#include "sam/http_api_events.h"
#include "sam/policies.h"
#include "sam/py27_hash.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kAuthCode = "http-api-auth-invalid";
constexpr const char* kEventAuthCode = "http-api-event-auth-invalid";
constexpr const char* kImplicitHttpApi = "ServerlessHttpApi";

// dict.get: a key given null is None, as an absent one.
const Node* given(const Node* map, std::string_view key) {
  const Node* value = map && map->isMapping() ? map->get(key) : nullptr;
  return value && !value->isNull() ? value : nullptr;
}

// isinstance(value, dict) for SAM: an intrinsic is a dict too, but samshift does not follow SAM
// into one where it takes a map of its own keys.
enum class MapKind { kMap, kNotMap, kIntrinsic };
MapKind mapKind(const Node& value) {
  if (!value.isMapping()) return MapKind::kNotMap;
  return value.isIntrinsic() ? MapKind::kIntrinsic : MapKind::kMap;
}

HttpApiAuthReading rejected(std::string message, const Node* node) {
  HttpApiAuthReading reading;
  reading.problem = SamProblem{kAuthCode, std::move(message), node, true, {}};
  return reading;
}

HttpApiAuthReading unsupported(std::string why) {
  HttpApiAuthReading reading;
  reading.unsupported = std::move(why);
  return reading;
}

// ApiGatewayV2Authorizer.PROPERTY_DISPLAY, in its order, with the authorizer types that take each.
struct AuthorizerProperty {
  const char* name;
  const char* supportedFor;
  bool jwt;
};
constexpr AuthorizerProperty kAuthorizerProperties[] = {
    {"AuthorizationScopes", "OAuth2 Authorizer", true},
    {"JwtConfiguration", "OAuth2 Authorizer", true},
    {"IdentitySource",
     "OAuth2 Authorizer. For Lambda Authorizer, use the 'Identity' property instead", true},
    {"FunctionArn", "Lambda Authorizer", false},
    {"FunctionInvokeRole", "Lambda Authorizer", false},
    {"Identity", "Lambda Authorizer", false},
    {"AuthorizerPayloadFormatVersion", "Lambda Authorizer", false},
    {"EnableSimpleResponses", "Lambda Authorizer", false},
    {"EnableFunctionDefaultPermissions", "Lambda Authorizer", false},
};

// ApiGatewayV2Authorizer's constructor and generate_openapi for one of the user's authorizers.
std::optional<HttpApiAuthReading> authorizerProblem(const std::string& name, const Node& config,
                                                    HttpAuthorizerType& type) {
  // _get_jwt_configuration: a falsy JwtConfiguration is none.
  const Node* jwt = config.get("JwtConfiguration");
  if (truthy(jwt)) {
    MapKind kind = mapKind(*jwt);
    if (kind == MapKind::kIntrinsic) return unsupported("an intrinsic JwtConfiguration");
    if (kind == MapKind::kNotMap)
      return rejected("Property 'JwtConfiguration' should be a map.", jwt);
  }
  type = truthy(jwt) ? HttpAuthorizerType::kJwt : HttpAuthorizerType::kRequest;
  // _validate_input_parameters.
  if (const Node* scopes = given(&config, "AuthorizationScopes"); scopes && !scopes->isSequence())
    return rejected("AuthorizationScopes must be a list.", scopes);
  bool isJwt = type == HttpAuthorizerType::kJwt;
  for (const AuthorizerProperty& property : kAuthorizerProperties) {
    const Node* value = std::string_view(property.name) == "JwtConfiguration"
                            ? (truthy(jwt) ? jwt : nullptr)
                            : given(&config, property.name);
    if (value && property.jwt != isJwt) {
      return rejected(
          std::string(property.name) + " is only supported for " + property.supportedFor + ".",
          value);
    }
  }
  if (isJwt) {
    if (!truthy(given(&config, "IdentitySource")))
      return rejected(name + " OAuth2 Authorizer must define 'IdentitySource'.", &config);
  } else {
    if (!truthy(given(&config, "FunctionArn")))
      return rejected(name + " Lambda Authorizer must define 'FunctionArn'.", &config);
    if (!truthy(given(&config, "AuthorizerPayloadFormatVersion")))
      return rejected(name + " Lambda Authorizer must define 'AuthorizerPayloadFormatVersion'.",
                      &config);
  }
  if (const Node* enable = given(&config, "EnableFunctionDefaultPermissions");
      enable && !enable->isBool()) {
    return rejected(
        "Property 'Authorizers." + name + ".EnableFunctionDefaultPermissions' should be a boolean.",
        enable);
  }
  return std::nullopt;
}

// generate_openapi of a Lambda authorizer: its Identity.
std::optional<HttpApiAuthReading> identityProblem(const std::string& name, const Node& config) {
  const Node* identity = config.get("Identity");
  if (!truthy(identity)) return std::nullopt;
  MapKind kind = mapKind(*identity);
  if (kind == MapKind::kIntrinsic) return unsupported("an intrinsic Identity");
  std::string path = "Authorizers." + name + ".Identity";
  if (kind == MapKind::kNotMap)
    return rejected("Property 'Auth." + path + "' should be a map.", identity);
  for (const char* key : {"Headers", "QueryStrings", "StageVariables", "Context"}) {
    const Node* values = identity->get(key);
    if (!truthy(values)) continue;
    std::string keyPath = path + "." + key;
    if (!values->isSequence())
      return rejected("Property '" + keyPath + "' should be a list.", values);
    for (size_t i = 0; i < values->items().size(); ++i) {
      if (!values->items()[i].isString()) {
        return rejected("Property '" + keyPath + "[" + std::to_string(i) + "]' should be a string.",
                        &values->items()[i]);
      }
    }
  }
  return std::nullopt;
}

// Python's str() of a value SAM puts in a message ("Unable to set Authorizer [...]"): a string
// as it is, containers as their repr(), with u'…' strings when SAM made the events Python 2.7
// compatible (`py27`), whose dicts iterate in an order not modelled here. False for what
// samshift does not print like Python.
bool pythonStr(const Node& value, bool top, bool py27, std::string& out) {
  switch (value.kind()) {
    case model::NodeKind::kNull:
      out += "None";
      return true;
    case model::NodeKind::kBool:
      out += value.boolValue() ? "True" : "False";
      return true;
    case model::NodeKind::kInt:
      out += value.text();
      return !value.text().empty();
    case model::NodeKind::kString:
      if (top) {
        out += value.text();
        return true;
      }
      for (char c : value.text()) {
        if (c == '\'' || c == '\\' || static_cast<unsigned char>(c) < 0x20 ||
            static_cast<unsigned char>(c) >= 0x7f)
          return false;
      }
      out += (py27 ? "u'" : "'") + value.text() + "'";
      return true;
    case model::NodeKind::kSequence: {
      out += "[";
      bool first = true;
      for (const Node& item : value.items()) {
        if (!first) out += ", ";
        first = false;
        if (!pythonStr(item, false, py27, out)) return false;
      }
      out += "]";
      return true;
    }
    case model::NodeKind::kMapping: {
      if (py27 && value.entries().size() > 1) return false;
      out += "{";
      bool first = true;
      for (const MapEntry& entry : value.entries()) {
        if (!first) out += ", ";
        first = false;
        if (!pythonStr(entry.key, false, py27, out)) return false;
        out += ": ";
        if (!pythonStr(entry.value, false, py27, out)) return false;
      }
      out += "}";
      return true;
    }
    default:
      return false;
  }
}

// A resource's Properties as SAM's dict.get("Properties", {}) finds them: null when SAM would fail
// reading them (not a dict).
const Node* propertiesForPy27Check(const Node& resource, bool& ok) {
  const Node* props = resource.get("Properties");
  static const Node kNoProperties = Node::mapping();
  if (!props) return &kNoProperties;
  if (!props->isMapping()) ok = false;
  return props->isMapping() ? props : nullptr;
}

bool hasEventOfType(const Node& props, const char* type) {
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return false;
  for (const MapEntry& event : events->entries()) {
    if (event.value.isMapping() && truthy(&event.value) && event.value.get("Type") &&
        event.value.get("Type")->isString(type))
      return true;
  }
  return false;
}

// utils/py27hash_fix.py to_py27_compatible_template: SAM makes the events of functions Python 2.7
// compatible when the template has a REST API (explicit, or an Api event) or an HttpApi with a
// DefaultAuthorizer. nullopt when SAM's own check would fail.
std::optional<bool> eventsMadePy27(const model::Template& templ) {
  const Node* resources = templ.root().get("Resources");
  if (!resources || !resources->isMapping()) return std::nullopt;
  bool ok = true;
  const Node* globals = templ.globals();
  const Node* section = globals && globals->isMapping() ? globals->get("HttpApi") : nullptr;
  const Node* globalAuth = section && section->isMapping() ? section->get("Auth") : nullptr;
  bool globalDefault =
      globalAuth && globalAuth->isMapping() && truthy(globalAuth->get("DefaultAuthorizer"));
  bool api = false, httpDefault = false, httpEvent = false;
  for (const MapEntry& entry : resources->entries()) {
    const Node& resource = entry.value;
    if (!resource.isMapping()) continue;
    const Node* type = resource.get("Type");
    if (!type || !type->isString()) continue;
    if (type->text() == "AWS::Serverless::Api") api = true;
    bool function = type->text() == "AWS::Serverless::Function";
    if (function || type->text() == "AWS::Serverless::StateMachine") {
      const Node* props = propertiesForPy27Check(resource, ok);
      if (props && hasEventOfType(*props, "Api")) api = true;
      if (props && function && hasEventOfType(*props, "HttpApi")) httpEvent = true;
    } else if (type->text() == "AWS::Serverless::HttpApi") {
      const Node* props = propertiesForPy27Check(resource, ok);
      const Node* auth = props ? props->get("Auth") : nullptr;
      if ((auth && auth->isMapping() && truthy(auth->get("DefaultAuthorizer"))) || globalDefault)
        httpDefault = true;
    }
  }
  if (!ok) return std::nullopt;
  return api || httpDefault || (globalDefault && httpEvent);
}

// BaseEditor._normalize_method_name.
std::string normalizedMethod(const std::string& method) {
  std::string lower;
  for (char c : method) {
    unsigned char u = static_cast<unsigned char>(c);
    lower += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
  }
  return lower == "any" ? kHttpApiAnyMethod : lower;
}

// Whether another HttpApi event of a function has the route on the same API: SAM may then reject
// the later one for its route ("API method … defined multiple times") before it reads its Auth,
// in an order not modelled here.
bool routeShared(const model::Template& templ, const HttpRoute& route, const std::string& apiId) {
  size_t routes = 0;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Function") continue;
    const Node* events = resource.property("Events");
    for (const MapEntry& event :
         events && events->isMapping() ? events->entries() : model::kNoEntries) {
      const Node* type = event.value.isMapping() ? event.value.get("Type") : nullptr;
      if (!type || !type->isString("HttpApi")) continue;
      const Node* props = event.value.get("Properties");
      static const Node kNoProperties = Node::mapping();
      const Node& other = props ? *props : kNoProperties;
      if (!other.isMapping() || other.isIntrinsic()) continue;
      auto otherRoute = httpEventRoute(other);
      if (!otherRoute) return true;  // unknown: count it as shared
      if (normalizedMethod(otherRoute->method) != normalizedMethod(route.method) ||
          otherRoute->path != route.path)
        continue;
      const Node* otherApi = other.get("ApiId");
      const Node* name = otherApi;
      if (otherApi && otherApi->isMapping() && otherApi->isIntrinsic() &&
          otherApi->intrinsicName() == "Ref")
        name = &otherApi->intrinsicArgument();
      std::string otherId = !otherApi ? kImplicitHttpApi : name->isString() ? name->text() : "";
      if (otherId.empty() || otherId == apiId) ++routes;
    }
  }
  return routes > 1;
}

// The iteration order of a map of the template that SAM made a Py27Dict; nullopt when it is not a
// map, or its order is not certain.
std::optional<std::vector<size_t>> py27Order(const Node& map) {
  if (!map.isMapping()) return std::nullopt;
  std::vector<std::string> keys;
  for (const MapEntry& entry : map.entries()) keys.push_back(entry.key.text());
  return py27SmallDictOrder(keys);
}

}  // namespace

std::optional<bool> openApiBodyValidity(const Node& body) {
  if (!body.isMapping() || body.isIntrinsic()) return std::nullopt;
  const Node* paths = body.get("paths");
  const Node* openapi = body.get("openapi");
  if (!paths || !paths->isMapping() || paths->isIntrinsic() || !truthy(openapi)) return false;
  if (!openapi->isString()) return std::nullopt;
  return openApiVersionMatches(openapi->text(), false);
}

const HttpAuthorizer* HttpApiAuth::find(std::string_view name) const {
  for (const HttpAuthorizer& authorizer : authorizers) {
    if (authorizer.name == name) return &authorizer;
  }
  return nullptr;
}

std::optional<HttpApiAuthReading> readHttpApiAuth(const Node* auth, bool hasBody, bool validBody) {
  if (!truthy(auth)) return std::nullopt;
  // SamHttpApi's property type (IS_DICT) comes first.
  if (!auth->isMapping()) return rejected("Property 'Auth' should be a map.", auth);
  if (!hasBody) {
    return rejected(
        "Auth works only with inline OpenApi specified in the 'DefinitionBody' property.", auth);
  }
  for (const MapEntry& entry : auth->entries()) {
    const std::string& key = entry.key.text();
    if (key != "Authorizers" && key != "DefaultAuthorizer" && key != "EnableIamAuthorizer")
      return rejected("Invalid value for 'Auth' property", &entry.key);
  }
  if (!validBody) {
    return rejected(
        "Unable to add Auth configuration because 'DefinitionBody' does not contain a valid "
        "OpenApi definition.",
        auth);
  }
  HttpApiAuth read;
  // _get_authorizers: `enable_iam_authorizer is True`.
  if (const Node* iam = auth->get("EnableIamAuthorizer"); iam && iam->isBool() && iam->boolValue())
    read.authorizers.push_back({"AWS_IAM", HttpAuthorizerType::kAwsIam, nullptr});
  const Node* authorizers = auth->get("Authorizers");
  if (truthy(authorizers)) {
    MapKind kind = mapKind(*authorizers);
    if (kind == MapKind::kIntrinsic) return unsupported("intrinsic Auth.Authorizers");
    if (kind == MapKind::kNotMap)
      return rejected("Property 'Auth.Authorizers' should be a map.", authorizers);
    for (const MapEntry& entry : authorizers->entries()) {
      const std::string& name = entry.key.text();
      MapKind configKind = mapKind(entry.value);
      if (configKind == MapKind::kIntrinsic) return unsupported("an intrinsic authorizer");
      if (configKind == MapKind::kNotMap)
        return rejected("Property 'Auth.Authorizers." + name + "' should be a map.", &entry.value);
      if (entry.value.has("OpenIdConnectUrl")) {
        return rejected("'OpenIdConnectUrl' is no longer a supported property for authorizer '" +
                            name + "'. Please refer to the AWS SAM documentation.",
                        entry.value.entry("OpenIdConnectUrl")
                            ? &entry.value.entry("OpenIdConnectUrl")->key
                            : &entry.value);
      }
      HttpAuthorizer authorizer{name, HttpAuthorizerType::kRequest, &entry.value};
      if (auto problem = authorizerProblem(name, entry.value, authorizer.type)) return problem;
      bool replaced = false;
      for (HttpAuthorizer& existing : read.authorizers) {
        if (existing.name == name) {
          existing = authorizer;
          replaced = true;
        }
      }
      if (!replaced) read.authorizers.push_back(authorizer);
    }
  }
  // add_authorizers_security_definitions: generate_openapi of each.
  for (const HttpAuthorizer& authorizer : read.authorizers) {
    if (authorizer.type != HttpAuthorizerType::kRequest) continue;
    if (auto problem = identityProblem(authorizer.name, *authorizer.config)) return problem;
  }
  // _set_default_authorizer.
  const Node* defaultAuthorizer = auth->get("DefaultAuthorizer");
  if (truthy(defaultAuthorizer) && !isNoValue(*defaultAuthorizer)) {
    if (!defaultAuthorizer->isString())
      return rejected("Property 'Auth.DefaultAuthorizer' should be a string.", defaultAuthorizer);
    if (!read.find(defaultAuthorizer->text())) {
      return rejected("Unable to set DefaultAuthorizer because '" + defaultAuthorizer->text() +
                          "' was not defined in 'Authorizers'.",
                      defaultAuthorizer);
    }
    read.defaultAuthorizer = defaultAuthorizer->text();
  }
  HttpApiAuthReading reading;
  reading.auth = std::move(read);
  return reading;
}

bool judgeHttpApiAuth(const Node& merged, std::vector<SamProblem>& out) {
  const Node* body = merged.get("DefinitionBody");
  bool userBody = truthy(body);
  // DefaultDefinitionBodyPlugin gives the API a body unless it has a (truthy) DefinitionUri.
  bool hasBody = userBody || !truthy(merged.get("DefinitionUri"));
  const Node* auth = merged.get("Auth");
  if (userBody && truthy(merged.get("DefinitionUri"))) return false;
  std::optional<bool> valid = userBody ? openApiBodyValidity(*body) : std::optional<bool>(true);
  if (!valid) return false;
  auto reading = readHttpApiAuth(auth, hasBody, *valid);
  if (reading && reading->problem) {
    out.push_back(std::move(*reading->problem));
    return true;
  }
  if (reading && !reading->unsupported.empty()) return false;
  // set_path_default_authorizer on a user's body, in its Python 2.7 order (SAM made the body
  // Python 2.7 compatible: the template has a DefaultAuthorizer), known for small dicts.
  if (!userBody || !reading || !reading->auth || reading->auth->defaultAuthorizer.empty())
    return true;
  const Node* paths = body->get("paths");
  if (!paths || !paths->isMapping()) return false;
  auto pathOrder = py27Order(*paths);
  if (!pathOrder) return false;
  for (size_t p : *pathOrder) {
    const MapEntry& path = paths->entries()[p];
    // Each branch of a conditional path item, in turn.
    std::vector<const Node*> items;
    if (!editorConditionalContents(path.value, items)) return false;
    for (const Node* item : items) {
      auto methodOrder = item->isIntrinsic() ? std::nullopt : py27Order(*item);
      if (!methodOrder) return false;  // an intrinsic or a value that is not a map: not modelled
      for (size_t m : *methodOrder) {
        const MapEntry& method = item->entries()[m];
        std::string normalized = normalizedMethod(method.key.text());
        if (normalized == "parameters" || normalized == "options") continue;
        if (!item->has(normalized)) {
          out.push_back(SamProblem{"http-api-auth-document",
                                   "Structure of the SAM template is invalid. Could not find " +
                                       normalized + " in " + path.key.text() +
                                       " within DefinitionBody.",
                                   &method.key,
                                   false,
                                   {}});
          return true;
        }
        // validate_method_definition_is_dict on each branch of the method: one that is not a map
        // (a method left empty: null) stops the transform; an intrinsic is not modelled.
        std::vector<const Node*> definitions;
        if (!editorConditionalContents(method.value, definitions)) return false;
        for (const Node* definition : definitions) {
          if (!definition->isMapping()) {
            out.push_back(SamProblem{"api-definition-body-invalid",
                                     "Structure of the SAM template is invalid. Definition of "
                                     "method '" +
                                         method.key.text() + "' for path '" + path.key.text() +
                                         "' should be a map.",
                                     &method.key,
                                     false,
                                     {}});
            return true;
          }
          if (definition->isIntrinsic()) return false;
        }
      }
    }
  }
  return true;
}

std::optional<LinkedHttpApi> linkedHttpApi(const model::Template& templ,
                                           const Node& eventProperties, const HttpRoute& route) {
  LinkedHttpApi linked;
  const Node* apiId = eventProperties.get("ApiId");
  if (!apiId) {
    linked.id = kImplicitHttpApi;
    const Node* globals = templ.globals();
    const Node* section = globals && globals->isMapping() ? globals->get("HttpApi") : nullptr;
    if (section) {
      if (!section->isMapping()) return std::nullopt;
      linked.properties = *section;
    } else {
      linked.properties = Node::mapping();
    }
    // The implicit API of a template that declares its own ServerlessHttpApi is not modelled.
    if (templ.resource(kImplicitHttpApi)) return std::nullopt;
  } else {
    const Node* name = apiId;
    if (apiId->isMapping() && apiId->isIntrinsic() && apiId->intrinsicName() == "Ref")
      name = &apiId->intrinsicArgument();
    if (!name->isString()) return std::nullopt;
    const model::ResourceView* api = templ.resource(name->text());
    if (!api || api->type != "AWS::Serverless::HttpApi" ||
        (api->properties && !api->properties->isMapping()))
      return std::nullopt;
    linked.id = name->text();
    linked.properties = propertiesWithGlobals(templ, *api);
  }
  const Node* body = linked.properties.get("DefinitionBody");
  if (truthy(linked.properties.get("DefinitionUri"))) return std::nullopt;
  if (truthy(body)) {
    // A user's body: SAM must find it valid, and the route's integration must be new to it.
    std::optional<bool> valid = openApiBodyValidity(*body);
    if (!valid || !*valid) return std::nullopt;
    const Node* paths = body->get("paths");
    if (paths->has(route.path) || paths->has(kHttpApiDefaultPath)) return std::nullopt;
  }
  return linked;
}

std::optional<HttpRoute> httpEventRoute(const Node& eventProperties) {
  if (isHttpApiDefaultRoute(&eventProperties))
    return HttpRoute{kHttpApiDefaultPath, kHttpApiAnyMethod};
  const Node* path = eventProperties.get("Path");
  const Node* method = eventProperties.get("Method");
  if (!path || !path->isString() || !method || !method->isString()) return std::nullopt;
  std::string lower;
  for (char c : method->text()) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) return std::nullopt;  // str.lower() beyond ASCII is not modelled
    lower += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
  }
  return HttpRoute{path->text(), lower};
}

HttpEventAuthReading readHttpEventAuth(const model::Template& templ, const Node& eventAuth,
                                       const HttpRoute& route, const LinkedHttpApi& api) {
  HttpEventAuthReading reading;
  auto reject = [&](std::string message, const Node* node) {
    reading.rejection = HttpEventAuthRejection{std::move(message), node, {}};
    return reading;
  };
  if (!eventAuth.isMapping() || eventAuth.isIntrinsic()) {
    reading.unsupported = "an HttpApi event Auth that is not a map";
    return reading;
  }
  // api.get("Auth", {}) must be a map.
  const Node* apiAuthEntry = api.properties.get("Auth");
  if (apiAuthEntry && !apiAuthEntry->isMapping()) {
    reading.rejection =
        HttpEventAuthRejection{"Property 'Auth' should be a map.", &eventAuth, api.id};
    return reading;
  }
  if (apiAuthEntry && apiAuthEntry->isIntrinsic()) {
    reading.unsupported = "an intrinsic Auth on the HttpApi";
    return reading;
  }
  const Node* apiAuth = apiAuthEntry;
  std::string where = "on API method [" + route.method + "] for path [" + route.path + "]";
  const Node* authorizer = eventAuth.get("Authorizer");
  // Problems point at the event's own Auth: the API's properties may be a copy.
  const Node* authorizerNode = truthy(authorizer) ? authorizer : &eventAuth;
  if (!truthy(authorizer)) {
    authorizer = apiAuth ? apiAuth->get("DefaultAuthorizer") : nullptr;
    if (!truthy(authorizer)) {
      return reject(
          "'Auth' section requires either an explicit 'Authorizer' set or a 'DefaultAuthorizer' "
          "configured on the HttpApi.",
          &eventAuth);
    }
  }
  const Node* authorizers = apiAuth ? apiAuth->get("Authorizers") : nullptr;
  const Node* iam = apiAuth ? apiAuth->get("EnableIamAuthorizer") : nullptr;
  bool iamEnabled = iam && iam->isBool() && iam->boolValue();
  bool none = authorizer->isString("NONE");
  bool builtInIam = authorizer->isString("AWS_IAM") && iamEnabled;
  // _check_valid_authorizer_types: `api_auth and api_auth.get("Authorizers")` is the API's Auth
  // itself when that is empty (or absent: {}).
  bool authorizersDict =
      apiAuth && !apiAuth->entries().empty() ? authorizers && authorizers->isMapping() : true;
  if (!none && !builtInIam && (!authorizer->isString() || !authorizersDict)) {
    if (authorizers && authorizers->isIntrinsic()) {
      reading.unsupported = "intrinsic Authorizers on the HttpApi";
      return reading;
    }
    std::string text;
    std::optional<bool> py27 = authorizer->isScalar() ? false : eventsMadePy27(templ);
    if (!py27 || !pythonStr(*authorizer, true, *py27, text)) {
      reading.unsupported = "an HttpApi event Authorizer samshift cannot print as SAM does";
      return reading;
    }
    return reject("Unable to set Authorizer [" + text + "] " + where +
                      ". The method authorizer must be a string with a corresponding dict entry "
                      "in the api authorizer.",
                  authorizerNode);
  }
  if (authorizers && authorizers->isIntrinsic()) {
    reading.unsupported = "intrinsic Authorizers on the HttpApi";
    return reading;
  }
  if (none) {
    if (!truthy(apiAuth ? apiAuth->get("DefaultAuthorizer") : nullptr)) {
      return reject("Unable to set Authorizer " + where +
                        " because 'NONE' is only a valid value when a DefaultAuthorizer on the "
                        "API is specified.",
                    authorizerNode);
    }
  } else if (!builtInIam) {
    if (!truthy(authorizers)) {
      return reject("Unable to set Authorizer [" + authorizer->text() + "] " + where +
                        " because the related API does not define any Authorizers.",
                    authorizerNode);
    }
    if (!truthy(authorizers->get(authorizer->text()))) {
      return reject("Unable to set Authorizer [" + authorizer->text() + "] " + where +
                        " because it wasn't defined in the API's Authorizers.",
                    authorizerNode);
    }
  }
  if (const Node* scopes = eventAuth.get("AuthorizationScopes");
      truthy(scopes) && !scopes->isSequence()) {
    return reject("Unable to set Authorizer " + where +
                      " because 'AuthorizationScopes' must be a list of strings.",
                  scopes);
  }
  reading.authorizer = authorizer->text();
  return reading;
}

std::optional<SamProblem> httpApiEventAuthProblem(const model::Template& templ,
                                                  const std::string& eventName, const Node& event) {
  const Node* props = event.get("Properties");
  if (!props || !props->isMapping() || props->isIntrinsic()) return std::nullopt;
  const Node* auth = props->get("Auth");
  if (!truthy(auth)) return std::nullopt;
  auto route = httpEventRoute(*props);
  if (!route) return std::nullopt;
  auto api = linkedHttpApi(templ, *props, *route);
  if (!api || routeShared(templ, *route, api->id)) return std::nullopt;
  HttpEventAuthReading reading = readHttpEventAuth(templ, *auth, *route, *api);
  if (!reading.rejection) return std::nullopt;
  HttpEventAuthRejection& rejection = *reading.rejection;
  if (!rejection.apiId.empty())
    return SamProblem{kEventAuthCode, rejection.message, rejection.node, true, rejection.apiId};
  return SamProblem{kEventAuthCode,
                    "Event with id [" + eventName + "] is invalid. " + rejection.message,
                    rejection.node,
                    true,
                    {}};
}

}  // namespace samshift::sam
