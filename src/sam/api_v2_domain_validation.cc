#include "sam/api_v2_domain_validation.h"

#include <algorithm>
#include <string_view>

#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr std::string_view kTlsFields[] = {"TruststoreUri", "TruststoreVersion"};

// `dict.get(name) is None`: absent or null.
bool none(const Node& map, const char* name) {
  const Node* value = map.get(name);
  return !value || value->isNull();
}

// _construct_basepath_mappings refuses a path with anything but letters, digits, '/', '-', '_'
// (the regex [^0-9a-zA-Z\/\-\_]+, ASCII ranges only).
bool validBasePath(const std::string& path) {
  return std::all_of(path.begin(), path.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' ||
           c == '-' || c == '_';
  });
}

std::optional<ApiV2DomainProblem> mutualTlsProblem(const Node& tls) {
  if (!tls.isMapping()) {
    return ApiV2DomainProblem{
        "MutualTlsAuthentication must be a map with at least one of the following fields "
        "['TruststoreUri', 'TruststoreVersion'].",
        ""};
  }
  std::vector<std::string> invalid;
  for (const MapEntry& entry : tls.entries()) {
    const std::string& key = entry.key.text();
    if (std::find(std::begin(kTlsFields), std::end(kTlsFields), key) == std::end(kTlsFields))
      invalid.push_back(key);
  }
  if (invalid.empty()) return std::nullopt;
  // The resource ID SAM names is the refused keys, sorted, joined by commas.
  std::sort(invalid.begin(), invalid.end());
  std::string subject;
  for (const std::string& key : invalid) subject += (subject.empty() ? "" : ",") + key;
  return ApiV2DomainProblem{
      "Available MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion'].",
      subject};
}

// SamHttpApi.property_types: whether SAM's type check (validate_properties) passes the value.
// nullopt for a property SAM does not declare.
std::optional<bool> httpApiTypeAccepts(const std::string& name, const Node& value) {
  if (value.isNull() || value.isIntrinsic() || name == "Name") return true;
  if (name == "StageName" || name == "DefinitionUri") return value.isString() || value.isMapping();
  if (name == "CorsConfiguration") return value.isBool() || value.isMapping();
  if (name == "Description") return value.isString();
  if (name == "PropagateTags" || name == "FailOnWarnings" || name == "DisableExecuteApiEndpoint")
    return value.isBool();
  for (const char* map : {"Tags", "DefinitionBody", "StageVariables", "AccessLogSettings",
                          "DefaultRouteSettings", "Auth", "RouteSettings", "Domain"}) {
    if (name == map) return value.isMapping();
  }
  return std::nullopt;
}

// Whether SAM may reject the HttpApi before it reads its Domain for a reason samshift does not
// model: a property's type, or what _construct_http_api checks (definitions, Cors, Auth, tags).
bool httpApiMayFailFirst(const Node& props) {
  for (const MapEntry& entry : props.entries()) {
    std::optional<bool> accepted = httpApiTypeAccepts(entry.key.text(), entry.value);
    if (!accepted || !*accepted) return true;
  }
  for (const char* earlier : {"Auth", "CorsConfiguration", "DefinitionBody", "DefinitionUri"}) {
    if (!none(props, earlier)) return true;
  }
  const Node* tags = props.get("Tags");
  return tags && tags->isMapping() && tags->has("httpapi:createdBy");
}

}  // namespace

bool apiV2DomainModelled(const Node& domain) { return domain.isMapping(); }

std::vector<const Node*> apiV2BasePaths(const Node& domain) {
  const Node* basePath = domain.get("BasePath");
  std::vector<const Node*> paths;
  if (!basePath || !pythonTruthy(*basePath)) return paths;
  if (basePath->isString()) {
    paths.push_back(basePath);
  } else if (basePath->isSequence()) {
    for (const Node& item : basePath->items()) paths.push_back(&item);
  }
  return paths;
}

std::optional<ApiV2DomainProblem> apiV2DomainProblem(const Node& domain) {
  if (!apiV2DomainModelled(domain)) return std::nullopt;
  if (none(domain, "DomainName") || none(domain, "CertificateArn")) {
    return ApiV2DomainProblem{
        "Custom Domains only works if both DomainName and CertificateArn are provided.", ""};
  }
  if (!none(domain, "EndpointConfiguration") &&
      !domain.get("EndpointConfiguration")->isString("REGIONAL"))
    return ApiV2DomainProblem{
        "EndpointConfiguration for Custom Domains must be one of ['REGIONAL'].", ""};
  if (const Node* tls = domain.get("MutualTlsAuthentication"); tls && pythonTruthy(*tls)) {
    if (auto problem = mutualTlsProblem(*tls)) return problem;
  }
  for (const Node* path : apiV2BasePaths(domain)) {
    if (!path->isString()) return ApiV2DomainProblem{"Basepath must be a string.", ""};
    if (!validBasePath(path->text()))
      return ApiV2DomainProblem{"Invalid Basepath name provided.", ""};
  }
  const Node* route53 = domain.get("Route53");
  if (!route53 || route53->isNull()) return std::nullopt;
  // sam_expect(...).to_be_a_map(): an intrinsic is a dict too.
  if (!route53->isMapping())
    return ApiV2DomainProblem{"Property 'Domain.Route53' should be a map.", ""};
  if (none(*route53, "HostedZoneId") && none(*route53, "HostedZoneName")) {
    return ApiV2DomainProblem{
        "HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.",
        ""};
  }
  return std::nullopt;
}

void validateHttpApiDomain(const model::Template& templ, const model::ResourceView& resource,
                           const Node& props, const ParameterValues& params,
                           std::vector<SamProblem>& out) {
  const Node* domain = props.get("Domain");
  if (!domain || domain->isNull() || httpApiMayFailFirst(props)) return;
  // SamHttpApi.to_cloudformation resolves the parameters the Domain refers to first.
  Resolved resolved = params.resolve(*domain);
  if (resolved.failure) return;
  std::optional<ApiV2DomainProblem> problem = apiV2DomainProblem(resolved.value);
  if (!problem) return;
  out.push_back(SamProblem{"api-domain-invalid", std::move(problem->message),
                           propertySource(templ, resource, "Domain"), true,
                           std::move(problem->subjectId)});
}

}  // namespace samshift::sam
