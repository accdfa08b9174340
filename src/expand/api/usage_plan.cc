#include "expand/api/usage_plan.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "expand/api/route53.h"
#include "expand/builders.h"
#include "expand/tag_list.h"
#include "model/intrinsics.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kSharedPlan = "ServerlessUsagePlan";
constexpr const char* kSharedKey = "ServerlessApiKey";
constexpr const char* kSharedPlanKey = "ServerlessUsagePlanKey";
constexpr const char* kSharedCondition = "SharedUsagePlanCondition";

bool isPlanKind(const Node& value) {
  return value.isString("SHARED") || value.isString("PER_API") || value.isString("NONE");
}

// Resource._generate_resource_dict: Type, DependsOn, the attributes, Properties.
Node generatedResource(const char* type, Node dependsOn, Node properties,
                       const std::vector<std::pair<const char*, Node>>& attributes) {
  Node resource = Node::mapping();
  resource.set("Type", str(type));
  resource.set("DependsOn", std::move(dependsOn));
  for (const auto& [name, value] : attributes) resource.set(name, value);
  resource.set("Properties", std::move(properties));
  return resource;
}

// get_passthrough_resource_attributes of the API: Condition, DeletionPolicy, UpdateReplacePolicy.
std::vector<std::pair<const char*, Node>> passThroughAttributes(const PassThrough& pass) {
  std::vector<std::pair<const char*, Node>> out;
  if (pass.condition) out.emplace_back("Condition", *pass.condition);
  if (pass.deletionPolicy) out.emplace_back("DeletionPolicy", *pass.deletionPolicy);
  if (pass.updateReplacePolicy) out.emplace_back("UpdateReplacePolicy", *pass.updateReplacePolicy);
  return out;
}

// ApiGatewayUsagePlan in property_types order: ApiStages, then the plan's truthy settings.
Node usagePlanProperties(Node apiStages, const Node& usagePlan) {
  Node props = Node::mapping();
  props.set("ApiStages", std::move(apiStages));
  for (const char* name : {"Description", "Quota", "Tags", "Throttle", "UsagePlanName"}) {
    const Node* value = usagePlan.get(name);
    if (value && sam::pythonTruthy(*value)) props.set(name, *value);
  }
  return props;
}

Node apiStage(const std::string& apiId, const std::string& stageId) {
  return map({{"ApiId", ref(apiId)}, {"Stage", ref(stageId)}});
}

Node stageKey(const std::string& apiId, const std::string& stageId) {
  return map({{"RestApiId", ref(apiId)}, {"StageName", ref(stageId)}});
}

Node apiKeyProperties(Node stageKeys) {
  return map({{"Enabled", Node::boolean(true)}, {"StageKeys", std::move(stageKeys)}});
}

Node usagePlanKeyProperties(const std::string& keyId, const std::string& planId) {
  return map({{"KeyId", ref(keyId)}, {"KeyType", str("API_KEY")}, {"UsagePlanId", ref(planId)}});
}

// SamApi.propagate_tags: assign_tags replaces the Tags of the plan (in its property_types place,
// before Throttle) and gives the key Tags before StageKeys; the plan key has none.
void addResources(ExpandContext& ctx, const std::string& planId, const std::string& keyId,
                  const std::string& planKeyId, Node dependsOn, Node planProperties, Node stageKeys,
                  const std::vector<std::pair<const char*, Node>>& attributes,
                  const Node* propagatedTags) {
  Node keyProperties = apiKeyProperties(std::move(stageKeys));
  if (propagatedTags) {
    assignTags(planProperties, *propagatedTags, {"Throttle", "UsagePlanName"});
    assignTags(keyProperties, *propagatedTags, {"StageKeys", "Value"});
  }
  ctx.add(planId, generatedResource("AWS::ApiGateway::UsagePlan", std::move(dependsOn),
                                    std::move(planProperties), attributes));
  ctx.add(keyId, generatedResource("AWS::ApiGateway::ApiKey", seq({str(planId)}),
                                   std::move(keyProperties), attributes));
  ctx.add(planKeyId, generatedResource("AWS::ApiGateway::UsagePlanKey", seq({str(keyId)}),
                                       usagePlanKeyProperties(keyId, planId), attributes));
}

// SharedApiUsagePlan._set_deletion_policy / _set_update_replace_policy: the first one given,
// replaced by a stronger one later.
void strengthen(const Node*& current, const Node* given, bool updateReplace) {
  if (!given || !sam::pythonTruthy(*given)) return;
  if (!current || given->isString("Retain") ||
      (updateReplace && given->isString("Snapshot") && current->isString("Delete")))
    current = given;
}

}  // namespace

std::string unsupportedUsagePlan(const Node& usagePlan) {
  if (usagePlan.isNull()) return "";
  if (!usagePlan.isMapping()) return "UsagePlan that is not a map";
  for (const MapEntry& entry : usagePlan.entries()) {
    const std::string& key = entry.key.text();
    if (key != "CreateUsagePlan" && key != "Description" && key != "Quota" && key != "Tags" &&
        key != "Throttle" && key != "UsagePlanName")
      return "UsagePlan property " + key;
  }
  // A Ref to a parameter is resolved (and checked) when the plan is made.
  const Node* kind = usagePlan.get("CreateUsagePlan");
  if (!kind || !(isPlanKind(*kind) || model::refName(*kind))) return "this CreateUsagePlan";
  return "";
}

