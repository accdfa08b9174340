#include "expand/api/domain_v2.h"

#include <optional>
#include <string>
#include <vector>

#include "expand/api/route53.h"
#include "expand/builders.h"
#include "sam/api_v2_domain_validation.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::Node;

namespace {

// `dict.get(name)` that is not None.
const Node* given(const Node& map, const char* name) {
  const Node* value = map.get(name);
  return value && !value->isNull() ? value : nullptr;
}

const Node* truthy(const Node& map, const char* name) {
  const Node* value = map.get(name);
  return value && sam::pythonTruthy(*value) ? value : nullptr;
}

// Whether two values list the same mapping keys in the same order, at every depth.
bool sameOrder(const Node& a, const Node& b) {
  if (a.isSequence() && b.isSequence()) {
    if (a.items().size() != b.items().size()) return false;
    for (size_t i = 0; i < a.items().size(); ++i) {
      if (!sameOrder(a.items()[i], b.items()[i])) return false;
    }
    return true;
  }
  if (!a.isMapping() || !b.isMapping()) return a.isMapping() == b.isMapping();
  if (a.entries().size() != b.entries().size()) return false;
  for (size_t i = 0; i < a.entries().size(); ++i) {
    if (a.entries()[i].key.text() != b.entries()[i].key.text() ||
        !sameOrder(a.entries()[i].value, b.entries()[i].value))
      return false;
  }
  return true;
}

// Copies template values out as the generator does, in the order their dicts iterate; notes a
// value whose order is not known.
class Copier {
 public:
  explicit Copier(CopiedOrder order) : order_(order) {}
  Node operator()(const Node& value) {
    if (order_ == CopiedOrder::kTemplate) return value;
    Node py27 = asWritten(value);
    if (order_ == CopiedOrder::kUnknown && !sameOrder(py27, value)) known_ = false;
    return py27;
  }
  bool known() const { return known_; }

