#include "sam/graphql_api.h"

#include <algorithm>
#include <span>
#include <string_view>

#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/graphql_model.h"
#include "sam/graphql_resolvers.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

// SamGraphQLApi.property_types, in SAM's order (Property: no intrinsics; PassThroughProperty: any).
const SamPropertyType kGraphQLApiPropertyTypes[] = {
    {"Name", false, {}, false},
    {"Tags", false, isSamMap, false},
    {"XrayEnabled", false, {}, false},
    {"Auth", true, isSamMap, false},
    {"SchemaInline", false, isSamString, false},
    {"SchemaUri", false, isSamString, false},
    {"Logging", false, oneOf({isSamMap, isSamBool}), false},
    {"DataSources", false, isSamMap, false},
    {"Functions", false, isSamMap, false},
    {"Resolvers", false, isSamMap, false},
    {"ApiKeys", false, isSamMap, false},
    {"DomainName", false, isSamMap, false},
    {"Cache", false, isSamMap, false},
    {"Visibility", false, {}, false},
    {"OwnerContact", false, {}, false},
    {"IntrospectionConfig", false, {}, false},
    {"QueryDepthLimit", false, {}, false},
    {"ResolverCountLimit", false, {}, false},
};

constexpr ModelField kLambdaAuthorizerFields[] = {
    {"AuthorizerResultTtlInSeconds"}, {"AuthorizerUri", true}, {"IdentityValidationExpression"}};
constexpr ModelField kOpenIdFields[] = {{"AuthTTL"}, {"ClientId"}, {"IatTTL"}, {"Issuer"}};
constexpr ModelField kUserPoolFields[] = {
    {"AppIdClientRegex"}, {"AwsRegion"}, {"DefaultAction"}, {"UserPoolId", true}};
constexpr ModelField kLoggingFields[] = {
    {"CloudWatchLogsRoleArn"}, {"ExcludeVerboseContent"}, {"FieldLogLevel"}};
constexpr ModelField kApiKeyFields[] = {{"ApiKeyId"}, {"Description"}, {"ExpiresOn"}};
constexpr ModelField kDomainNameFields[] = {
    {"CertificateArn", true}, {"DomainName", true}, {"Description"}};
constexpr ModelField kCacheFields[] = {{"ApiCachingBehavior", true},
                                       {"Ttl", true},
                                       {"Type", true},
                                       {"AtRestEncryptionEnabled"},
                                       {"TransitEncryptionEnabled"}};

bool absent(const Node* value) { return !value || value->isNull(); }

// The authentication types of SAM's model (AuthenticationTypes).
bool knownType(const Node* type) {
  return type &&
         (type->isString("AWS_IAM") || type->isString("API_KEY") || type->isString("AWS_LAMBDA") ||
          type->isString("OPENID_CONNECT") || type->isString("AMAZON_COGNITO_USER_POOLS"));
}

// An Authorizer (or the Auth model, with Additional) as pydantic reads it, within what samshift
// reads.
std::optional<std::string> authorizerUnsupported(const Node& auth, bool additional) {
  if (!auth.isMapping()) return "an Auth entry that is not a mapping";
  for (const MapEntry& entry : auth.entries()) {
    const std::string& key = entry.key.text();
    if (key != "Type" && key != "OpenIDConnect" && key != "UserPool" && key != "LambdaAuthorizer" &&
        !(key == "Additional" && !additional))
      return "Auth key " + key;
  }
  if (!knownType(auth.get("Type"))) return "an Auth Type other than AWS_IAM, API_KEY, …";
  if (const Node* lambda = auth.get("LambdaAuthorizer");
      !absent(lambda) && !passesModel(*lambda, kLambdaAuthorizerFields))
    return "a LambdaAuthorizer value SAM's model may refuse";
  if (const Node* openId = auth.get("OpenIDConnect");
      !absent(openId) && !passesModel(*openId, kOpenIdFields))
    return "an OpenIDConnect value SAM's model may refuse";
  if (const Node* pool = auth.get("UserPool");
      !absent(pool) && !passesModel(*pool, kUserPoolFields))
    return "a UserPool value SAM's model may refuse";
  return std::nullopt;
}

constexpr ModelField kAuthorizerFields[] = {
    {"Type"}, {"LambdaAuthorizer"}, {"OpenIDConnect"}, {"UserPool"}};
constexpr ModelField kAuthFields[] = {
    {"Type"}, {"LambdaAuthorizer"}, {"OpenIDConnect"}, {"UserPool"}, {"Additional"}};

