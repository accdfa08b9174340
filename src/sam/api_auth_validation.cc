#include "sam/api_auth_validation.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

#include "model/intrinsics.h"
#include "sam/api_event_link.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/parameter_values.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kIam = "AWS_IAM";

// `d.get(key)` that is not None.
const Node* given(const Node& mapping, std::string_view key) {
  const Node* value = mapping.isMapping() ? mapping.get(key) : nullptr;
  return value && !value->isNull() ? value : nullptr;
}

// A `Ref` to a template parameter, which SAM resolves (resolve_parameter_refs) before it reads
// the value: what it resolves to is not modelled here.
bool parameterRef(const model::Template& templ, const Node* value) {
  auto name = value ? model::refName(*value) : std::nullopt;
  return name && templ.parameter(*name);
}

// Python's str() of a value as an f-string prints it, for the values samshift prints like
// Python: strings, integers, booleans, None (sam::pythonStr) and lists of plain strings.
std::optional<std::string> printed(const Node& value) {
  if (value.isNull() || value.isBool() || value.isInt() || value.isString())
    return pythonStr(value);
  if (!value.isSequence()) return std::nullopt;
  std::string out = "[";
  for (const Node& item : value.items()) {
    if (!item.isString()) return std::nullopt;
    for (char c : item.text()) {
      auto byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte >= 0x7f || c == '\'' || c == '\\') return std::nullopt;
    }
    out += (out.size() > 1 ? ", '" : "'") + item.text() + "'";
  }
  return out + "]";
}

SamProblem authProblem(std::string message, const Node* node) {
  return SamProblem{"api-auth-invalid", std::move(message), node, true, {}};
}

// SwaggerEditor's InvalidDocumentException: SAM stops the whole template with it.
SamProblem bodyProblem(const std::string& message, const Node* node) {
  return SamProblem{"api-definition-body-invalid",
                    "Structure of the SAM template is invalid. " + message,
                    node,
                    false,
                    {}};
}

// _is_missing_identity_source's `int(ttl) > 0`: nullopt where int() fails (SAM then reads the
// sources alone), or where samshift does not know what int() gives.
enum class Ttl { kPositive, kNotPositive, kNotInt, kUnknown };
Ttl ttlSign(const Node& ttl) {
  if (ttl.isBool()) return ttl.boolValue() ? Ttl::kPositive : Ttl::kNotPositive;
  std::string text = ttl.isInt() || ttl.isString() || ttl.isFloat() ? ttl.text() : std::string();
  if (ttl.isMapping() || ttl.isSequence()) return Ttl::kNotInt;  // TypeError
  if (ttl.isFloat()) {
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || value != value || value > 1e18 || value < -1e18)
      return Ttl::kUnknown;
    return value >= 1 ? Ttl::kPositive : Ttl::kNotPositive;
  }
  if (!ttl.isInt() && !ttl.isString()) return Ttl::kUnknown;
  // int(str): blanks around, a sign, digits; underscores and other digits are not modelled.
  size_t begin = text.find_first_not_of(" \t\n\r\f\v");
  size_t last = text.find_last_not_of(" \t\n\r\f\v");
  if (begin == std::string::npos) return Ttl::kNotInt;
  std::string_view number(text.data() + begin, last - begin + 1);
  bool negative = false;
  if (number[0] == '+' || number[0] == '-') {
    negative = number[0] == '-';
    number.remove_prefix(1);
  }
  if (number.empty()) return Ttl::kNotInt;
  bool nonzero = false;
  for (char c : number) {
    if (c == '_' || static_cast<unsigned char>(c) >= 0x80) return Ttl::kUnknown;
    if (!std::isdigit(static_cast<unsigned char>(c))) return Ttl::kNotInt;
    nonzero = nonzero || c != '0';
  }
  return nonzero && !negative ? Ttl::kPositive : Ttl::kNotPositive;
}

