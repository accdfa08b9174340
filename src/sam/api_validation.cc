#include "sam/api_validation.h"

#include <cctype>
#include <string>

#include "sam/api_auth_validation.h"
#include "sam/api_body_validation.h"
#include "sam/api_gateway_responses_validation.h"
#include "sam/api_models_validation.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

bool openApiVersionMatches(std::string_view version, bool anySupported) {
  if (!version.empty() && version.back() == '\n') version.remove_suffix(1);
  if (version.empty() || !(version[0] == '3' || (anySupported && version[0] == '2'))) return false;
  size_t groups = 0;
  for (size_t at = 1; at < version.size(); at += 2, ++groups) {
    if (at + 1 >= version.size() || version[at] != '.' || version[at + 1] < '0' ||
        version[at + 1] > '9')
      return false;
  }
  return groups == 1 || groups == 2;
}

namespace {

constexpr unsigned kStr = kApiStr, kDict = kApiDict, kBool = kApiBool, kList = kApiList,
                   kInt = kApiInt;

// SamApi.property_types, in its order. `typeMessage`: SAM's message for a value of another type
// is "Type of property 'X' is invalid." (checked with the SAM translator v1.110.0); a property of
// IS_DICT or IS_STR alone gets "Property 'X' should be a map." / "… a string." (typeMessage
// below); for the others SAM accepts some (MethodSettings as a map), which samshift does not
// model. MergeDefinitions and AlwaysDeploy are `Property` entries, which take no intrinsics.
constexpr ApiProperty kApiProperties[] = {
    {"Name", kStr | kDict, true, true},
    {"StageName", kStr | kDict, true, true},
    {"Tags", kDict, true, false},
    {"PropagateTags", kBool, true, true},
    {"DefinitionBody", kDict, true, false},
    {"DefinitionUri", kStr | kDict, true, true},
    {"MergeDefinitions", kBool, false, false},
    {"CacheClusterEnabled", kBool, true, false},
    {"CacheClusterSize", kStr, true, false},
    {"Variables", kDict, true, false},
    {"EndpointConfiguration", kStr | kDict, true, true},
    {"MethodSettings", kList, true, false},
    {"BinaryMediaTypes", kList, true, true},
    {"MinimumCompressionSize", kInt, true, true},
    {"Cors", kStr | kDict, true, true},
    {"Auth", kDict, true, false},
    {"GatewayResponses", kDict, true, false},
    {"AccessLogSetting", kDict, true, false},
    {"CanarySetting", kDict, true, false},
    {"TracingEnabled", kBool, true, true},
    {"OpenApiVersion", kStr, true, false},
    {"Models", kDict, true, false},
    {"Domain", kDict, true, false},
    {"FailOnWarnings", kBool, true, true},
    {"Description", kStr, true, false},
    {"Mode", kStr, true, false},
    {"DisableExecuteApiEndpoint", kBool, true, false},
    {"ApiKeySourceType", kStr, true, false},
    {"AlwaysDeploy", kBool, false, false},
    {"Policy", kStr | kDict, true, true},
    {"SecurityPolicy", kStr, true, false},
    {"EndpointAccessMode", kStr, true, false},
};

const Node* present(const Node& props, const char* name) {
  const Node* value = props.get(name);
  return value && !value->isNull() ? value : nullptr;
}

SamProblem apiProblem(const char* code, std::string message, const Node* node) {
  return SamProblem{code, std::move(message), node, true, {}};
}

// A string parse_s3_uri certainly refuses: urlparse cannot find the scheme `s3` in it (it lowers
// the scheme, and strips leading blanks and control characters, which are left to SAM).
bool notS3Uri(const std::string& uri) {
  if (uri.empty()) return true;
  if (static_cast<unsigned char>(uri[0]) <= 0x20) return false;
  std::string scheme = uri.substr(0, 5);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme != "s3://";
}

enum class Swagger { kValid, kInvalid, kUnknown };

// SwaggerEditor.is_valid; unknown for a version that is not a string (str() of a number).
Swagger swaggerValidity(const Node* body) {
  if (!truthy(body) || !body->isMapping()) return Swagger::kInvalid;
  const Node* paths = body->get("paths");
  if (!paths || !paths->isMapping()) return Swagger::kInvalid;
  if (truthy(body->get("swagger"))) return Swagger::kValid;
  const Node* openapi = body->get("openapi");
  if (!truthy(openapi)) return Swagger::kInvalid;
  if (!openapi->isString()) return Swagger::kUnknown;
  return openApiVersionMatches(openapi->text(), false) ? Swagger::kValid : Swagger::kInvalid;
}

// _add_cors up to the edits: the checks that do not depend on the body's paths.
bool checkCors(const Node& cors, bool hasBody, bool swaggerBody, const Node* source,
               std::vector<SamProblem>& out) {
  if (!hasBody) {
    out.push_back(apiProblem(
        "api-cors-invalid",
        "Cors works only with inline Swagger specified in 'DefinitionBody' property.", source));
    return false;
  }
  const Node* origin = nullptr;
  const Node* credentials = nullptr;
  if (cors.isString() || cors.isIntrinsic()) {
    origin = &cors;
  } else if (cors.isMapping()) {
    for (const MapEntry& entry : cors.entries()) {
      const std::string& key = entry.key.text();
      if (key == "AllowOrigin") {
        origin = &entry.value;
      } else if (key == "AllowCredentials") {
        credentials = &entry.value;
      } else if (key != "AllowMethods" && key != "AllowHeaders" && key != "MaxAge") {
        out.push_back(apiProblem("api-cors-invalid",
                                 "Invalid key '" + key + "' for 'Cors' property.", source));
        return false;
      }
    }
  } else {
    out.push_back(apiProblem("api-cors-invalid", "Invalid value for 'Cors' property", source));
    return false;
  }
  if (!swaggerBody) {
    out.push_back(apiProblem("api-cors-invalid",
                             "Unable to add Cors configuration because 'DefinitionBody' does not "
                             "contain a valid Swagger definition.",
                             source));
    return false;
  }
  bool wildcard = !origin || (origin->isString() && origin->text() == "'*'");
  if (credentials && credentials->isBool() && credentials->boolValue() && wildcard) {
    out.push_back(apiProblem("api-cors-invalid",
                             "Unable to add Cors configuration because 'AllowCredentials' can not "
                             "be true when 'AllowOrigin' is \"'*'\" or not set",
                             source));
    return false;
  }
  return true;
}

// InvalidResourcePropertyTypeException's text: PropertyType knows the expected type of IS_DICT
// and IS_STR alone ("Property 'X' should be a map."), not of the others.
std::string typeMessage(const ApiProperty& property) {
  std::string name = property.name;
  if (property.accepts == kDict) return "Property '" + name + "' should be a map.";
  if (property.accepts == kStr) return "Property '" + name + "' should be a string.";
  if (property.typeMessage) return "Type of property '" + name + "' is invalid.";
  return {};
}

// OpenApiVersion, after fix_openapi_definitions on an API SAM manages (str() of an int or a bool
// never matches 3.x).
TypeVerdict openApiVersionType(const Node& value, bool managed) {
  if (managed && value.isFloat()) {
    bool unknown = false;
    if (fixedOpenApiVersion(value, unknown)) return TypeVerdict::kRight;
    return unknown ? TypeVerdict::kUnknown : TypeVerdict::kWrong;
  }
  return apiPropertyType(value, *apiProperty("OpenApiVersion"));
}

// Pushes the verdict's problem; true when it settles the API's problems (a problem, or one
// samshift cannot judge).
bool settles(BodyVerdict verdict, std::vector<SamProblem>& out) {
  if (verdict.problem) out.push_back(std::move(*verdict.problem));
  return verdict.settled();
}

// _add_cors on a body of the user's own, which SwaggerEditor.is_valid accepts: the editor, then
// each path's OPTIONS.
BodyVerdict corsBodyVerdict(const Node& body, const Node& cors, const Node* source) {
  BodyVerdict editor = swaggerEditorVerdict(body);
  return editor.settled() ? editor : corsOriginVerdict(body, cors, source);
}

// _add_auth reads Auth as AuthProperties(**auth), which takes these keys only.
bool knownAuthKeys(const Node& auth) {
  if (!auth.isMapping() || auth.isIntrinsic()) return false;
  for (const MapEntry& entry : auth.entries()) {
    const std::string& key = entry.key.text();
    if (key != "Authorizers" && key != "DefaultAuthorizer" && key != "InvokeRole" &&
        key != "AddDefaultAuthorizerToCorsPreflight" && key != "AddApiKeyRequiredToCorsPreflight" &&
        key != "ApiKeyRequired" && key != "ResourcePolicy" && key != "UsagePlan")
      return false;
  }
  return true;
}

// The last steps of _construct_rest_api on the body: _add_endpoint_extension (an editor on the
// body), then _openapi_postprocess. `own`: the API's own Properties (DefinitionBody is no Globals
// property), `props` with Globals.
template <typename Source>
BodyVerdict bodyTailVerdict(const Node& own, bool managed, bool hasBody, const Node& props,
                            const Source& source) {
  const Node* body = managed ? nullptr : own.get("DefinitionBody");
  if (present(props, "DisableExecuteApiEndpoint")) {
    if (!hasBody) {
      return {apiProblem("api-disable-execute-api-endpoint",
                         "DisableExecuteApiEndpoint works only within 'DefinitionBody' property.",
                         source("DisableExecuteApiEndpoint")),
              false};
    }
    if (!body) return {};
    Swagger validity = swaggerValidity(body);
    if (validity == Swagger::kUnknown) return {std::nullopt, true};
    if (validity == Swagger::kInvalid) return {invalidSwaggerProblem(body), false};
    BodyVerdict editor = swaggerEditorVerdict(*body);
    if (editor.settled()) return editor;
    BodyVerdict extension = endpointExtensionVerdict(*body);
    if (extension.settled()) return extension;
  }
  if (!body || !truthy(body) || !body->isMapping() || present(props, "DefinitionUri")) return {};
  return openApiPostprocessVerdict(*body, present(props, "OpenApiVersion"));
}

}  // namespace

