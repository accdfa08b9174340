#include "expand/api/domain.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "expand/api/domain_globals.h"
#include "expand/api/py_object.h"
#include "expand/api/route53.h"
#include "expand/builders.h"
#include "expand/tag_list.h"
#include "sam/deployment_model.h"
#include "sam/python_json.h"
#include "sam/version_hash.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

// CloudFront's hosted zone, which every EDGE domain's alias targets (_construct_alias_target).
constexpr const char* kCloudFrontHostedZoneId = "Z2FDTNDATAQYW2";

// `dict.get(name)`: absent or null is None.
const Node* given(const Node& map, const char* name) {
  const Node* value = map.get(name);
  return value && !value->isNull() ? value : nullptr;
}

using sam::truthy;

// A SAM map as sam_expect(...).to_be_a_map() sees it: an intrinsic is a dict too.
bool isDict(const Node* value) { return value && value->isMapping(); }

// The AWS::ApiGateway::DomainName's properties, in ApiGatewayDomainName.property_types order.
// nullopt after refusing.
std::optional<Node> domainProperties(ExpandContext& ctx, const std::string& apiId,
                                     const Node& domain, const std::string& endpoint) {
  const Node* certificate = given(domain, "CertificateArn");
  Node props = Node::mapping();
  bool v2 = endpoint == "PRIVATE";
  if (endpoint == "REGIONAL") props.set("RegionalCertificateArn", asWritten(*certificate));
  props.set("DomainName", asWritten(*given(domain, "DomainName")));
  Node endpointConfiguration = map({{"Types", seq({str(endpoint)})}});
  if (const Node* ipAddressType = given(domain, "IpAddressType"); truthy(ipAddressType))
    endpointConfiguration.set("IpAddressType", asWritten(*ipAddressType));
  props.set("EndpointConfiguration", std::move(endpointConfiguration));
  // _construct_api_domain_v2 does not read MutualTlsAuthentication.
  if (const Node* mutualTls = given(domain, "MutualTlsAuthentication"); !v2 && truthy(mutualTls)) {
    bool known = isDict(mutualTls);
    for (const MapEntry& entry : known ? mutualTls->entries() : model::kNoEntries) {
      const std::string& key = entry.key.text();
      if (key != "TruststoreUri" && key != "TruststoreVersion") known = false;
    }
    if (!known) {
      ctx.notSupported("API Gateway: Domain.MutualTlsAuthentication of " + apiId +
                       " (SAM rejects it)");
      return std::nullopt;
    }
    Node tls = Node::mapping();
    for (const char* key : {"TruststoreUri", "TruststoreVersion"}) {
      if (const Node* value = given(*mutualTls, key); truthy(value))
        tls.set(key, asWritten(*value));
    }
    props.set("MutualTlsAuthentication", std::move(tls));
  }
  // _set_optional_domain_properties; Policy is no property of a DomainName, nor
  // OwnershipVerificationCertificateArn of a DomainNameV2 (SAM fails setting them).
  if (truthy(given(domain, v2 ? "OwnershipVerificationCertificateArn" : "Policy"))) {
    ctx.notSupported("API Gateway: Domain." +
                     std::string(v2 ? "OwnershipVerificationCertificateArn" : "Policy") + " of " +
                     apiId + (v2 ? " on a PRIVATE domain" : " on a domain that is not PRIVATE"));
    return std::nullopt;
  }
  for (const char* key : {"SecurityPolicy", "EndpointAccessMode"}) {
    if (const Node* value = given(domain, key); truthy(value)) props.set(key, asWritten(*value));
  }
  if (endpoint != "REGIONAL") props.set("CertificateArn", asWritten(*certificate));
  const char* last = v2 ? "Policy" : "OwnershipVerificationCertificateArn";
  if (const Node* value = given(domain, last); truthy(value)) props.set(last, asWritten(*value));
  return props;
}