// The first problem SAM meets in one authorizer of Auth.Authorizers (its ApiGatewayAuthorizer,
// then its generate_swagger); `unknown` when samshift cannot tell.
std::optional<std::string> authorizerProblem(const std::string& name, const Node& authorizer,
                                             bool& unknown) {
  if (!authorizer.isMapping()) return "Property 'Auth.Authorizers." + name + "' should be a map.";
  const Node* payload = given(authorizer, "FunctionPayloadType");
  if (payload && !payload->isString("TOKEN") && !payload->isString("REQUEST")) {
    auto text = printed(*payload);
    if (!text) {
      unknown = true;
      return std::nullopt;
    }
    return name + " Authorizer has invalid 'FunctionPayloadType': " + *text + ".";
  }
  bool request = payload && payload->isString("REQUEST");
  const Node* identity = given(authorizer, "Identity");
  if (request) {
    if (truthy(identity) && !identity->isMapping())
      return "Property 'Authorizer." + name + ".Identity' should be a map.";
    std::optional<bool> missing = missingIdentitySource(identity);
    if (!missing) {
      unknown = true;
      return std::nullopt;
    }
    if (*missing) {
      return name +
             " Authorizer must specify Identity with at least one of Headers, QueryStrings, "
             "StageVariables, or Context.";
    }
  }
  if (const Node* scopes = given(authorizer, "AuthorizationScopes");
      scopes && !scopes->isSequence())
    return "Property 'Authorizers." + name + ".AuthorizationScopes' should be a list.";
  if (const Node* disable = given(authorizer, "DisableFunctionDefaultPermissions");
      disable && !disable->isBool())
    return "Property 'Authorizers." + name +
           ".DisableFunctionDefaultPermissions' should be a boolean.";
  return std::nullopt;
}

// generate_swagger of one authorizer: the Identity it reads.
std::optional<std::string> swaggerProblem(const std::string& name, const Node& authorizer) {
  const Node* identity = given(authorizer, "Identity");
  const Node* payload = given(authorizer, "FunctionPayloadType");
  bool lambda = !truthy(given(authorizer, "UserPoolArn"));
  bool request = lambda && payload && payload->isString("REQUEST");
  if (!request) {
    // _get_identity_header.
    if (truthy(identity) && !identity->isMapping()) {
      return std::string(
          "Auth.Authorizers.<Authorizer>.Identity must be a dict "
          "(LambdaTokenAuthorizationIdentity, "
          "LambdaRequestAuthorizationIdentity or CognitoAuthorizationIdentity).");
    }
    return std::nullopt;
  }
  // _get_identity_source (the identity is a map by now).
  for (const char* key : {"Headers", "QueryStrings", "StageVariables", "Context"}) {
    const Node* items = given(*identity, key);
    if (!truthy(items)) continue;
    std::string path = "Auth.Authorizers." + name + ".Identity." + key;
    if (!items->isSequence()) return "Property '" + path + "' should be a list.";
    size_t index = 0;
    for (const Node& item : items->items()) {
      if (!item.isString())
        return "Property '" + path + "[" + std::to_string(index) + "]' should be a string.";
      ++index;
    }
  }
  return std::nullopt;
}

// BaseEditor.get_conditional_contents: both branches of an Fn::If (without AWS::NoValue), or the
// item itself; an Fn::If that is not a list fails.
bool conditionalContents(const Node* item, std::vector<const Node*>& contents,
                         std::vector<SamProblem>& failures) {
  const Node* branches = item && item->isMapping() ? item->get("Fn::If") : nullptr;
  if (!branches) {
    contents.push_back(item);
    return true;
  }
  if (!branches->isSequence()) {
    failures.push_back(bodyProblem("Value of Fn::If must be a list.", branches));
    return false;
  }
  bool first = true;
  for (const Node& branch : branches->items()) {
    auto ref = model::refName(branch);
    bool noValue = ref && *ref == "AWS::NoValue" && branch.entries().size() == 1;
    if (!first && !noValue) contents.push_back(&branch);
    first = false;
  }
  return true;
}

// Where SwaggerEditor (its __init__) fails on the user's body: each path item must be a map.
void pathItemFailures(const Node& body, std::vector<SamProblem>& failures) {
  const Node* paths = body.get("paths");
  for (const MapEntry& path : paths->entries()) {
    std::vector<const Node*> items;
    if (!conditionalContents(&path.value, items, failures)) continue;
    for (const Node* item : items) {
      if (!item || !item->isMapping() || item->isNull()) {
        failures.push_back(bodyProblem("Value of '" + path.key.text() +
                                           "' path must be a dictionary according to Swagger spec.",
                                       item ? item : &path.value));
      }
    }
  }
}

