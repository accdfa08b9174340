// The execution role SAM generates for a function without `Role`: `<Function>Role`.

#include <algorithm>

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

// AWS managed policy names SAM turns into ARNs (name → path under policy/), a subset of the map
// SAM bundles; other bare names are refused rather than guessed.
const char* managedPolicyPath(const std::string& name) {
  static const std::pair<const char*, const char*> kPolicies[] = {
      {"AWSLambdaExecute", "AWSLambdaExecute"},
      {"AWSLambdaBasicExecutionRole", "service-role/AWSLambdaBasicExecutionRole"},
      {"AWSLambdaRole", "service-role/AWSLambdaRole"},
      {"AWSLambdaVPCAccessExecutionRole", "service-role/AWSLambdaVPCAccessExecutionRole"},
      {"AWSLambdaKinesisExecutionRole", "service-role/AWSLambdaKinesisExecutionRole"},
      {"AWSLambdaDynamoDBExecutionRole", "service-role/AWSLambdaDynamoDBExecutionRole"},
      {"AWSLambdaSQSQueueExecutionRole", "service-role/AWSLambdaSQSQueueExecutionRole"},
      {"AmazonS3ReadOnlyAccess", "AmazonS3ReadOnlyAccess"},
      {"AmazonS3FullAccess", "AmazonS3FullAccess"},
      {"AmazonDynamoDBFullAccess", "AmazonDynamoDBFullAccess"},
      {"AmazonDynamoDBReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess"},
      {"AWSXrayWriteOnlyAccess", "AWSXrayWriteOnlyAccess"},
      {"AmazonSQSFullAccess", "AmazonSQSFullAccess"},
      {"AmazonSNSFullAccess", "AmazonSNSFullAccess"},
      {"CloudWatchLogsFullAccess", "CloudWatchLogsFullAccess"}};
  for (const auto& [known, path] : kPolicies) {
    if (name == known) return path;
  }
  return nullptr;
}

bool statementOrNoValue(const Node& node) {
  if (node.isIntrinsic() && node.intrinsicName() == "Ref") return node.intrinsicArgument().isString("AWS::NoValue");
  return node.isMapping() && node.has("Statement");
}

}  // namespace

void buildExecutionRole(ExpandContext& ctx, FunctionState& fn) {
  if (const Node* role = fn.property("Role")) {
    if (role->isIntrinsic() && role->intrinsicName() == "Fn::If") {
      ctx.notSupported("a conditional Role (Fn::If) of function " + fn.id);
    }
    return;
  }
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
  if (const Node* tracing = fn.property("Tracing");
      tracing && sam::pythonTruthy(*tracing) && !ctx.resolve(*tracing).isString("Disabled")) {
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
  std::vector<Node> userPolicies;
  for (const Node& entry : list.items()) {
    std::string policyName = fn.roleId + "Policy" + std::to_string(index++);
    if (entry.isString()) {
      if (const char* path = managedPolicyPath(entry.text())) {
        addManagedPolicy(fn, managedPolicyArn(ctx, path));
      } else if (entry.text().rfind("arn:", 0) == 0) {
        addManagedPolicy(fn, entry.text());
      } else {
        ctx.notSupported("managed policy name " + entry.text() + " of function " + fn.id);
      }
    } else if (entry.isMapping() && entry.has("Statement")) {
      userPolicies.push_back(map({{"PolicyName", str(policyName)}, {"PolicyDocument", entry}}));
    } else if (entry.isMapping() && entry.entries().size() == 1 && !entry.isIntrinsic()) {
      auto document = expandPolicyTemplate(entry.entries()[0].key.text(), entry.entries()[0].value);
      if (!document) {
        ctx.notSupported("policy template " + entry.entries()[0].key.text() + " of function " + fn.id);
        continue;
      }
      userPolicies.push_back(map({{"PolicyName", str(policyName)}, {"PolicyDocument", *document}}));
    } else if (entry.isIntrinsic() && entry.intrinsicName() == "Fn::If" && entry.intrinsicArgument().isSequence() &&
               entry.intrinsicArgument().items().size() == 3 && statementOrNoValue(entry.intrinsicArgument().items()[1]) &&
               statementOrNoValue(entry.intrinsicArgument().items()[2])) {
      // A conditional policy statement: each statement branch becomes a named policy.
      Node wrapped = entry;
      Node& args = wrapped.entries()[0].value;
      for (size_t branch = 1; branch < 3; ++branch) {
        if (args.items()[branch].has("Statement")) {
          args.items()[branch] = map({{"PolicyName", str(policyName)}, {"PolicyDocument", args.items()[branch]}});
        }
      }
      userPolicies.push_back(std::move(wrapped));
    } else if (entry.isIntrinsic() && entry.intrinsicName() != "Fn::If") {
      fn.role.get("Properties")->get("ManagedPolicyArns")->push(entry);
    } else {
      ctx.notSupported("policy entry of function " + fn.id);
    }
  }
  // Invoke-destination policies come before the user's.
  for (Node& policy : invokeConfigPolicies(ctx, fn)) addInlinePolicy(fn, std::move(policy));
  for (Node& policy : userPolicies) addInlinePolicy(fn, std::move(policy));
  Node* roleProps = fn.role.get("Properties");
  if (const Node* boundary = fn.property("PermissionsBoundary")) roleProps->set("PermissionsBoundary", *boundary);
  if (const Node* path = fn.property("RolePath")) roleProps->set("Path", *path);
  roleProps->set("Tags", tagList(fn.property("Tags"), true));
}

}  // namespace samshift::expand