// The BasePathMappings: one without a BasePath, or one for each base path. False after refusing.
bool emitBasePathMappings(ExpandContext& ctx, const std::string& apiId, const Node& domain,
                          const std::string& domainId, const std::string& stageId, bool v2,
                          const PassThrough& pass) {
  auto mapping = [&](std::optional<std::string> basePath) {
    Node props = Node::mapping();
    if (basePath) props.set("BasePath", str(*basePath));
    props.set(v2 ? "DomainNameArn" : "DomainName", ref(domainId));
    props.set("RestApiId", ref(apiId));
    props.set("Stage", ref(stageId));
    return makeResource(
        v2 ? "AWS::ApiGateway::BasePathMappingV2" : "AWS::ApiGateway::BasePathMapping",
        std::move(props), pass);
  };
  const Node* basePath = given(domain, "BasePath");
  std::vector<const Node*> basePaths;
  if (truthy(basePath) && basePath->isString()) {
    basePaths.push_back(basePath);
  } else if (truthy(basePath) && basePath->isSequence()) {
    for (const Node& item : basePath->items()) basePaths.push_back(&item);
  }
  if (basePaths.empty()) {
    ctx.add(apiId + "BasePathMapping", mapping(std::nullopt));
    return true;
  }
  // NormalizeBasePath (default true) keeps only the letters and digits of each base path.
  const Node* normalizeFlag = domain.get("NormalizeBasePath");
  bool normalize = !normalizeFlag || sam::pythonTruthy(*normalizeFlag);
  for (const Node* item : basePaths) {
    if (!item->isString()) {
      ctx.notSupported("API Gateway: Domain.BasePath of " + apiId + " (SAM rejects a non-string)");
      return false;
    }
    const std::string& text = item->text();
    if (std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; })) {
      ctx.notSupported("API Gateway: a non-ASCII Domain.BasePath of " + apiId);
      return false;
    }
    std::string alnum;
    std::copy_if(text.begin(), text.end(), std::back_inserter(alnum),
                 [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
    ctx.add(apiId + alnum + "BasePathMapping", mapping(normalize ? alnum : text));
  }
  return true;
}

// _construct_alias_target.
Node aliasTarget(const std::string& domainId, const std::string& endpoint, const Node& route53) {
  Node alias = Node::mapping();
  if (const Node* health = given(route53, "EvaluateTargetHealth"))
    alias.set("EvaluateTargetHealth", asWritten(*health));
  if (endpoint == "REGIONAL") {
    alias.set("HostedZoneId", getAtt(domainId, "RegionalHostedZoneId"));
    alias.set("DNSName", getAtt(domainId, "RegionalDomainName"));
  } else if (endpoint == "PRIVATE") {
    for (const auto& [key, from] : {std::pair{"HostedZoneId", "VpcEndpointHostedZoneId"},
                                    std::pair{"DNSName", "VpcEndpointDomainName"}}) {
      const Node* value = given(route53, from);
      alias.set(key, value ? asWritten(*value) : Node());
    }
  } else {
    alias.set("HostedZoneId", str(kCloudFrontHostedZoneId));
    const Node* distribution = given(route53, "DistributionDomainName");
    alias.set("DNSName",
              distribution ? asWritten(*distribution) : getAtt(domainId, "DistributionDomainName"));
  }
  return alias;
}