std::string normalizedMethod(const std::string& method) {
  std::string lower;
  for (char c : method) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "any" ? "x-amazon-apigateway-any-method" : lower;
}

// iter_on_all_methods_for_path over every path, as set_path_default_authorizer (`checkOptions`:
// whether it reads the OPTIONS method's security) or set_path_default_apikey_required walks them:
// where it fails on a method definition or its security.
void methodFailures(const Node& body, bool checkOptions, std::vector<SamProblem>& failures) {
  for (const MapEntry& path : body.get("paths")->entries()) {
    std::vector<const Node*> items;
    if (!conditionalContents(&path.value, items, failures)) continue;
    for (const Node* item : items) {
      for (const MapEntry& method : item->entries()) {
        const std::string& name = method.key.text();
        if (name == "summary" || name == "description" || name == "parameters") continue;
        std::vector<const Node*> definitions;
        if (!conditionalContents(&method.value, definitions, failures)) continue;
        for (const Node* definition : definitions) {
          if (!definition || !definition->isMapping()) {
            failures.push_back(bodyProblem("Definition of method '" + name + "' for path '" +
                                               path.key.text() + "' should be a map.",
                                           definition ? definition : &method.value));
            continue;
          }
          if (!truthy(definition->get("x-amazon-apigateway-integration"))) continue;
          std::string normalized = normalizedMethod(name);
          if (!checkOptions && normalized == "options") continue;
          const Node* security = definition->get("security");
          if (!security) continue;
          std::string where = "for path " + path.key.text() + " method " + normalized;
          if (!security->isSequence()) {
            failures.push_back(
                bodyProblem("Type of security " + where + " must be a list", security));
            continue;
          }
          for (const Node& entry : security->items()) {
            if (entry.isMapping()) continue;
            auto text = printed(entry);
            SamProblem failure = bodyProblem(
                (text ? *text : "") + " in Security " + where + " is not a valid dictionary.",
                &entry);
            // An entry samshift cannot print like Python: a failure, its text unknown.
            if (!text) failure.message.clear();
            failures.push_back(std::move(failure));
            break;
          }
        }
      }
    }
  }
}

// SAM stops at the first failure, in the Python 2.7 order of the body's dicts: known when there is
// one, or they all say the same.
AuthVerdict firstFailure(std::vector<SamProblem>& failures, std::vector<SamProblem>& out) {
  if (failures.empty()) return AuthVerdict::kAdded;
  for (const SamProblem& failure : failures) {
    if (failure.message != failures.front().message || failure.message.empty())
      return AuthVerdict::kUnknown;
  }
  out.push_back(std::move(failures.front()));
  return AuthVerdict::kRejected;
}

bool isAuthField(const std::string& key) {
  static const char* const kFields[] = {"Authorizers",
                                        "DefaultAuthorizer",
                                        "InvokeRole",
                                        "AddDefaultAuthorizerToCorsPreflight",
                                        "AddApiKeyRequiredToCorsPreflight",
                                        "ApiKeyRequired",
                                        "ResourcePolicy",
                                        "UsagePlan"};
  return std::any_of(std::begin(kFields), std::end(kFields),
                     [&](const char* field) { return key == field; });
}

}  // namespace

std::optional<bool> missingIdentitySource(const Node* identity) {
  if (!truthy(identity)) return true;
  if (!identity->isMapping()) return std::nullopt;
  bool sources = truthy(given(*identity, "Headers")) || truthy(given(*identity, "QueryStrings")) ||
                 truthy(given(*identity, "StageVariables")) || truthy(given(*identity, "Context"));
  const Node* ttl = given(*identity, "ReauthorizeEvery");
  Ttl sign = ttl ? ttlSign(*ttl) : Ttl::kNotInt;
  if (sign == Ttl::kUnknown) return std::nullopt;
  return !sources && (sign == Ttl::kNotInt || sign == Ttl::kPositive);
}