// pydantic's first error in an Authorizer (Auth: with Additional): its fields in order, then its
// extra keys.
ModelCheck checkAuthorizer(const Node& auth, const std::string& path, bool withAdditional) {
  if (!auth.isMapping()) return checkFlatModel(auth, {}, path);
  if (!knownType(auth.get("Type"))) return ModelCheck::at(path + ".Type");
  for (const auto& [key, fields] :
       {std::pair{"LambdaAuthorizer", ModelFields(kLambdaAuthorizerFields)},
        std::pair{"OpenIDConnect", ModelFields(kOpenIdFields)},
        std::pair{"UserPool", ModelFields(kUserPoolFields)}}) {
    const Node* config = auth.get(key);
    if (absent(config)) continue;
    ModelCheck check = checkFlatModel(*config, fields, path + "." + key);
    if (!check.passes()) return check;
  }
  if (const Node* additional = auth.get("Additional"); withAdditional && !absent(additional)) {
    // pydantic's list takes lists (and tuples, sets), nothing YAML writes otherwise.
    if (!additional->isSequence()) return ModelCheck::at(path + ".Additional");
    for (size_t i = 0; i < additional->items().size(); ++i) {
      ModelCheck check =
          checkAuthorizer(additional->items()[i], path + ".Additional." + std::to_string(i), false);
      if (!check.passes()) return check;
    }
  }
  return checkModelExtras(auth, withAdditional ? ModelFields(kAuthFields) : kAuthorizerFields,
                          path);
}

// pydantic's first error in the Properties model, field by field in its order; unknown as soon
// as a field is one samshift does not read (graphQLApiUnsupported).
ModelCheck graphQLModelCheck(const Node& props) {
  const Node* auth = props.get("Auth");
  if (!auth || !auth->isMapping()) return ModelCheck::unknown();
  if (ModelCheck check = checkAuthorizer(*auth, "Auth", true); !check.passes()) return check;
  if (const Node* xray = props.get("XrayEnabled"); !absent(xray) && !xray->isBool())
    return ModelCheck::unknown();
  if (const Node* logging = props.get("Logging"); !absent(logging) && !logging->isBool()) {
    // Union[Logging, bool]: the Logging model's errors come first.
    if (!logging->isMapping()) return ModelCheck::unknown();
    if (ModelCheck check = checkFlatModel(*logging, kLoggingFields, "Logging"); !check.passes())
      return check;
  }
  if (graphQLResolversUnsupported(props)) return ModelCheck::unknown();
  if (const Node* keys = props.get("ApiKeys"); !absent(keys)) {
    if (!keys->isMapping()) return ModelCheck::unknown();
    for (const MapEntry& entry : keys->entries()) {
      ModelCheck check = checkFlatModel(entry.value, kApiKeyFields, "ApiKeys." + entry.key.text());
      if (!check.passes()) return check;
    }
  }
  for (const auto& [key, fields] : {std::pair{"DomainName", ModelFields(kDomainNameFields)},
                                    std::pair{"Cache", ModelFields(kCacheFields)}}) {
    const Node* value = props.get(key);
    if (absent(value)) continue;
    if (ModelCheck check = checkFlatModel(*value, fields, key); !check.passes()) return check;
  }
  return ModelCheck::ok();
}

// The authenticator config _validate_and_extract_authorizer_config returns, by Type.
struct AuthConfig {
  const char* property;  // "UserPool"
  const char* config;    // "UserPoolConfig"
  const char* type;
};
constexpr AuthConfig kAuthConfigs[] = {
    {"LambdaAuthorizer", "LambdaAuthorizerConfig", "AWS_LAMBDA"},
    {"OpenIDConnect", "OpenIDConnectConfig", "OPENID_CONNECT"},
    {"UserPool", "UserPoolConfig", "AMAZON_COGNITO_USER_POOLS"},
};

// The problem of one authenticator; empty when none. `index`: SAM's, 0 for the default one and
// for the first additional one alike (SAM tests `not index`).
std::string authorizerProblem(const Node& auth, size_t index) {
  size_t given = 0;
  for (const char* key : {"Type", "LambdaAuthorizer", "OpenIDConnect", "UserPool"}) {
    if (!absent(auth.get(key))) ++given;
  }
  if (given > 2) {
    std::string path = "'Auth";
    if (index != 0) path.append(".Additional.").append(std::to_string(index));
    path += '\'';
    return path + " has more than one authentication configuration defined.";
  }
  for (const AuthConfig& config : kAuthConfigs) {
    if (auth.get("Type")->isString(config.type) && absent(auth.get(config.property))) {
      std::string message = "'";
      message.append(config.property).append("' must be defined if type is '");
      return message.append(config.type).append("'.");
    }
  }
  return {};
}

Node authenticator(const Node& auth, bool additional) {
  Node out = Node::mapping();
  out.set("AuthenticationType", *auth.get("Type"));
  for (const AuthConfig& config : kAuthConfigs) {
    if (!auth.get("Type")->isString(config.type)) continue;
    const Node& given = *auth.get(config.property);
    std::string_view property = config.property;
    ModelFields fields = property == "UserPool"        ? ModelFields(kUserPoolFields)
                         : property == "OpenIDConnect" ? ModelFields(kOpenIdFields)
                                                       : ModelFields(kLambdaAuthorizerFields);
    Node values = Node::mapping();
    for (const ModelField& field : fields) {
      if (additional && field.name == "DefaultAction") continue;
      const Node* value = given.get(field.name);
      if (!absent(value)) values.set(std::string(field.name), *value);
    }
    out.set(config.config, std::move(values));
  }
  return out;
}

}  // namespace

