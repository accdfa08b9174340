// EventInvokeConfig: `<Function>EventInvokeConfig`, the SQS queue or SNS topic SAM creates for a
// destination without an ARN, and the role policies the destinations need.

#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/role.h"

namespace samshift::expand {

using model::Node;

namespace {

constexpr const char* kDestinations[] = {"OnSuccess", "OnFailure"};

// The destination config, parameter-resolved as SAM does; null when absent or not a map.
const Node* destinationConfig(const Node& resolved) {
  const Node* dest = resolved.get("DestinationConfig");
  return dest && dest->isMapping() ? dest : nullptr;
}

Node policyFor(const std::string& type, const std::string& prefix, const Node& arn) {
  auto single = [&](const char* action, const char* suffix) {
    return map({{"PolicyName", str(prefix + suffix)},
                {"PolicyDocument", map({{"Statement", seq({map({{"Action", str(action)},
                                                                {"Resource", arn},
                                                                {"Effect", str("Allow")}})})}})}});
  };
  if (type == "SQS") return single("sqs:SendMessage", "SQSPolicy");
  if (type == "SNS") return single("sns:publish", "SNSPolicy");
  if (type == "EventBridge") return single("events:PutEvents", "EventBridgePolicy");
  if (type == "Lambda") return single("lambda:InvokeFunction", "LambdaPolicy");
  // S3Bucket
  return map(
      {{"PolicyName", str(prefix + "S3Policy")},
       {"PolicyDocument",
        map({{"Statement",
              seq({map({{"Action", str("s3:PutObject")},
                        {"Resource", intrinsic("Fn::Join", seq({str("/"), seq({arn, str("*")})}))},
                        {"Effect", str("Allow")}}),
                   map({{"Action", str("s3:ListBucket")},
                        {"Resource", arn},
                        {"Effect", str("Allow")}})})}})}});
}

// The ARN a destination ends up with: as written, or the queue/topic SAM creates.
Node destinationArn(const std::string& prefix, const Node& entry) {
  if (const Node* arn = entry.get("Destination")) return *arn;
  const Node* type = entry.get("Type");
  return getAtt(prefix + (type && type->isString("SQS") ? "Queue" : "Topic"), "Arn");
}

}  // namespace

std::vector<Node> invokeConfigPolicies(ExpandContext& ctx, const FunctionState& fn) {
  std::vector<Node> out;
  const Node* config = fn.property("EventInvokeConfig");
  if (!config) return out;
  Node resolved = ctx.resolve(*config);
  const Node* dest = destinationConfig(resolved);
  if (!dest) return out;
  for (const char* name : kDestinations) {
    const Node* entry = dest->get(name);
    if (!entry || !entry->isMapping()) continue;
    const Node* type = entry->get("Type");
    if (!type || !type->isString()) continue;
    std::string prefix = fn.id + "EventInvokeConfig" + name;
    out.push_back(policyFor(type->text(), prefix, destinationArn(prefix, *entry)));
  }
  return out;
}

void emitEventInvokeConfig(ExpandContext& ctx, FunctionState& fn) {
  const Node* config = fn.property("EventInvokeConfig");
  if (!config) return;
  Node resolved = ctx.resolve(*config);
  std::string id = fn.id + "EventInvokeConfig";
  Node destinations = Node::mapping();
  if (const Node* dest = destinationConfig(resolved)) {
    for (const char* name : kDestinations) {
      const Node* entry = dest->get(name);
      if (!entry || !entry->isMapping()) continue;
      const Node* arn = entry->get("Destination");
      if (arn && arn->isIntrinsic() && arn->intrinsicName() == "Fn::If") {
        ctx.notSupported("a conditional EventInvokeConfig destination of function " + fn.id);
        return;
      }
      std::string prefix = id + name;
      if (!arn) {
        const Node* type = entry->get("Type");
        bool queue = type && type->isString("SQS");
        ctx.add(
            prefix + (queue ? "Queue" : "Topic"),
            makeResource(queue ? "AWS::SQS::Queue" : "AWS::SNS::Topic", Node::mapping(), fn.pass));
        ctx.refs[fn.id][queue ? "DestinationQueue" : "DestinationTopic"] =
            prefix + (queue ? "Queue" : "Topic");
      }
      destinations.set(name, map({{"Destination", destinationArn(prefix, *entry)}}));
    }
  }
  Node props = map({{"FunctionName", ref(fn.id)},
                    {"Qualifier", str(fn.aliasName ? *fn.aliasName : "$LATEST")},
                    {"DestinationConfig", destinations}});
  for (const char* key : {"MaximumEventAgeInSeconds", "MaximumRetryAttempts"}) {
    if (const Node* value = resolved.get(key)) props.set(key, *value);
  }
  // SAM gives it all the function's attributes, Metadata and UpdatePolicy too
  // (SamFunction._construct_event_invoke_config).
  std::optional<Node> dependsOn;
  if (fn.aliasId) dependsOn = seq({str(*fn.aliasId)});
  ctx.add(id, makeMainResource("AWS::Lambda::EventInvokeConfig", std::move(props), fn.resource,
                               dependsOn ? &*dependsOn : nullptr));
}

}  // namespace samshift::expand