std::optional<std::string> fixedOpenApiVersion(const Node& version, bool& unknown) {
  unknown = false;
  if (!version.isFloat()) return std::nullopt;
  const std::string& text = version.text();
  if (text.size() != 3 || text[1] != '.' || !std::isdigit(static_cast<unsigned char>(text[0])) ||
      !std::isdigit(static_cast<unsigned char>(text[2]))) {
    unknown = true;
    return std::nullopt;
  }
  if (!openApiVersionMatches(text, false)) return std::nullopt;
  return text;
}

std::span<const ApiProperty> apiProperties() { return kApiProperties; }

const ApiProperty* apiProperty(std::string_view name) {
  for (const ApiProperty& property : kApiProperties) {
    if (name == property.name) return &property;
  }
  return nullptr;
}

TypeVerdict apiPropertyType(const Node& value, const ApiProperty& property) {
  if (value.isNull() || (property.intrinsics && value.isIntrinsic())) return TypeVerdict::kRight;
  unsigned accepts = property.accepts;
  if (((accepts & kStr) && value.isString()) || ((accepts & kDict) && value.isMapping()) ||
      ((accepts & kBool) && value.isBool()) || ((accepts & kList) && value.isSequence())) {
    return TypeVerdict::kRight;
  }
  // A bool is a Python int; a number samshift keeps as a float may be one (beyond 64 bits).
  if (accepts & kInt) {
    if (value.isInt() || value.isBool()) return TypeVerdict::kRight;
    if (value.isFloat()) return TypeVerdict::kUnknown;
  }
  // Any other one-key mapping passes SAM's check too (Resource._is_intrinsic_function); what SAM
  // does with it then is not modelled.
  if (property.intrinsics && passesAsIntrinsic(value)) return TypeVerdict::kUnknown;
  return TypeVerdict::kWrong;
}

