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

// A value SAM's SamIntrinsicable accepts as it is: an intrinsic (a one-key map).
bool intrinsic(const Node& value) { return value.isMapping() && value.entries().size() == 1; }

// SamIntrinsicable[list[SamIntrinsicable[str]]].
bool stringList(const Node& value) {
  if (intrinsic(value)) return true;
  if (!value.isSequence()) return false;
  for (const Node& item : value.items()) {
    if (!item.isString() && !intrinsic(item)) return false;
  }
  return true;
}

// A mapping whose keys are among `known`, each value accepted by `accepts` or null.
template <typename Accepts>
bool knownKeys(const Node& value, std::initializer_list<std::string_view> known, Accepts accepts) {
  if (!value.isMapping()) return false;
  for (const MapEntry& entry : value.entries()) {
    if (std::find(known.begin(), known.end(), entry.key.text()) == known.end()) return false;
    if (!entry.value.isNull() && !accepts(entry.key.text(), entry.value)) return false;
  }
  return true;
}

// The shapes of the properties aws_serverless_capacity_provider.Properties takes unchanged.
bool shapesSamKeepsAsWritten(const Node& props) {
  const Node* vpc = props.get("VpcConfig");
  if (!vpc || !vpc->get("SubnetIds") ||
      !knownKeys(*vpc, {"SubnetIds", "SecurityGroupIds"},
                 [](std::string_view, const Node& v) { return stringList(v); }))
    return false;
  for (const char* key : {"CapacityProviderName", "OperatorRole", "KmsKeyArn"}) {
    const Node* value = props.get(key);
    if (value && !value->isNull() && !value->isString() && !intrinsic(*value)) return false;
  }
  if (const Node* tags = props.get("Tags"); tags && !tags->isNull() && !tags->isMapping())
    return false;
  if (const Node* propagate = props.get("PropagateTags");
      propagate && !propagate->isNull() && !propagate->isBool())
    return false;
  if (const Node* req = props.get("InstanceRequirements"); req && !req->isNull()) {
    if (!knownKeys(*req, {"Architectures", "AllowedTypes", "ExcludedTypes"},
                   [](std::string_view, const Node& v) { return stringList(v); }))
      return false;
    auto given = [&](const char* key) { return req->get(key) && !req->get(key)->isNull(); };
    if (given("AllowedTypes") && given("ExcludedTypes")) return false;
  }
  if (const Node* scaling = props.get("ScalingConfig"); scaling && !scaling->isNull()) {
    // pydantic makes an int AverageCPUUtilization a float (written below as one).
    auto accepts = [](std::string_view key, const Node& v) {
      if (intrinsic(v)) return true;
      return key == "MaxVCpuCount" ? v.isInt() : v.isNumber();
    };
    if (!knownKeys(*scaling, {"MaxVCpuCount", "AverageCPUUtilization"}, accepts)) return false;
  }
  return true;
}

// propagate_tags_combine: the user's tags over a generated resource's, key by key in place.
Node combinedTags(const Node& tagList, const Node& tags) {
  Node merged = Node::mapping();
  for (const Node& tag : tagList.items()) merged.set(tag.get("Key")->text(), *tag.get("Value"));
  for (const MapEntry& entry : tags.entries()) merged.set(entry.key.text(), entry.value);
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
  // SAM validates these shapes with pydantic and its own messages, and pydantic converts some
  // values (1 in a list of strings to "1"); samshift refuses all but the shapes SAM passes through
  // unchanged.
  bool ok = shapesSamKeepsAsWritten(props);
  if (!ok) {
    ctx.notSupported("the properties of AWS::Serverless::CapacityProvider " + id +
                     " (SAM validates them)");
    return;
  }
  PassThrough pass = passThroughOf(resource);
  // PropagateTags hands the user's tags to the role too, over the generated resources' own.
  const Node* tags = props.get("Tags");
  const Node* propagate = props.get("PropagateTags");
  bool propagated = propagate && propagate->isBool() && propagate->boolValue() && tags &&
                    tags->isMapping() && !tags->entries().empty();
  auto tagged = [&](Node list) { return propagated ? combinedTags(list, *tags) : list; };
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
                     {"Tags", tagged(capacityTags(nullptr))}}),
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
  out.set("Tags", tagged(capacityTags(tags)));
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
                    {"TargetValue",
                     v->isInt() ? Node::floating(static_cast<double>(v->intValue())) : *v}})}));
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