AuthVerdict validateApiAuth(const ApiAuthInput& input, std::vector<SamProblem>& out) {
  const Node* auth = given(input.props, "Auth");
  if (!truthy(auth)) return AuthVerdict::kAdded;
  // The Auth read here is the Globals-merged copy: problems point at the template's own node.
  const Node* source = input.authSource;
  auto reject = [&](SamProblem problem) {
    out.push_back(std::move(problem));
    return AuthVerdict::kRejected;
  };
  if (!input.hasBody) {
    return reject(authProblem(
        "Auth works only with inline Swagger specified in 'DefinitionBody' property.", source));
  }
  if (!auth->isMapping() || parameterRef(input.templ, auth)) return AuthVerdict::kUnknown;
  for (const MapEntry& entry : auth->entries()) {
    if (!isAuthField(entry.key.text()))
      return reject(authProblem("Invalid value for 'Auth' property", source));
  }
  if (!input.validBody) return AuthVerdict::kUnknown;
  if (!*input.validBody) {
    return reject(authProblem(
        "Unable to add Auth configuration because 'DefinitionBody' does not contain a valid "
        "Swagger definition.",
        source));
  }
  // SwaggerEditor.__init__ on the user's body (SAM's own is always well formed).
  const Node* body = input.managed ? nullptr : input.bodySource;
  if (!input.managed) {
    const Node* merged = given(input.props, "DefinitionBody");
    if (!body || !merged || !body->sameValue(*merged)) return AuthVerdict::kUnknown;
    std::vector<SamProblem> failures;
    pathItemFailures(*body, failures);
    if (AuthVerdict verdict = firstFailure(failures, out); verdict != AuthVerdict::kAdded)
      return verdict;
  }
  // _get_authorizers.
  const Node* chosen = given(*auth, "DefaultAuthorizer");
  if (parameterRef(input.templ, chosen)) return AuthVerdict::kUnknown;
  bool iamDefault = chosen && chosen->isString(kIam);
  const Node* authorizers = given(*auth, "Authorizers");
  bool anyAuthorizer = iamDefault;
  if (truthy(authorizers)) {
    if (!authorizers->isMapping())
      return reject(authProblem("Property 'Auth.Authorizers' should be a map.", source));
    // The authorizers in Python 2.7 order: the first failing one is known when it is alone.
    std::vector<std::string> failing;
    bool unknown = false;
    for (const MapEntry& entry : authorizers->entries()) {
      if (auto problem = authorizerProblem(entry.key.text(), entry.value, unknown))
        failing.push_back(*problem);
    }
    if (unknown || failing.size() > 1) return AuthVerdict::kUnknown;
    if (!failing.empty()) return reject(authProblem(failing[0], source));
    anyAuthorizer = true;
    // add_authorizers_security_definitions: each authorizer's generate_swagger.
    for (const MapEntry& entry : authorizers->entries()) {
      if (auto problem = swaggerProblem(entry.key.text(), entry.value)) failing.push_back(*problem);
    }
    if (failing.size() > 1) return AuthVerdict::kUnknown;
    if (!failing.empty()) return reject(authProblem(failing[0], source));
  }
  const Node* definitions = body ? body->get("securityDefinitions") : nullptr;
  bool definitionsNotMap = truthy(definitions) && !definitions->isMapping();
  // SAM v1.110.0 fails with a TypeError on a securityDefinitions list when it adds authorizers;
  // later versions say what add_apikey_security_definition says.
  const char* kDefinitionsNotMap = "securityDefinitions must be a dictionary.";
  if (anyAuthorizer && definitionsNotMap) {
    return reject(
        SamProblem{"api-auth-invalid",
                   std::string("Structure of the SAM template is invalid. ") + kDefinitionsNotMap,
                   definitions,
                   false,
                   {}});
  }
  // _set_default_authorizer.
  if (anyAuthorizer && truthy(chosen)) {
    if (!chosen->isString())
      return reject(authProblem("DefaultAuthorizer is not a string.", source));
    if (!iamDefault && !truthy(authorizers->get(chosen->text()))) {
      return reject(authProblem("Unable to set DefaultAuthorizer because '" + chosen->text() +
                                    "' was not defined in 'Authorizers'.",
                                source));
    }
    if (body) {
      const Node* preflight = given(*auth, "AddDefaultAuthorizerToCorsPreflight");
      std::vector<SamProblem> failures;
      methodFailures(*body, !preflight || pythonTruthy(*preflight), failures);
      if (AuthVerdict verdict = firstFailure(failures, out); verdict != AuthVerdict::kAdded)
        return verdict;
    }
  }
  if (truthy(given(*auth, "ApiKeyRequired"))) {
    if (definitionsNotMap) {
      return reject(
          SamProblem{"api-auth-invalid",
                     std::string("Structure of the SAM template is invalid. ") + kDefinitionsNotMap,
                     definitions,
                     false,
                     {}});
    }
    if (body) {
      std::vector<SamProblem> failures;
      methodFailures(*body, true, failures);
      if (AuthVerdict verdict = firstFailure(failures, out); verdict != AuthVerdict::kAdded)
        return verdict;
    }
  }
  // ResourcePolicy is checked elsewhere (not modelled here).
  if (truthy(given(*auth, "ResourcePolicy"))) return AuthVerdict::kUnknown;
  return AuthVerdict::kAdded;
}