void addUsagePlan(ExpandContext& ctx, const std::string& id, const RestApi& api,
                  const std::string& stageId, const PassThrough& pass, const Node* propagatedTags) {
  const Node* auth = api.properties.get("Auth");
  const Node* given = auth && auth->isMapping() ? auth->get("UsagePlan") : nullptr;
  if (!given || given->isNull()) return;
  // SamApi.to_cloudformation resolves the parameters Auth refers to.
  Node usagePlan = ctx.resolve(*given);
  const Node* kind = usagePlan.isMapping() ? usagePlan.get("CreateUsagePlan") : nullptr;
  if (!kind || !isPlanKind(*kind)) {
    ctx.notSupported("API Gateway: CreateUsagePlan of AWS::Serverless::Api " + id);
    return;
  }
  if (kind->isString("NONE")) return;
  if (kind->isString("SHARED")) {
    ctx.apis.sharedUsagePlan.push_back(
        {translationRank(ctx, id), id, stageId, pass.condition, pass.deletionPolicy,
         pass.updateReplacePolicy, std::move(usagePlan),
         propagatedTags ? std::optional<Node>(*propagatedTags) : std::nullopt});
    ctx.refs[id]["UsagePlan"] = kSharedPlan;
    ctx.refs[id]["UsagePlanKey"] = kSharedPlanKey;
    ctx.refs[id]["ApiKey"] = kSharedKey;
    return;
  }
  std::string planId = id + "UsagePlan", keyId = id + "ApiKey", planKeyId = id + "UsagePlanKey";
  addResources(ctx, planId, keyId, planKeyId, seq({str(id)}),
               usagePlanProperties(seq({apiStage(id, stageId)}), usagePlan),
               seq({stageKey(id, stageId)}), passThroughAttributes(pass), propagatedTags);
  ctx.refs[id]["UsagePlan"] = planId;
  ctx.refs[id]["UsagePlanKey"] = planKeyId;
  ctx.refs[id]["ApiKey"] = keyId;
}

void emitSharedUsagePlan(ExpandContext& ctx) {
  auto& members = ctx.apis.sharedUsagePlan;
  if (members.empty()) return;
  std::stable_sort(members.begin(), members.end(),
                   [](const auto& a, const auto& b) { return a.rank < b.rank; });
  Node dependsOn = Node::sequence(), apiStages = Node::sequence(), stageKeys = Node::sequence();
  const Node* deletionPolicy = nullptr;
  const Node* updateReplacePolicy = nullptr;
  // _set_condition: the APIs' conditions, until one API has none.
  std::vector<std::string> conditions;
  bool anyWithoutCondition = false;
  for (const SharedUsagePlanMember& member : members) {
    dependsOn.push(str(member.apiId));
    apiStages.push(apiStage(member.apiId, member.stageId));
    stageKeys.push(stageKey(member.apiId, member.stageId));
    strengthen(deletionPolicy, member.deletionPolicy, false);
    strengthen(updateReplacePolicy, member.updateReplacePolicy, true);
    if (anyWithoutCondition) continue;
    if (!member.condition) {
      anyWithoutCondition = true;
    } else if (!member.condition->isString()) {
      ctx.notSupported("API Gateway: a Condition that is not a string on " + member.apiId +
                       ", which shares a usage plan");
      return;
    } else if (std::find(conditions.begin(), conditions.end(), member.condition->text()) ==
               conditions.end()) {
      conditions.push_back(member.condition->text());
    }
  }
  std::vector<std::pair<const char*, Node>> attributes;
  if (deletionPolicy) attributes.emplace_back("DeletionPolicy", *deletionPolicy);
  if (updateReplacePolicy) attributes.emplace_back("UpdateReplacePolicy", *updateReplacePolicy);
  if (!conditions.empty() && !anyWithoutCondition) {
    if (!ctx.templ.root().get("Conditions")) {
      ctx.notSupported(
          "API Gateway: a shared usage plan of APIs with conditions in a template "
          "without Conditions");
      return;
    }
    attributes.emplace_back("Condition", str(kSharedCondition));
    // One condition is named as it is; more are a Fn::Or of a Python set, whose order varies from
    // one run of SAM to the next (string hashes are salted): any order is SAM's.
    if (conditions.size() == 1) {
      ctx.extraConditions.set(kSharedCondition, str(conditions.front()));
    } else {
      Node list = Node::sequence();
      for (const std::string& condition : conditions)
        list.push(map({{"Condition", str(condition)}}));
      ctx.extraConditions.set(kSharedCondition, intrinsic("Fn::Or", std::move(list)));
    }
  }
  // Each API remade the plan; the last one's settings (and propagated tags) stay.
  const std::optional<Node>& lastTags = members.back().propagatedTags;
  addResources(ctx, kSharedPlan, kSharedKey, kSharedPlanKey, std::move(dependsOn),
               usagePlanProperties(std::move(apiStages), members.back().usagePlan),
               std::move(stageKeys), attributes, lastTags ? &*lastTags : nullptr);
}

}  // namespace samshift::expand::api
