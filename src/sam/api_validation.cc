#include "sam/api_validation.h"

#include <cctype>
#include <string>

#include "sam/api_auth_validation.h"
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
// is "Type of property 'X' is invalid." (checked with the SAM translator v1.110.0); for the others
// SAM says something else first ("Property 'X' should be a map.", …), or accepts some
// (MethodSettings as a map; a number as OpenApiVersion, which the Globals plugin turns into a
// string), which samshift does not model. MergeDefinitions and AlwaysDeploy are `Property`
// entries, which take no intrinsics.
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

bool truthy(const Node* value) { return value && pythonTruthy(*value); }

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

}  // namespace

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
  // Resource.validate_properties (from_dict); nothing when another property has a wrong type
  // whose message samshift does not know.
  const ApiProperty* firstWrong = nullptr;
  for (const ApiProperty& property : kApiProperties) {
    const Node* value = props.get(property.name);
    if (!value) continue;
    TypeVerdict verdict = apiPropertyType(*value, property);
    if (verdict == TypeVerdict::kRight) continue;
    if (verdict == TypeVerdict::kUnknown || !property.typeMessage) return;
    if (!firstWrong) firstWrong = &property;
  }
  if (firstWrong) {
    out.push_back(apiProblem("api-property-type",
                             "Type of property '" + std::string(firstWrong->name) + "' is invalid.",
                             source(firstWrong->name)));
    return;
  }
  // DefaultDefinitionBodyPlugin gives a body to an API without a DefinitionBody or DefinitionUri
  // of its own, before Globals may add a DefinitionUri.
  const Node& own = resource.propertiesMapping();
  bool managed = !truthy(own.get("DefinitionBody")) && !truthy(own.get("DefinitionUri"));
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
  // _add_models, after the GatewayResponses and BinaryMediaTypes checks samshift does not make:
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

}  // namespace samshift::sam
