#include "expand/capacity_provider.h"

#include <algorithm>

#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/role.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// SAM's tag list here: the user's tags, then lambda:createdBy (a dict update, so a user value
// for that key is replaced in place).
Node capacityTags(const Node* tags) {
  Node merged = tags && tags->isMapping() ? *tags : Node::mapping();
  merged.set("lambda:createdBy", str("SAM"));
  Node list = Node::sequence();
  for (const MapEntry& entry : merged.entries()) {
    list.push(map({{"Key", str(entry.key.text())}, {"Value", entry.value}}));
  }
  return list;
}

}  // namespace

void expandCapacityProvider(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  Node props = sam::propertiesWithGlobals(ctx.templ, resource);
  static const char* kKnown[] = {
      "CapacityProviderName", "VpcConfig",     "OperatorRole", "Tags", "PropagateTags",
      "InstanceRequirements", "ScalingConfig", "KmsKeyArn"};
  for (const MapEntry& entry : props.entries()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), entry.key.text()) == std::end(kKnown)) {
      ctx.notSupported("property " + entry.key.text() + " of AWS::Serverless::CapacityProvider " +
                       id);
    }
  }
  // SAM validates these shapes with its own messages; samshift refuses instead of guessing them.
  const Node* vpc = props.get("VpcConfig");
  bool ok = vpc && vpc->isMapping() && vpc->get("SubnetIds") && vpc->get("SubnetIds")->isSequence();
  if (ok) {
    for (const MapEntry& entry : vpc->entries()) {
      ok = ok && (entry.key.text() == "SubnetIds" ||
                  (entry.key.text() == "SecurityGroupIds" &&
                   (entry.value.isSequence() || entry.value.isNull())));
    }
  }
  if (const Node* tags = props.get("Tags")) ok = ok && tags->isMapping();
  if (const Node* req = props.get("InstanceRequirements")) {
    ok = ok && req->isMapping() && !(req->has("AllowedTypes") && req->has("ExcludedTypes"));
  }
  if (const Node* scaling = props.get("ScalingConfig")) {
    ok = ok && scaling->isMapping();
    if (ok) {
      const Node* max = scaling->get("MaxVCpuCount");
      const Node* cpu = scaling->get("AverageCPUUtilization");
      ok = (!max || max->isInt() || max->isMapping()) &&
           (!cpu || cpu->isNumber() || cpu->isMapping());
    }
  }
  if (!ok) {
    ctx.notSupported("the properties of AWS::Serverless::CapacityProvider " + id +
                     " (SAM validates them)");
    return;
  }
  PassThrough pass = passThroughOf(resource);
  Node operatorRole;
  if (const Node* role = props.get("OperatorRole"); role && !role->isNull()) {
    operatorRole = *role;
  } else {
    std::string roleId = id + "OperatorRole";
    ctx.add(roleId,
            makeResource(
                "AWS::IAM::Role",
                map({{"AssumeRolePolicyDocument", assumeRolePolicy("lambda.amazonaws.com")},
                     {"ManagedPolicyArns",
                      seq({str(managedPolicyArn(ctx, "AWSLambdaManagedEC2ResourceOperator"))})},
                     {"Tags", capacityTags(nullptr)}}),
                pass));
    operatorRole = getAtt(roleId, "Arn");
  }
  Node out = Node::mapping();
  if (const Node* name = props.get("CapacityProviderName"); name && !name->isNull()) {
    out.set("CapacityProviderName", *name);
  }
  if (const Node* vpc = props.get("VpcConfig"); vpc && vpc->isMapping()) {
    Node cleaned = Node::mapping();
    if (const Node* subnets = vpc->get("SubnetIds")) cleaned.set("SubnetIds", *subnets);
    if (const Node* groups = vpc->get("SecurityGroupIds"); groups && !groups->isNull()) {
      cleaned.set("SecurityGroupIds", *groups);
    }
    out.set("VpcConfig", cleaned);
  }
  out.set("PermissionsConfig", map({{"CapacityProviderOperatorRoleArn", operatorRole}}));
  out.set("Tags", capacityTags(props.get("Tags")));
  if (const Node* req = props.get("InstanceRequirements");
      req && req->isMapping() && !req->entries().empty()) {
    Node transformed = Node::mapping();
    if (const Node* v = req->get("Architectures"); v && !v->isNull())
      transformed.set("Architectures", *v);
    if (const Node* v = req->get("AllowedTypes"); v && !v->isNull())
      transformed.set("AllowedInstanceTypes", *v);
    if (const Node* v = req->get("ExcludedTypes"); v && !v->isNull())
      transformed.set("ExcludedInstanceTypes", *v);
    out.set("InstanceRequirements", transformed);
  }
  if (const Node* scaling = props.get("ScalingConfig");
      scaling && scaling->isMapping() && !scaling->entries().empty()) {
    Node transformed = Node::mapping();
    if (const Node* v = scaling->get("MaxVCpuCount"); v && !v->isNull())
      transformed.set("MaxVCpuCount", *v);
    if (const Node* v = scaling->get("AverageCPUUtilization"); v && !v->isNull()) {
      transformed.set("ScalingMode", str("Manual"));
      transformed.set(
          "ScalingPolicies",
          seq({map({{"PredefinedMetricType", str("LambdaCapacityProviderAverageCPUUtilization")},
                    {"TargetValue", *v}})}));
    } else {
      transformed.set("ScalingMode", str("Auto"));
    }
    out.set("CapacityProviderScalingConfig", transformed);
  }
  if (const Node* kms = props.get("KmsKeyArn"); kms && sam::pythonTruthy(*kms))
    out.set("KmsKeyArn", *kms);
  Node provider = makeResource("AWS::Lambda::CapacityProvider", out, pass);
  if (resource.dependsOn) provider.set("DependsOn", *resource.dependsOn);
  ctx.add(id, std::move(provider));
}

void transformCapacityProviderConfig(ExpandContext& ctx, FunctionState& fn, const Node& config) {
  Node inner = Node::mapping();
  for (const model::MapEntry& entry : config.entries()) {
    const std::string& key = entry.key.text();
    if (key == "Arn") {
      inner.set("CapacityProviderArn", entry.value);
    } else if (key == "PerExecutionEnvironmentMaxConcurrency" ||
               key == "ExecutionEnvironmentMemoryGiBPerVCpu") {
      inner.set(key, entry.value);
    } else {
      ctx.notSupported("CapacityProviderConfig." + key + " of function " + fn.id);
    }
  }
  fn.lambdaProps.set("CapacityProviderConfig",
                     map({{"LambdaManagedInstancesCapacityProviderConfig", inner}}));
}

}  // namespace samshift::expand