// The Route53 part of _construct_api_domain. False after refusing.
bool addRoute53(ExpandContext& ctx, const std::string& apiId, const Node& domain,
                const std::string& domainId, const std::string& endpoint, const PassThrough& pass) {
  const Node* route53 = domain.get("Route53");
  if (!route53 || route53->isNull()) return true;
  const Node* zoneId = isDict(route53) ? given(*route53, "HostedZoneId") : nullptr;
  const Node* zoneName = isDict(route53) ? given(*route53, "HostedZoneName") : nullptr;
  if (!isDict(route53) || (!zoneId && !zoneName)) {
    ctx.notSupported("API Gateway: Domain.Route53 of " + apiId + " (SAM rejects it)");
    return false;
  }
  const Node* zone = truthy(zoneId) ? zoneId : zoneName;
  std::vector<Node> sets =
      domainRecordSets(asWritten(*given(domain, "DomainName")), asWritten(*route53),
                       aliasTarget(domainId, endpoint, *route53));
  if (const Node* separate = given(*route53, "SeparateRecordSetGroup"); truthy(separate)) {
    if (!separate->isBool()) {
      ctx.notSupported("API Gateway: Domain.Route53.SeparateRecordSetGroup of " + apiId +
                       " (SAM rejects a value that is not a boolean)");
      return false;
    }
    // _construct_single_record_set_group: a group of this domain's own.
    Node hashed = Node::sequence();
    hashed.push(zone ? *zone : Node());
    hashed.push(*given(domain, "DomainName"));
    Node props = Node::mapping();
    if (truthy(zoneId)) props.set("HostedZoneId", asWritten(*zoneId));
    if (truthy(zoneName)) props.set("HostedZoneName", asWritten(*zoneName));
    Node list = Node::sequence();
    for (Node& set : sets) list.push(std::move(set));
    props.set("RecordSets", std::move(list));
    addOwnRecordSetGroup(ctx, apiId, hashedLogicalId("RecordSetGroup", &hashed), std::move(props),
                         pass);
    return true;
  }
  // _get_record_set_group: "HostedZoneId" in route53 (a null one is left out of the output).
  Node zoneProperties = Node::mapping();
  if (zoneId) zoneProperties.set("HostedZoneId", asWritten(*zoneId));
  if (zoneName) zoneProperties.set("HostedZoneName", asWritten(*zoneName));
  addToSharedRecordSetGroup(ctx, apiId, hashedLogicalId("RecordSetGroup", zone),
                            std::move(zoneProperties), std::move(sets), pass);
  return true;
}

// SamApi.to_cloudformation resolves the parameters the Domain refers to first.
// A Domain both `Globals: Api` and the resource give is hashed in the order of SAM's merge.
// nullopt without a Domain, or after refusing.
std::optional<Node> resolvedDomain(ExpandContext& ctx, const RestApi& api) {
  const Node* domain = given(api.properties, "Domain");
  if (!domain) return std::nullopt;
  const Node* globals = ctx.templ.globals();
  const Node* globalApi = globals && globals->isMapping() ? globals->get("Api") : nullptr;
  const Node* global = globalApi && globalApi->isMapping() ? globalApi->get("Domain") : nullptr;
  const Node* local = api.resource ? api.resource->property("Domain") : nullptr;
  if (global && local) {
    std::optional<Node> ordered = domainInSamMergeOrder(*domain, *global, *local);
    if (!ordered) {
      ctx.notSupported("API Gateway: the Domain of " + std::string(api.resource->id) +
                       " merged from Globals with more than five keys there");
      return std::nullopt;
    }
    return ctx.resolve(*ordered);
  }
  return ctx.resolve(*domain);
}

}  // namespace