namespace {

// The API an Api event names and what SAM makes of it: its properties (with Globals; the implicit
// API's are the `Globals: Api` section's), whether SAM manages its body, and the user's body.
struct EventApi {
  Node props = Node::mapping();
  bool managed = false;
  const Node* ownBody = nullptr;
  // MergeDefinitions on the API's own body: a function's event builds its method, with its Auth,
  // on a fresh skeleton SAM manages, and merges it into the body (push.py
  // _add_swagger_integration); a state machine's event does not.
  bool mergedIntoOwnBody = false;
};

std::optional<EventApi> eventApi(const model::Template& templ, const Node& eventProps) {
  EventApi api;
  const Node* restApiId = eventProps.get("RestApiId");
  if (!restApiId) {
    if (templ.resource("ServerlessRestApi")) return std::nullopt;
    const Node* globals = templ.root().get("Globals");
    const Node* section = globals && globals->isMapping() ? globals->get("Api") : nullptr;
    if (section && section->isMapping()) api.props = *section;
    api.managed = true;
    // Nothing validates the implicit API as a resource of the template: its own problems, which
    // SAM reports beside the event's, are not modelled.
    std::vector<SamProblem> own;
    const Node* auth = given(api.props, "Auth");
    if (validateApiAuth({templ, api.props, true, true, true, auth, nullptr}, own) !=
        AuthVerdict::kAdded)
      return std::nullopt;
    return api;
  }
  std::optional<std::string> name = restApiIdName(*restApiId);
  const model::ResourceView* resource = name ? templ.resource(*name) : nullptr;
  if (!resource || resource->type != "AWS::Serverless::Api") return std::nullopt;
  const Node& own = resource->propertiesMapping();
  api.props = propertiesWithGlobals(templ, *resource);
  if (truthy(own.get("DefinitionUri"))) return std::nullopt;
  api.ownBody = truthy(own.get("DefinitionBody")) ? own.get("DefinitionBody") : nullptr;
  api.mergedIntoOwnBody = api.ownBody && truthy(given(api.props, "MergeDefinitions"));
  api.managed = !api.ownBody || api.mergedIntoOwnBody;
  return api;
}

}  // namespace

