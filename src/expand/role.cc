// The execution role SAM generates for a function without `Role`: `<Function>Role`.

#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/policy_templates.h"
#include "expand/role.h"

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
  if (!policies) policies = &props->set("Policies", Node::sequence());
  policies->push(std::move(policy));
}

namespace {

// AWS managed policy names SAM turns into ARNs when a policy entry names one.
bool isAwsManagedPolicyName(const std::string& name) {
  static const char* kNames[] = {"AWSLambdaExecute", "AWSLambdaBasicExecutionRole", "AmazonS3ReadOnlyAccess",
                                 "AmazonS3FullAccess", "AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess",
                                 "AWSLambdaRole", "AWSXrayWriteOnlyAccess", "AWSLambda_FullAccess",
                                 "AmazonSQSFullAccess", "AmazonSNSFullAccess", "CloudWatchLogsFullAccess"};
  for (const char* known : kNames) {
    if (name == known) return true;
  }
  return false;
}

}  // namespace

void buildExecutionRole(ExpandContext& ctx, FunctionState& fn) {
  if (fn.property("Role")) return;
  fn.roleId = fn.id + "Role";
  Node props = Node::mapping();
  const Node* assume = fn.property("AssumeRolePolicyDocument");
  props.set("AssumeRolePolicyDocument", assume ? *assume : assumeRolePolicy("lambda.amazonaws.com"));
  Node arns = Node::sequence();
  if (fn.property("DurableConfig")) {
    arns.push(str(managedPolicyArn(ctx, "service-role/AWSLambdaBasicDurableExecutionRolePolicy")));
  } else {
    arns.push(str(managedPolicyArn(ctx, "service-role/AWSLambdaBasicExecutionRole")));
  }
  if (const Node* tracing = fn.property("Tracing"); tracing && sam::pythonTruthy(*tracing)) {
    arns.push(str(managedPolicyArn(ctx, ctx.partition() == "aws" ? "AWSXrayWriteOnlyAccess"
                                                                  : "AWSXRayDaemonWriteAccess")));
  }
  if (fn.property("VpcConfig")) {
    arns.push(str(managedPolicyArn(ctx, "service-role/AWSLambdaVPCAccessExecutionRole")));
  }
  props.set("ManagedPolicyArns", std::move(arns));
  fn.role = makeResource("AWS::IAM::Role", std::move(props), {fn.pass.condition, nullptr, nullptr});
  // SAM copies every pass-through attribute to the role.
  if (fn.pass.deletionPolicy) fn.role.set("DeletionPolicy", *fn.pass.deletionPolicy);
  if (fn.pass.updateReplacePolicy) fn.role.set("UpdateReplacePolicy", *fn.pass.updateReplacePolicy);

  if (fn.property("DeadLetterQueue")) ctx.notSupported("DeadLetterQueue of function " + fn.id);

  const Node* policies = fn.property("Policies");
  Node list = Node::sequence();
  if (policies) {
    if (policies->isSequence()) {
      list = *policies;
    } else {
      list.push(*policies);
    }
  }
  int index = 0;
  for (const Node& entry : list.items()) {
    std::string policyName = fn.roleId + "Policy" + std::to_string(index++);
    if (entry.isString()) {
      addManagedPolicy(fn, isAwsManagedPolicyName(entry.text()) ? managedPolicyArn(ctx, entry.text()) : entry.text());
    } else if (entry.isMapping() && entry.has("Statement")) {
      addInlinePolicy(fn, map({{"PolicyName", str(policyName)}, {"PolicyDocument", entry}}));
    } else if (entry.isMapping() && entry.entries().size() == 1 && !entry.isIntrinsic()) {
      auto document = expandPolicyTemplate(entry.entries()[0].key.text(), entry.entries()[0].value);
      if (!document) {
        ctx.notSupported("policy template " + entry.entries()[0].key.text() + " of function " + fn.id);
        continue;
      }
      addInlinePolicy(fn, map({{"PolicyName", str(policyName)}, {"PolicyDocument", *document}}));
    } else if (entry.isIntrinsic() && entry.intrinsicName() != "Fn::If") {
      addManagedPolicy(fn, "");
      Node* arns2 = fn.role.get("Properties")->get("ManagedPolicyArns");
      arns2->items().back() = entry;
    } else {
      ctx.notSupported("policy entry of function " + fn.id);
    }
  }
  Node* roleProps = fn.role.get("Properties");
  if (const Node* boundary = fn.property("PermissionsBoundary")) roleProps->set("PermissionsBoundary", *boundary);
  if (const Node* path = fn.property("RolePath")) roleProps->set("Path", *path);
  roleProps->set("Tags", tagList(fn.property("Tags"), true));
}

}  // namespace samshift::expand
