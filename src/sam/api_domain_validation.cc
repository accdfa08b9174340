#include "sam/api_domain_validation.h"

#include <string>

#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

// `dict.get(name)`: absent or null is None.
const Node* given(const Node& map, const char* name) {
  const Node* value = map.get(name);
  return value && !value->isNull() ? value : nullptr;
}

// The first rejection of the resolved Domain, or an empty message.
std::string domainProblem(const Node& domain) {
  // sam_expect(...).to_be_a_map(): an intrinsic is a dict too.
  if (!domain.isMapping()) return "Property 'Domain' should be a map.";
  if (!given(domain, "DomainName")) return "Property 'Domain.DomainName' is required.";
  if (!given(domain, "CertificateArn")) return "Property 'Domain.CertificateArn' is required.";
  const Node* endpoint = given(domain, "EndpointConfiguration");
  bool v2 = endpoint && endpoint->isString("PRIVATE");
  if (endpoint && !endpoint->isString("EDGE") && !endpoint->isString("REGIONAL") && !v2) {
    return "EndpointConfiguration for Custom Domains must be one of ['EDGE', 'REGIONAL', "
           "'PRIVATE'].";
  }
  if (const Node* tls = given(domain, "MutualTlsAuthentication"); !v2 && truthy(tls)) {
    if (!tls->isMapping()) return "Property 'Domain.MutualTlsAuthentication' should be a map.";
    for (const MapEntry& entry : tls->entries()) {
      const std::string& key = entry.key.text();
      if (key != "TruststoreUri" && key != "TruststoreVersion")
        return "Available Domain.MutualTlsAuthentication fields are ['TruststoreUri', "
               "'TruststoreVersion'].";
    }
  }
  if (const Node* basePath = given(domain, "BasePath");
      truthy(basePath) && basePath->isSequence()) {
    for (size_t index = 0; index < basePath->items().size(); ++index) {
      if (!basePath->items()[index].isString())
        return "Property 'Domain.BasePath[" + std::to_string(index) + "]' should be a string.";
    }
  }
  // _construct_api_domain_v2 reads AccessAssociation before Route53 (SAM v1.110.0 fails on one
  // that is not a map; later releases reject it with sam_expect, as the SAM fixture
  // error_api_domain_access_association_not_dict shows).
  if (const Node* association = given(domain, "AccessAssociation");
      v2 && association && !association->isMapping())
    return "Property 'Domain.AccessAssociation' should be a map.";
  const Node* route53 = domain.get("Route53");
  if (!route53 || route53->isNull()) return "";
  if (!route53->isMapping()) return "Property 'Domain.Route53' should be a map.";
  if (!given(*route53, "HostedZoneId") && !given(*route53, "HostedZoneName"))
    return "HostedZoneId or HostedZoneName is required to enable Route53 support on Custom "
           "Domains.";
  if (const Node* separate = given(*route53, "SeparateRecordSetGroup");
      truthy(separate) && !separate->isBool())
    return "Property 'Domain.Route53.SeparateRecordSetGroup' should be a boolean.";
  return "";
}

constexpr const char* kImplicitRestApiId = "ServerlessRestApi";

const Node* globalApi(const model::Template& templ) {
  const Node* globals = templ.root().get("Globals");
  const Node* api = globals && globals->isMapping() ? globals->get("Api") : nullptr;
  return api && api->isMapping() ? api : nullptr;
}

enum class ImplicitApi { kNone, kMade, kUnknown };

// Whether ImplicitRestApiPlugin makes ServerlessRestApi: for an Api event of a function or state
// machine whose Properties (absent or null: {}) have no RestApiId. kUnknown for what samshift
// does not follow: Properties that are not a map, or a resource of that name in the template.
ImplicitApi implicitRestApi(const model::Template& templ) {
  if (templ.resource(kImplicitRestApiId)) return ImplicitApi::kUnknown;
  ImplicitApi found = ImplicitApi::kNone;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Function" &&
        resource.type != "AWS::Serverless::StateMachine")
      continue;
    const Node* events = resource.property("Events");
    if (!events || !events->isMapping()) continue;
    for (const MapEntry& event : events->entries()) {
      const Node* type = event.value.isMapping() ? event.value.get("Type") : nullptr;
      if (!type || !type->isString("Api")) continue;
      const Node* props = event.value.get("Properties");
      if (props && !props->isNull() && !props->isMapping()) return ImplicitApi::kUnknown;
      if (!props || props->isNull() || !props->has("RestApiId")) found = ImplicitApi::kMade;
    }
  }
  return found;
}

}  // namespace

void validateApiDomain(const model::Template& templ, const model::ResourceView& resource,
                       const Node& props, const ParameterValues& params,
                       std::vector<SamProblem>& out) {
  const Node* domain = given(props, "Domain");
  if (!domain) return;
  // _construct_rest_api runs first; its Auth, GatewayResponses and Models checks are not modelled.
  for (const char* earlier : {"Auth", "GatewayResponses", "Models"}) {
    if (truthy(given(props, earlier))) return;
  }
  // SamApi.to_cloudformation resolves the parameters the Domain refers to first.
  Resolved resolved = params.resolve(*domain);
  if (resolved.failure) return;
  std::string message = domainProblem(resolved.value);
  if (message.empty()) return;
  out.push_back(SamProblem{"api-domain-invalid",
                           std::move(message),
                           propertySource(templ, resource, "Domain"),
                           true,
                           {}});
}

bool implicitRestApiMade(const model::Template& templ) {
  return implicitRestApi(templ) == ImplicitApi::kMade;
}

std::optional<SamProblem> implicitApiDomainProblem(const model::Template& templ,
                                                   const ParameterValues& params) {
  const Node* api = globalApi(templ);
  const Node* domain = api ? given(*api, "Domain") : nullptr;
  if (!domain || implicitRestApi(templ) != ImplicitApi::kMade) return std::nullopt;
  for (const char* earlier : {"Auth", "GatewayResponses", "Models"}) {
    if (truthy(given(*api, earlier))) return std::nullopt;
  }
  Resolved resolved = params.resolve(*domain);
  if (resolved.failure) return std::nullopt;
  std::string message = domainProblem(resolved.value);
  if (message.empty()) return std::nullopt;
  return SamProblem{"api-domain-invalid", std::move(message), domain, true, kImplicitRestApiId};
}

bool implicitApiDomainRejected(const model::Template& templ, const ParameterValues& params) {
  const Node* api = globalApi(templ);
  const Node* domain = api ? given(*api, "Domain") : nullptr;
  if (!domain || implicitApiDomainProblem(templ, params)) return false;
  if (implicitRestApi(templ) == ImplicitApi::kNone) return false;
  Resolved resolved = params.resolve(*domain);
  return resolved.failure || !domainProblem(resolved.value).empty();
}

}  // namespace samshift::sam