void validateApi(const model::Template& templ, const model::ResourceView& resource,
                 const Node& props, std::vector<SamProblem>& out) {
  auto source = [&](const char* name) { return propertySource(templ, resource, name); };
  // Resource.from_dict sets the properties in their order, refusing one SamApi does not declare
  // (it declares __MANAGE_SWAGGER too, which the implicit API plugin sets). A key only in
  // Globals is validateSamTemplate's to report.
  for (const MapEntry& entry : resource.propertiesMapping().entries()) {
    const std::string& name = entry.key.text();
    if (apiProperty(name) || name == "__MANAGE_SWAGGER") continue;
    out.push_back(apiProblem(
        "undeclared-property",
        "property " + name + " not defined for resource of type " + std::string(resource.type),
        &entry.key));
    return;
  }
  // DefaultDefinitionBodyPlugin gives a body to an API without a DefinitionBody or DefinitionUri
  // of its own, before Globals may add a DefinitionUri.
  const Node& own = resource.propertiesMapping();
  bool managed = !truthy(own.get("DefinitionBody")) && !truthy(own.get("DefinitionUri"));
  // Resource.validate_properties (from_dict); nothing when another property has a wrong type
  // whose message samshift does not know.
  const ApiProperty* firstWrong = nullptr;
  for (const ApiProperty& property : kApiProperties) {
    const Node* value = props.get(property.name);
    if (!value) continue;
    TypeVerdict verdict = std::string_view(property.name) == "OpenApiVersion"
                              ? openApiVersionType(*value, managed)
                              : apiPropertyType(*value, property);
    if (verdict == TypeVerdict::kRight) continue;
    if (verdict == TypeVerdict::kUnknown || typeMessage(property).empty()) return;
    if (!firstWrong) firstWrong = &property;
  }
  if (firstWrong) {
    out.push_back(
        apiProblem("api-property-type", typeMessage(*firstWrong), source(firstWrong->name)));
    return;
  }
  bool hasBody = managed || truthy(present(props, "DefinitionBody"));
  bool hasUri = truthy(present(props, "DefinitionUri"));
  // ApiGenerator._validate_properties.
  if (hasUri && hasBody) {
    out.push_back(
        apiProblem("api-definition-both",
                   "Specify either 'DefinitionUri' or 'DefinitionBody' property and not both.",
                   source(managed ? "DefinitionUri" : "DefinitionBody")));
    return;
  }
  if (hasUri && truthy(present(props, "MergeDefinitions"))) {
    out.push_back(apiProblem("api-merge-definitions-uri",
                             "Cannot set 'MergeDefinitions' to True when using `DefinitionUri`.",
                             source("MergeDefinitions")));
    return;
  }
  if (const Node* version = present(props, "OpenApiVersion");
      truthy(version) && version->isString()) {
    if (!openApiVersionMatches(version->text(), true)) {
      out.push_back(apiProblem("api-openapi-version",
                               "The OpenApiVersion value must be of the format '3.0.0'.",
                               source("OpenApiVersion")));
      return;
    }
  }
  // _set_endpoint_configuration.
  if (const Node* endpoint = present(props, "EndpointConfiguration");
      truthy(endpoint) && endpoint->isMapping() && truthy(endpoint->get("Type")) &&
      endpoint->has("VPCEndpointIds") && endpoint->has("VpcEndpointIds")) {
    out.push_back(apiProblem(
        "api-vpc-endpoint-ids-both",
        "'VPCEndpointIds' and 'VpcEndpointIds' cannot be used together in EndpointConfiguration.",
        source("EndpointConfiguration")));
    return;
  }
  if (const Node* cors = present(props, "Cors"); truthy(cors)) {
    Swagger validity =
        managed ? Swagger::kValid : swaggerValidity(present(props, "DefinitionBody"));
    if (validity == Swagger::kUnknown) return;
    if (!checkCors(*cors, hasBody, validity == Swagger::kValid, source("Cors"), out)) return;
    if (!managed &&
        settles(corsBodyVerdict(*own.get("DefinitionBody"), *cors, source("Cors")), out))
      return;
  }
  // _add_auth builds its editor first, after checks of its own (its authorizers next).
  if (const Node* auth = present(props, "Auth");
      truthy(auth) && !managed && knownAuthKeys(*auth) &&
      swaggerValidity(own.get("DefinitionBody")) == Swagger::kValid) {
    if (settles(swaggerEditorVerdict(*own.get("DefinitionBody")), out)) return;
  }
  // _add_auth.
  Swagger bodyValidity =
      managed ? Swagger::kValid : swaggerValidity(present(props, "DefinitionBody"));
  std::optional<bool> validBody;
  if (bodyValidity != Swagger::kUnknown) validBody = bodyValidity == Swagger::kValid;
  AuthVerdict auth = validateApiAuth({templ, props, managed, hasBody, validBody, source("Auth"),
                                      managed ? nullptr : source("DefinitionBody")},
                                     out);
  if (auth == AuthVerdict::kRejected) return;
  // _add_gateway_responses, after the Auth SAM adds.
  if (const Node* responses = present(props, "GatewayResponses");
      truthy(responses) && auth == AuthVerdict::kAdded) {
    Swagger validity =
        managed ? Swagger::kValid : swaggerValidity(present(props, "DefinitionBody"));
    BodyValidity body = validity == Swagger::kValid     ? BodyValidity::kValid
                        : validity == Swagger::kInvalid ? BodyValidity::kInvalid
                                                        : BodyValidity::kUnknown;
    if (auto problem =
            gatewayResponsesProblem(*responses, hasBody, body, source("GatewayResponses"))) {
      out.push_back(std::move(*problem));
      return;
    }
  }
  // _add_models, after the BinaryMediaTypes checks samshift does not make (and GatewayResponses):
  // only when none of them applies.
  if (auth == AuthVerdict::kAdded && !truthy(present(props, "GatewayResponses")) &&
      !truthy(present(props, "BinaryMediaTypes"))) {
    Swagger validity =
        managed ? Swagger::kValid : swaggerValidity(present(props, "DefinitionBody"));
    if (validity == Swagger::kUnknown) return;
    if (auto models =
            apiModelsProblem(props, hasBody, validity == Swagger::kValid, source("Models"))) {
      out.push_back(std::move(*models));
      return;
    }
  }
  // _add_endpoint_extension and _openapi_postprocess, after the Auth, GatewayResponses,
  // BinaryMediaTypes and Models steps samshift does not judge: only when none of them applies.
  if (!truthy(present(props, "Auth")) && !truthy(present(props, "GatewayResponses")) &&
      !truthy(present(props, "BinaryMediaTypes")) && !truthy(present(props, "Models"))) {
    if (settles(bodyTailVerdict(own, managed, hasBody, props, source), out)) return;
  }
  // _construct_body_s3_dict, after the Auth, GatewayResponses, Models and execute-api endpoint
  // checks samshift does not make: only when none of them applies.
  if (hasUri && !truthy(present(props, "Auth")) && !truthy(present(props, "GatewayResponses")) &&
      !truthy(present(props, "Models")) && !present(props, "DisableExecuteApiEndpoint")) {
    if (const Node* uri = present(props, "DefinitionUri");
        uri->isString() && notS3Uri(uri->text())) {
      out.push_back(
          apiProblem("api-definition-uri",
                     "'DefinitionUri' is not a valid S3 Uri of the form 's3://bucket/key' "
                     "with optional versionId query parameter.",
                     source("DefinitionUri")));
    }
  }
}