std::optional<ApiEventAuthRejection> apiEventAuthRejection(const model::Template& templ,
                                                           const Node& event, bool stateMachine) {
  const Node* props = event.get("Properties");
  if (!props || !props->isMapping() || props->isIntrinsic()) return std::nullopt;
  const Node* eventAuth = given(*props, "Auth");
  const Node* path = props->get("Path");
  const Node* method = props->get("Method");
  if (!truthy(eventAuth) || !eventAuth->isMapping() || eventAuth->isIntrinsic() || !path ||
      !path->isString() || !method || !method->isString())
    return std::nullopt;
  std::optional<EventApi> api = eventApi(templ, *props);
  if (!api) return std::nullopt;
  bool override = truthy(given(*eventAuth, "OverrideApiAuth"));
  // OverrideApiAuth then edits the merged body too: not modelled here.
  if (api->mergedIntoOwnBody && (stateMachine || override)) return std::nullopt;
  // A state machine's event edits only a body SAM manages; a function's edits its API's own body
  // with OverrideApiAuth, and a body SAM manages twice with it (not modelled here).
  if (!api->managed && (stateMachine || !override)) return std::nullopt;
  if (api->managed && override && !stateMachine) return std::nullopt;
  if (!api->managed && !truthy(given(*eventAuth, "Authorizer")) &&
      !truthy(given(*eventAuth, "ApiKeyRequired")) &&
      !truthy(given(*eventAuth, "ResourcePolicy"))) {
    return ApiEventAuthRejection{
        "api-event-auth",
        "Must define one of: Authorizer, ApiKeyRequired or ResourcePolicy when using the "
        "OverrideApiAuth property.",
        eventAuth};
  }
  std::string lowered;
  for (char c : method->text())
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string where = "on API method [" + lowered + "] for path [" + path->text() + "]";
  const Node* apiAuth = given(api->props, "Auth");
  if (apiAuth && (!apiAuth->isMapping() || apiAuth->isIntrinsic())) return std::nullopt;
  if (apiAuth && !pythonTruthy(*apiAuth)) apiAuth = nullptr;
  auto reject = [](std::string message, const Node* node) {
    return ApiEventAuthRejection{"api-event-auth", std::move(message), node};
  };
  const Node* authorizer = given(*eventAuth, "Authorizer");
  if (truthy(authorizer)) {
    const Node* authorizers = apiAuth ? given(*apiAuth, "Authorizers") : nullptr;
    if (!truthy(authorizers)) authorizers = nullptr;
    // sam_expect(api_authorizers, api_id, …) is the API's problem, raised here: not modelled.
    if (authorizers && !authorizers->isMapping()) return std::nullopt;
    if (parameterRef(templ, authorizer) || parameterRef(templ, authorizers)) return std::nullopt;
    if (!authorizer->isString(kIam)) {
      auto text = printed(*authorizer);
      if (!text) return std::nullopt;
      if (!authorizer->isString("NONE")) {
        if (!authorizers) {
          return reject("Unable to set Authorizer [" + *text + "] " + where +
                            " because the related API does not define any Authorizers.",
                        authorizer);
        }
        if (!authorizer->isString()) {
          return reject("Unable to set Authorizer [" + *text + "] " + where +
                            ". The method authorizer must be a string with a corresponding dict "
                            "entry in the api authorizer.",
                        authorizer);
        }
        if (!truthy(authorizers->get(authorizer->text()))) {
          return reject("Unable to set Authorizer [" + *text + "] " + where +
                            " because it wasn't defined in the API's Authorizers.",
                        authorizer);
        }
        // _set_method_authorizer fails on an authorizer that is not a map: not modelled here.
        if (!authorizers->get(authorizer->text())->isMapping()) return std::nullopt;
      } else if (!apiAuth || !truthy(given(*apiAuth, "DefaultAuthorizer"))) {
        return reject("Unable to set Authorizer " + where +
                          " because 'NONE' is only a valid value when a DefaultAuthorizer on the "
                          "API is specified.",
                      authorizer);
      }
    }
  }
  if (const Node* scopes = given(*eventAuth, "AuthorizationScopes"); truthy(scopes)) {
    if (!scopes->isSequence())
      return reject("Property 'Auth.AuthorizationScopes' should be a list.", scopes);
    if (!truthy(authorizer))
      return reject("AuthorizationScopes works only when Authorizer is set", scopes);
  }
  if (const Node* required = given(*eventAuth, "ApiKeyRequired");
      required && !pythonTruthy(*required) &&
      (!apiAuth || !truthy(given(*apiAuth, "ApiKeyRequired")))) {
    return reject("Unable to set ApiKeyRequired [False] " + where +
                      " because the related API does not specify any ApiKeyRequired.",
                  required);
  }
  return std::nullopt;
}

}  // namespace samshift::sam