void emitRestDomain(ExpandContext& ctx, const std::string& apiId, const RestApi& api,
                    const std::string& stageId, const PassThrough& pass,
                    const Node* propagatedTags) {
  std::optional<Node> resolved = resolvedDomain(ctx, api);
  if (!resolved) return;
  const Node* domain = &*resolved;
  if (!isDict(domain) || domain->isIntrinsic() || !given(*domain, "DomainName") ||
      !given(*domain, "CertificateArn")) {
    ctx.notSupported("API Gateway: Domain of " + apiId +
                     " (SAM rejects one that is not a map with DomainName and CertificateArn)");
    return;
  }
  const Node* endpointNode = given(*domain, "EndpointConfiguration");
  std::string endpoint = "REGIONAL";
  if (endpointNode) {
    if (!endpointNode->isString("EDGE") && !endpointNode->isString("REGIONAL") &&
        !endpointNode->isString("PRIVATE")) {
      ctx.notSupported("API Gateway: Domain.EndpointConfiguration of " + apiId +
                       " (SAM rejects one that is not EDGE, REGIONAL or PRIVATE)");
      return;
    }
    endpoint = endpointNode->text();
  }
  // A PRIVATE domain is a DomainNameV2 (_construct_api_domain_v2).
  bool v2 = endpoint == "PRIVATE";
  const char* kind = v2 ? "DomainNameV2" : "DomainName";
  std::string domainId =
      hashedLogicalId(std::string("ApiGateway") + kind, given(*domain, "DomainName"));
  const Node* association = domain->get("AccessAssociation");
  if (v2 && association && !association->isNull() && !isDict(association)) {
    ctx.notSupported("API Gateway: Domain.AccessAssociation of " + apiId + " (not a map)");
    return;
  }
  std::optional<Node> props = domainProperties(ctx, apiId, *domain, endpoint);
  if (!props) return;
  if (propagatedTags)
    assignTags(*props, *propagatedTags, {v2 ? "Policy" : "OwnershipVerificationCertificateArn"});
  ctx.add(domainId, makeResource(std::string("AWS::ApiGateway::") + kind, std::move(*props), pass));
  if (!emitBasePathMappings(ctx, apiId, *domain, domainId, stageId, v2, pass)) return;
  if (!addRoute53(ctx, apiId, *domain, domainId, endpoint, pass)) return;
  if (v2 && association && !association->isNull()) {
    // _generate_domain_access_association, after the API's other resources.
    const Node* endpointId = given(*association, "VpcEndpointId");
    Node hashed = Node::sequence();
    hashed.push(endpointId ? *endpointId : Node());
    hashed.push(str(domainId));
    Node associationProps = Node::mapping();
    // to_dict leaves out a property that is None.
    if (endpointId) associationProps.set("AccessAssociationSource", asWritten(*endpointId));
    associationProps.set("AccessAssociationSourceType", str("VPCE"));
    associationProps.set("DomainNameArn", ref(domainId));
    if (propagatedTags) associationProps.set("Tags", *propagatedTags);
    ctx.add(hashedLogicalId("DomainNameAccessAssociation", &hashed),
            makeResource("AWS::ApiGateway::DomainNameAccessAssociation",
                         std::move(associationProps), pass));
  }
  // SamApi's referable properties `Api.DomainName`, `Api.DomainNameV2`.
  ctx.refs[apiId][kind] = domainId;
}

std::string domainHashPart(ExpandContext& ctx, const RestApi& api) {
  std::optional<Node> resolved = resolvedDomain(ctx, api);
  const Node* domain = resolved ? &*resolved : nullptr;
  if (!isDict(domain) || domain->isIntrinsic() || !given(*domain, "DomainName")) return "";
  const Node* endpoint = given(*domain, "EndpointConfiguration");
  // _construct_api_domain_v2 leaves a PRIVATE domain's dict as it is.
  if (endpoint && endpoint->isString("PRIVATE"))
    return "||" + sam::pythonJsonDefault(PyObject::fromTemplate(*domain).toNode());
  std::string domainId = hashedLogicalId("ApiGatewayDomainName", given(*domain, "DomainName"));
  // The Domain dict as _construct_api_domain leaves it, before _construct_deployment hashes it.
  PyObject edited = PyObject::fromTemplate(*domain);
  edited.set("ApiDomainName", PyObject::str(domainId));
  if (!endpoint) edited.set("EndpointConfiguration", PyObject::str("REGIONAL"));
  const Node* route53 = domain->get("Route53");
  // _construct_alias_target points an EDGE domain's record at its CloudFront distribution.
  if (endpoint && endpoint->isString("EDGE") && isDict(route53) &&
      !given(*route53, "DistributionDomainName")) {
    PyObject target = PyObject::list();
    target.push(PyObject::str(domainId));
    target.push(PyObject::str("DistributionDomainName"));
    PyObject getAttr = PyObject::dict(false);
    getAttr.set("Fn::GetAtt", std::move(target));
    edited.get("Route53")->set("DistributionDomainName", std::move(getAttr));
  }
  return "||" + sam::pythonJsonDefault(edited.toNode());
}

}  // namespace samshift::expand::api
