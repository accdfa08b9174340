#include "expand/api/route53.h"

#include <algorithm>

#include "expand/api/py_object.h"
#include "expand/builders.h"
#include "sam/deployment_model.h"
#include "sam/py27_conversion.h"
#include "sam/python_json.h"
#include "sam/version_hash.h"

namespace samshift::expand::api {

using model::Node;

size_t translationRank(const ExpandContext& ctx, const std::string& apiId) {
  if (sam::samConvertsToPy27(ctx.templ)) {
    const auto& order = ctx.apis.translationOrder;
    return static_cast<size_t>(std::find(order.begin(), order.end(), apiId) - order.begin());
  }
  size_t rank = 0;
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (resource.id == apiId) return rank;
    ++rank;
  }
  return rank;  // ServerlessHttpApi
}

std::string hashedLogicalId(const std::string& prefix, const Node* data) {
  if (!data || !sam::pythonTruthy(*data)) return prefix;
  std::string text = data->isString() ? data->text() : sam::pythonJson(*data);
  return prefix + sam::sha1Hex(text).substr(0, 10);
}

Node asWritten(const Node& value) { return PyObject::fromTemplate(value).toNode(); }

std::vector<Node> domainRecordSets(const Node& domainName, const Node& route53,
                                   const Node& aliasTarget) {
  auto record = [&](const char* type) {
    Node set = Node::mapping();
    set.set("Name", domainName);
    set.set("Type", str(type));
    set.set("AliasTarget", aliasTarget);
    // _update_route53_routing_policy_properties.
    for (const char* key : {"Region", "SetIdentifier"}) {
      if (const Node* value = route53.get(key); value && !value->isNull()) set.set(key, *value);
    }
    return set;
  };
  std::vector<Node> sets{record("A")};
  const Node* ipv6 = route53.get("IpV6");  // `is True`
  if (ipv6 && ipv6->isBool() && ipv6->boolValue()) sets.push_back(record("AAAA"));
  return sets;
}

void addToSharedRecordSetGroup(ExpandContext& ctx, const std::string& apiId,
                               const std::string& groupId, Node zoneProperties,
                               std::vector<Node> sets, const PassThrough& pass) {
  size_t rank = translationRank(ctx, apiId);
  auto [it, created] = ctx.apis.recordSetGroups.try_emplace(groupId);
  RecordSetGroup& group = it->second;
  if (created || rank < group.creatorRank) {
    group.creatorRank = rank;
    group.properties = std::move(zoneProperties);
    group.condition = pass.condition;
    group.deletionPolicy = pass.deletionPolicy;
    group.updateReplacePolicy = pass.updateReplacePolicy;
  }
  group.lastRank = created ? rank : std::max(group.lastRank, rank);
  for (Node& set : sets) group.recordSets.emplace_back(rank, std::move(set));
}

void addOwnRecordSetGroup(ExpandContext& ctx, const std::string& apiId, const std::string& groupId,
                          Node properties, const PassThrough& pass) {
  size_t rank = translationRank(ctx, apiId);
  auto [it, created] = ctx.apis.ownRecordSetGroups.try_emplace(groupId);
  if (!created && it->second.first > rank) return;
  it->second = {rank, makeResource("AWS::Route53::RecordSetGroup", std::move(properties), pass)};
}

void emitRecordSetGroups(ExpandContext& ctx) {
  for (auto& [groupId, group] : ctx.apis.recordSetGroups) {
    auto own = ctx.apis.ownRecordSetGroups.find(groupId);
    // The translator's resources dict keeps what the last API to write the ID gave it.
    if (own != ctx.apis.ownRecordSetGroups.end() && own->second.first > group.lastRank) continue;
    if (own != ctx.apis.ownRecordSetGroups.end()) ctx.apis.ownRecordSetGroups.erase(own);
    std::stable_sort(group.recordSets.begin(), group.recordSets.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    Node props = group.properties;
    Node list = Node::sequence();
    for (const auto& [rank, set] : group.recordSets) list.push(set);
    props.set("RecordSets", std::move(list));
    ctx.add(groupId,
            makeResource("AWS::Route53::RecordSetGroup", std::move(props),
                         {group.condition, group.deletionPolicy, group.updateReplacePolicy}));
  }
  for (auto& [groupId, own] : ctx.apis.ownRecordSetGroups) ctx.add(groupId, std::move(own.second));
}

}  // namespace samshift::expand::api