std::optional<SamProblem> implicitRestApiCorsProblem(const model::Template& templ) {
  const Node* globals = templ.root().get("Globals");
  const Node* api = globals && globals->isMapping() ? globals->get("Api") : nullptr;
  if (!api || !api->isMapping() || api->entries().size() != 1) return std::nullopt;
  const Node* cors = api->get("Cors");
  if (!truthy(cors) || templ.resource("ServerlessRestApi")) return std::nullopt;
  // ImplicitRestApiPlugin makes the API for an Api event without a RestApiId.
  bool implicit = false;
  for (const char* type : {"AWS::Serverless::Function", "AWS::Serverless::StateMachine"}) {
    for (const model::ResourceView* resource : templ.resourcesOfType(type)) {
      const Node* events = resource->property("Events");
      for (const MapEntry& entry :
           events && events->isMapping() ? events->entries() : model::kNoEntries) {
        const Node* type = entry.value.isMapping() ? entry.value.get("Type") : nullptr;
        const Node* props = entry.value.isMapping() ? entry.value.get("Properties") : nullptr;
        if (!type || !type->isString("Api") || !props || !props->isMapping()) continue;
        const Node* path = props->get("Path");
        const Node* method = props->get("Method");
        implicit = implicit || (!props->has("RestApiId") && path && path->isString() && method &&
                                method->isString());
      }
    }
  }
  if (!implicit) return std::nullopt;
  std::vector<SamProblem> out;
  if (!checkCors(*cors, true, true, cors, out)) {
    out.front().subjectId = "ServerlessRestApi";
    return out.front();
  }
  // add_cors on the API's paths, none of which has OPTIONS.
  const Node* origin =
      cors->isMapping() && !cors->isIntrinsic() ? cors->get("AllowOrigin") : nullptr;
  if (origin && !origin->isFloat() && !pythonTruthy(*origin)) {
    return SamProblem{"api-cors-invalid",
                      "Structure of the SAM template is invalid. Invalid input. Value for "
                      "AllowedOrigins is required",
                      cors, true, "ServerlessRestApi"};
  }
  return std::nullopt;
}

}  // namespace samshift::sam