std::optional<std::string> graphQLApiUnsupported(const Node& props) {
  // SAM's answer is then pydantic's error, which samshift reproduces.
  if (graphQLModelCheck(props).kind == ModelCheck::Kind::kError) return std::nullopt;
  // A key outside property_types SAM sets on the resource (validate_setattr is off) and never
  // reads: _generate_resource_dict gives pydantic the known ones only.
  if (const Node* xray = props.get("XrayEnabled"); !absent(xray) && !xray->isBool())
    return "an XrayEnabled SAM's model would coerce to a bool";
  if (const Node* tags = props.get("Tags"); !absent(tags) && !tags->isMapping())
    return "Tags that are not a mapping";
  const Node* auth = props.get("Auth");
  if (!auth || !auth->isMapping()) return "Auth that is not a mapping";
  if (auto why = authorizerUnsupported(*auth, false)) return why;
  if (const Node* additional = auth->get("Additional"); !absent(additional)) {
    if (!additional->isSequence()) return "Auth.Additional that is not a list";
    for (const Node& item : additional->items()) {
      if (auto why = authorizerUnsupported(item, true)) return why;
    }
  }
  if (const Node* logging = props.get("Logging");
      !absent(logging) && !logging->isBool() && !passesModel(*logging, kLoggingFields))
    return "a Logging value SAM's model may refuse";
  if (const Node* keys = props.get("ApiKeys"); !absent(keys)) {
    if (!keys->isMapping()) return "ApiKeys that are not a mapping";
    for (const MapEntry& entry : keys->entries()) {
      if (!passesModel(entry.value, kApiKeyFields)) return "an API key SAM's model may refuse";
    }
  }
  if (const Node* domain = props.get("DomainName");
      !absent(domain) && !passesModel(*domain, kDomainNameFields))
    return "a DomainName SAM's model may refuse";
  if (const Node* cache = props.get("Cache"); !absent(cache) && !passesModel(*cache, kCacheFields))
    return "a Cache SAM's model may refuse";
  return graphQLResolversUnsupported(props);
}

void validateGraphQLApi(const model::Template& templ, const model::ResourceView& resource,
                        const Node& props, std::vector<SamProblem>& out) {
  // validate_setattr is off: Resource.from_dict takes any key.
  if (checkSamPropertyTypes(templ, resource, props, kGraphQLApiPropertyTypes, out, false)) return;
  // validate_properties_and_return_model: `Property '<first error's location>' is invalid.`
  if (ModelCheck check = graphQLModelCheck(props); check.kind == ModelCheck::Kind::kError) {
    std::string property = check.path.substr(0, check.path.find('.'));
    out.push_back(resourceProblem("graphql-property-invalid",
                                  "Property '" + check.path + "' is invalid.",
                                  propertySource(templ, resource, property)));
    return;
  }
  if (graphQLApiUnsupported(props)) return;
  const Node& auth = *props.get("Auth");
  const Node* authSource = propertySource(templ, resource, "Auth");
  std::vector<const Node*> authenticators = {&auth};
  if (const Node* additional = auth.get("Additional"); !absent(additional)) {
    for (const Node& item : additional->items()) authenticators.push_back(&item);
  }
  for (size_t i = 0; i < authenticators.size(); ++i) {
    std::string problem = authorizerProblem(*authenticators[i], i == 0 ? 0 : i - 1);
    if (problem.empty()) continue;
    out.push_back(resourceProblem("graphql-auth", problem, authSource));
    return;
  }
  const Node* inline_ = props.get("SchemaInline");
  const Node* uri = props.get("SchemaUri");
  bool hasInline = inline_ && pythonTruthy(*inline_), hasUri = uri && pythonTruthy(*uri);
  if (hasInline == hasUri) {
    out.push_back(resourceProblem(
        "graphql-schema",
        hasInline ? "Both 'SchemaInline' and 'SchemaUri' cannot be defined at the same time."
                  : "One of 'SchemaInline' or 'SchemaUri' must be set.",
        hasInline ? propertySource(templ, resource, "SchemaUri") : nullptr));
    return;
  }
  if (auto problem = graphQLResolversProblem(templ, resource, props))
    out.push_back(std::move(*problem));
}

std::vector<Node> graphQLAuthenticators(const Node& auth) {
  std::vector<Node> out = {authenticator(auth, false)};
  if (const Node* additional = auth.get("Additional"); !absent(additional)) {
    for (const Node& item : additional->items()) out.push_back(authenticator(item, true));
  }
  return out;
}

}  // namespace samshift::sam
