// The execution role SAM generates for a function without `Role`: `<Function>Role`.

#include <algorithm>
#include <optional>

#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/role.h"
#include "sam/function_properties.h"
#include "sam/managed_policies.h"
#include "sam/policies.h"
#include "sam/policy_templates.h"

namespace samshift::expand {

using model::Node;

std::string managedPolicyArn(const ExpandContext& ctx, const std::string& name) {
  return "arn:" + ctx.partition() + ":iam::aws:policy/" + name;
}

Node assumeRolePolicy(const char* service) {
  return map({{"Version", str("2012-10-17")},
              {"Statement", seq({map({{"Action", seq({str("sts:AssumeRole")})},
                                      {"Effect", str("Allow")},
                                      {"Principal", map({{"Service", seq({str(service)})}})}})})}});
}

void addManagedPolicy(FunctionState& fn, const std::string& arn) {
  if (!fn.role.isMapping()) return;
  Node* props = fn.role.get("Properties");
  Node* arns = props->get("ManagedPolicyArns");
  if (!arns) arns = &props->set("ManagedPolicyArns", Node::sequence());
  for (const Node& item : arns->items()) {
    if (item.isString(arn)) return;
  }
  arns->push(str(arn));
}

void addInlinePolicy(FunctionState& fn, Node policy) {
  if (!fn.role.isMapping()) return;
  Node* props = fn.role.get("Properties");
  Node* policies = props->get("Policies");
  if (!policies) {
    // The role's properties keep IAMRole.property_types order: Policies comes before
    // PermissionsBoundary and Tags, which may be there already.
    props->set("Policies", Node::sequence());
    std::vector<model::MapEntry>& entries = props->entries();
    auto later = std::find_if(entries.begin(), entries.end() - 1, [](const model::MapEntry& entry) {
      return entry.key.isString("PermissionsBoundary") || entry.key.isString("Tags");
    });
    std::rotate(later, entries.end() - 1, entries.end());
    policies = props->get("Policies");
  }
  policies->push(std::move(policy));
}

namespace {

// A managed policy entry as SAM puts it in the role (sam::managedPolicyArnOfName); in a partition
// without SAM's bundled map SAM asks IAM for every name, which samshift cannot do.
std::optional<Node> managedPolicyArnOf(ExpandContext& ctx, const std::string& owner,
                                       const Node& entry) {
  if (!entry.isString()) return entry;
  if (auto arn = sam::managedPolicyArnOfName(ctx.partition(), entry.text())) return str(*arn);
  ctx.notSupported("managed policy name " + entry.text() + " of " + owner +
                   " (no bundled list of SAM's for partition " + ctx.partition() +
                   ": SAM asks IAM for it)");
  return std::nullopt;
}

// A managed policy entry: a name or ARN, an intrinsic, or an `Fn::If` whose string branches SAM
// resolves as names. SAM adds each value once.
void addManagedPolicyEntry(ExpandContext& ctx, const std::string& owner, const Node& entry,
                           Node& arns) {
  Node arn = entry;
  if (entry.isIntrinsic() && entry.intrinsicName() == "Fn::If") {
    for (size_t branch = 1; branch < 3; ++branch) {
      Node& value = arn.entries()[0].value.items()[branch];
      if (!value.isString()) continue;
      std::optional<Node> resolved = managedPolicyArnOf(ctx, owner, value);
      if (!resolved) return;
      value = std::move(*resolved);
    }
  } else {
    std::optional<Node> resolved = managedPolicyArnOf(ctx, owner, entry);
    if (!resolved) return;
    arn = std::move(*resolved);
  }
  for (const Node& item : arns.items()) {
    if (item.sameValue(arn)) return;
  }
  arns.push(std::move(arn));
}

// A policy template entry (`{Name: values}`) as the document SAM makes of it.
std::optional<Node> templateDocument(ExpandContext& ctx, const std::string& owner,
                                     const Node& entry) {
  const model::MapEntry& written = entry.entries()[0];
  const sam::PolicyTemplate* policyTemplate = sam::findPolicyTemplate(written.key.text());
  std::optional<Node> document =
      policyTemplate ? sam::instantiatePolicyTemplate(*policyTemplate, written.value)
                     : std::nullopt;
  if (!document) {
    ctx.notSupported("values of policy template " + written.key.text() + " of " + owner +
                     " that refer to SAM's internal parameter names");
  }
  return document;
}

// A statement or template entry as the role's inline policy `<Role>Policy<index>`; for an
// `Fn::If`, each branch that is not `AWS::NoValue`.
std::optional<Node> inlinePolicy(ExpandContext& ctx, const std::string& owner, const Node& entry,
                                 sam::PolicyKind kind, const std::string& policyName) {
  auto named = [&](const Node& branch) -> std::optional<Node> {
    std::optional<Node> document = branch;
    if (kind == sam::PolicyKind::kTemplate) {
      if (!branch.isMapping() || branch.isIntrinsic()) {
        // SAM's plugin takes a nested Fn::If for a template name and fails.
        ctx.notSupported("a policy template inside a nested Fn::If of " + owner);
        return std::nullopt;
      }
      document = templateDocument(ctx, owner, branch);
    }
    if (!document) return std::nullopt;
    return map({{"PolicyName", str(policyName)}, {"PolicyDocument", std::move(*document)}});
  };
  if (!entry.isIntrinsic() || entry.intrinsicName() != "Fn::If") return named(entry);
  Node conditional = entry;
  for (size_t branch = 1; branch < 3; ++branch) {
    Node& value = conditional.entries()[0].value.items()[branch];
    if (sam::isNoValue(value)) continue;
    std::optional<Node> policy = named(value);
    if (!policy) return std::nullopt;
    value = std::move(*policy);
  }
  return conditional;
}

}  // namespace

// SAM's IAMRolePolicies.dead_letter_queue_policy, for a DeadLetterQueue SAM accepted.
Node deadLetterQueuePolicy(const Node& dlq) {
  const Node& type = *dlq.get("Type");
  Node statement = map({{"Action", str(std::string(*sam::deadLetterQueueAction(type)))},
                        {"Resource", *dlq.get("TargetArn")},
                        {"Effect", str("Allow")}});
  return map({{"PolicyName", str("DeadLetterQueuePolicy")},
              {"PolicyDocument",
               map({{"Version", str("2012-10-17")}, {"Statement", seq({std::move(statement)})}})}});
}

std::vector<Node> addRolePolicies(ExpandContext& ctx, const std::string& owner,
                                  const std::string& roleId,
                                  const std::vector<const Node*>& entries, Node& managedArns) {
  std::vector<Node> inlinePolicies;
  for (size_t index = 0; index < entries.size(); ++index) {
    const Node& entry = *entries[index];
    // validateSamResource has rejected the entries SAM rejects.
    std::optional<sam::PolicyKind> kind = sam::policyKind(entry);
    if (kind == sam::PolicyKind::kManagedPolicy) {
      addManagedPolicyEntry(ctx, owner, entry, managedArns);
    } else if (kind == sam::PolicyKind::kStatement || kind == sam::PolicyKind::kTemplate) {
      std::string policyName = roleId + "Policy" + std::to_string(index);
      if (auto policy = inlinePolicy(ctx, owner, entry, *kind, policyName))
        inlinePolicies.push_back(std::move(*policy));
    } else {
      ctx.notSupported("policy entry of " + owner);
    }
  }
  return inlinePolicies;
}

void buildExecutionRole(ExpandContext& ctx, FunctionState& fn) {
  // A conditional Role may use the generated role on one branch (settleExecutionRole).
  if (const Node* role = fn.property("Role");
      role && !(role->isIntrinsic() && role->intrinsicName() == "Fn::If"))
    return;
  fn.roleId = fn.id + "Role";
  Node props = Node::mapping();
  const Node* assume = fn.property("AssumeRolePolicyDocument");
  props.set("AssumeRolePolicyDocument",
            assume ? *assume : assumeRolePolicy("lambda.amazonaws.com"));
  Node arns = Node::sequence();
  if (fn.property("DurableConfig")) {
    arns.push(str(managedPolicyArn(ctx, "service-role/AWSLambdaBasicDurableExecutionRolePolicy")));
  } else {
    arns.push(str(managedPolicyArn(ctx, "service-role/AWSLambdaBasicExecutionRole")));
  }
  if (const Node* tracing = fn.property("Tracing");
      tracing && sam::pythonTruthy(*tracing) && !ctx.resolve(*tracing).isString("Disabled")) {
    arns.push(str(managedPolicyArn(
        ctx, ctx.partition() == "aws" ? "AWSXrayWriteOnlyAccess" : "AWSXRayDaemonWriteAccess")));
  }
  if (fn.property("VpcConfig")) {
    arns.push(str(managedPolicyArn(ctx, "service-role/AWSLambdaVPCAccessExecutionRole")));
  }
  props.set("ManagedPolicyArns", std::move(arns));
  fn.role = makeResource("AWS::IAM::Role", std::move(props), {fn.pass.condition, nullptr, nullptr});
  // SAM copies every pass-through attribute to the role.
  if (fn.pass.deletionPolicy) fn.role.set("DeletionPolicy", *fn.pass.deletionPolicy);
  if (fn.pass.updateReplacePolicy) fn.role.set("UpdateReplacePolicy", *fn.pass.updateReplacePolicy);

  std::vector<Node> userPolicies = addRolePolicies(
      ctx, "function " + fn.id, fn.roleId, sam::policyEntries(fn.property("Policies")),
      *fn.role.get("Properties")->get("ManagedPolicyArns"));
  // The dead-letter queue's and invoke destinations' policies come before the user's.
  if (const Node* dlq = fn.property("DeadLetterQueue"); dlq && sam::pythonTruthy(*dlq))
    addInlinePolicy(fn, deadLetterQueuePolicy(*dlq));
  for (Node& policy : invokeConfigPolicies(ctx, fn)) addInlinePolicy(fn, std::move(policy));
  for (Node& policy : userPolicies) addInlinePolicy(fn, std::move(policy));
  Node* roleProps = fn.role.get("Properties");
  if (const Node* boundary = fn.property("PermissionsBoundary"))
    roleProps->set("PermissionsBoundary", *boundary);
  if (const Node* path = fn.property("RolePath")) roleProps->set("Path", *path);
  roleProps->set("Tags", tagList(fn.property("Tags"), true));
}

}  // namespace samshift::expand