 private:
  CopiedOrder order_;
  bool known_ = true;
};

// The AWS::ApiGatewayV2::DomainName's properties, in ApiGatewayV2DomainName.property_types order.
Node domainNameProperties(const Node& domain, const ApiV2DomainSettings& settings, Copier& copy,
                          Copier& copyTags) {
  Node props = Node::mapping();
  props.set("DomainName", copy(*given(domain, "DomainName")));
  Node configuration = Node::mapping();
  configuration.set("CertificateArn", copy(*given(domain, "CertificateArn")));
  configuration.set("EndpointType", str("REGIONAL"));
  for (const char* key : {"OwnershipVerificationCertificateArn", "SecurityPolicy"}) {
    if (const Node* value = truthy(domain, key)) configuration.set(key, copy(*value));
  }
  props.set("DomainNameConfigurations", seq({std::move(configuration)}));
  if (const Node* tls = truthy(domain, "MutualTlsAuthentication")) {
    Node written = Node::mapping();
    for (const char* key : {"TruststoreUri", "TruststoreVersion"}) {
      if (const Node* value = truthy(*tls, key)) written.set(key, copy(*value));
    }
    props.set("MutualTlsAuthentication", std::move(written));
  }
  // assign_tags replaces the generator's own tag with the propagated tags.
  props.set("Tags", settings.propagatedTags ? copyTags(*settings.propagatedTags)
                                            : map({{settings.createdByTag, str("SAM")}}));
  return props;
}

// _construct_basepath_mappings: one mapping without a key, or one per base path, its logical ID
// without '-', '_' and '/', its key without leading and trailing '/'.
void emitApiMappings(ExpandContext& ctx, const std::string& apiId, const Node& domain,
                     const std::string& domainId, const std::string& stageId,
                     const PassThrough& pass) {
  auto mapping = [&](const std::string* key) {
    Node props = map({{"ApiId", ref(apiId)}});
    if (key) props.set("ApiMappingKey", str(*key));
    props.set("DomainName", ref(domainId));
    props.set("Stage", ref(stageId));
    return makeResource("AWS::ApiGatewayV2::ApiMapping", std::move(props), pass);
  };
  std::vector<const Node*> paths = sam::apiV2BasePaths(domain);
  if (paths.empty()) {
    ctx.add(apiId + "ApiMapping", mapping(nullptr));
    return;
  }
  for (const Node* path : paths) {  // strings SAM accepts (sam::apiV2DomainProblem)
    const std::string& text = path->text();
    std::string idPart;
    for (char c : text) {
      if (c != '-' && c != '_' && c != '/') idPart += c;
    }
    size_t first = text.find_first_not_of('/');
    std::string key = first == std::string::npos
                          ? ""
                          : text.substr(first, text.find_last_not_of('/') - first + 1);
    ctx.add(apiId + idPart + "ApiMapping", mapping(&key));
  }
}

// _construct_route53_recordsetgroup, with its REGIONAL _construct_alias_target.
void addRoute53(ExpandContext& ctx, const std::string& apiId, const Node& domain,
                const std::string& domainId, const ApiV2DomainSettings& settings, Copier& copy,
                const PassThrough& pass) {
  const Node* route53 = given(domain, "Route53");
  if (!route53) return;
  const Node* zoneId = route53->get("HostedZoneId");
  const Node* zoneName = route53->get("HostedZoneName");
  const Node* zone = zoneId && sam::pythonTruthy(*zoneId) ? zoneId : zoneName;
  std::string groupId = hashedLogicalId("RecordSetGroup", zone);
  // Only one of the keys, the id when present (a None value is left out of the output).
  Node zoneProperties = Node::mapping();
  if (zoneId) {
    if (!zoneId->isNull()) zoneProperties.set("HostedZoneId", copy(*zoneId));
  } else if (zoneName && !zoneName->isNull()) {
    zoneProperties.set("HostedZoneName", copy(*zoneName));
  }
  Node alias = Node::mapping();
  if (const Node* health = given(*route53, "EvaluateTargetHealth"))
    alias.set("EvaluateTargetHealth", copy(*health));
  alias.set("HostedZoneId", getAtt(domainId, "RegionalHostedZoneId"));
  alias.set("DNSName", getAtt(domainId, "RegionalDomainName"));
  Node domainName = copy(*given(domain, "DomainName"));
  Node routing = Node::mapping();
  for (const char* key : {"Region", "SetIdentifier", "IpV6"}) {
    if (const Node* value = route53->get(key)) routing.set(key, copy(*value));
  }
  std::vector<Node> sets = domainRecordSets(domainName, routing, alias);
  if (settings.sharedRecordSetGroups) {
    addToSharedRecordSetGroup(ctx, apiId, groupId, std::move(zoneProperties), std::move(sets),
                              pass);
    return;
  }
  Node list = Node::sequence();
  for (Node& set : sets) list.push(std::move(set));
  zoneProperties.set("RecordSets", std::move(list));
  addOwnRecordSetGroup(ctx, apiId, groupId, std::move(zoneProperties), pass);
}

}  // namespace

bool emitApiV2Domain(ExpandContext& ctx, const std::string& apiId, const Node& domain,
                     const std::string& stageId, const ApiV2DomainSettings& settings,
                     const PassThrough& pass) {
  if (!sam::apiV2DomainModelled(domain) || sam::apiV2DomainProblem(domain)) {
    ctx.notSupported("API Gateway: Domain of " + apiId + " (SAM rejects it)");
    return false;
  }
  Copier copy(settings.domainOrder);
  Copier copyTags(settings.tagsOrder);
  std::string domainId = hashedLogicalId("ApiGatewayDomainNameV2", given(domain, "DomainName"));
  Node domainName = domainNameProperties(domain, settings, copy, copyTags);
  // Checked before anything is added: refusing leaves no resource behind.
  if (const Node* route53 = given(domain, "Route53")) copy(*route53);
  if (!copy.known() || !copyTags.known()) {
    ctx.notSupported("API Gateway: the key order of the Domain of " + apiId +
                     " (merged from Globals SAM does not convert to Py27Dicts)");
    return false;
  }
  ctx.add(domainId, makeResource("AWS::ApiGatewayV2::DomainName", std::move(domainName), pass));
  emitApiMappings(ctx, apiId, domain, domainId, stageId, pass);
  addRoute53(ctx, apiId, domain, domainId, settings, copy, pass);
  // The referable property `Api.DomainName` of SamHttpApi and SamWebSocketApi.
  ctx.refs[apiId]["DomainName"] = domainId;
  return true;
}

}  // namespace samshift::expand::api
