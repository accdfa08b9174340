// EventInvokeConfig: `<Function>EventInvokeConfig`, the SQS queue or SNS topic SAM creates for a
// destination without an ARN, and the role policies the destinations need.

#include "expand/builders.h"
#include "expand/function_state.h"
#include "expand/role.h"
#include "expand/version_hash.h"
#include "sam/policies.h"

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

// SAM's _make_gen_condition_name: the name and the first 10 hex digits of the SHA-1 of
// `hashInput`; nullopt past CloudFormation's 255 characters, where SAM's code fails.
std::optional<std::string> generatedConditionName(const std::string& name,
                                                  const std::string& hashInput) {
  std::string full = name + sha1Hex(hashInput).substr(0, 10);
  if (full.size() > 255) return std::nullopt;
  return full;
}

// One destination as SAM settles it (_validate_and_inject_resource, _get_or_make_condition):
// the ARN the config and the policy get, the queue or topic SAM creates (and the condition it
// gets), and the conditions SAM adds to the template on the way.
struct InvokeDestination {
  std::string name;  // OnSuccess or OnFailure
  std::string type;
  Node arn;
  std::optional<std::string> createdId;
  std::optional<Node> createdCondition;
  std::vector<std::pair<std::string, Node>> conditions;
};

// The destinations of the parameter-resolved config; nullopt (after notSupported) when SAM's
// code fails on them. validateSamResource has rejected those SAM rejects.
std::optional<std::vector<InvokeDestination>> invokeDestinations(ExpandContext& ctx,
                                                                 const FunctionState& fn,
                                                                 const Node& resolved) {
  std::vector<InvokeDestination> out;
  const Node* dest = destinationConfig(resolved);
  if (!dest) return out;
  std::string configId = fn.id + "EventInvokeConfig";
  auto fails = [&](const std::string& why) {
    ctx.notSupported("an EventInvokeConfig destination of function " + fn.id + " " + why +
                     " (the SAM transform fails)");
    return std::nullopt;
  };
  for (const char* name : kDestinations) {
    const Node* entry = dest->get(name);
    if (!entry || !entry->isMapping()) continue;
    const Node* type = entry->get("Type");
    if (!type || !type->isString()) continue;
    InvokeDestination destination{name, type->text(), Node(), std::nullopt, std::nullopt, {}};
    const Node* written = entry->get("Destination");
    if (written && written->isNull()) written = nullptr;
    // An Fn::If with one AWS::NoValue branch: SAM creates the queue or topic on that branch.
    std::optional<Node> branchCondition;
    Node otherwise;
    if (written && written->isIntrinsic() && written->intrinsicName() == "Fn::If") {
      const auto& args = written->intrinsicArgument().items();
      bool trueEmpty = sam::isNoValue(args[1]), falseEmpty = sam::isNoValue(args[2]);
      if (trueEmpty && !falseEmpty) {
        branchCondition = args[0];
        otherwise = args[2];
      } else if (falseEmpty && !trueEmpty) {
        if (!args[0].isString()) return fails("whose Fn::If condition is not a name");
        auto negated = generatedConditionName("NOT" + args[0].text(), configId);
        if (!negated) return fails("whose condition name exceeds 255 characters");
        destination.conditions.emplace_back(
            *negated, intrinsic("Fn::Not", seq({map({{"Condition", args[0]}})})));
        branchCondition = str(*negated);
        otherwise = args[1];
      }
    }
    std::string prefix = configId + name;
    if (written && !branchCondition) {
      destination.arn = *written;
      out.push_back(std::move(destination));
      continue;
    }
    // validateSamResource has rejected the other types here.
    destination.createdId = prefix + (destination.type == "SQS" ? "Queue" : "Topic");
    // The runtime "arn" of SAM's SQSQueue is its Arn attribute, of its SNSTopic its Ref.
    Node created = destination.type == "SQS" ? getAtt(*destination.createdId, "Arn")
                                             : ref(*destination.createdId);
    destination.arn = branchCondition
                          ? intrinsic("Fn::If", seq({*branchCondition, created, otherwise}))
                          : created;
    // SAM's _make_and_conditions of the function's condition and the branch's.
    const Node* functionCondition = fn.pass.condition;
    if (functionCondition) destination.createdCondition = *functionCondition;
    if (!functionCondition) destination.createdCondition = branchCondition;
    if (functionCondition && branchCondition) {
      if (!functionCondition->isString() || !branchCondition->isString())
        return fails("whose conditions are not both names");
      auto combined = generatedConditionName(
          functionCondition->text() + "AND" + branchCondition->text(), fn.id);
      if (!combined) return fails("whose condition name exceeds 255 characters");
      destination.conditions.emplace_back(
          *combined,
          intrinsic("Fn::And",
                    seq({map({{"Condition", map({{"Condition", *functionCondition}})}}),
                         map({{"Condition", map({{"Condition", *branchCondition}})}})})));
      destination.createdCondition = str(*combined);
    }
    out.push_back(std::move(destination));
  }
  return out;
}

}  // namespace

std::vector<Node> invokeConfigPolicies(ExpandContext& ctx, const FunctionState& fn) {
  std::vector<Node> out;
  const Node* config = fn.property("EventInvokeConfig");
  if (!config) return out;
  auto destinations = invokeDestinations(ctx, fn, ctx.resolve(*config));
  if (!destinations) return out;
  for (const InvokeDestination& destination : *destinations) {
    std::string prefix = fn.id + "EventInvokeConfig" + destination.name;
    out.push_back(policyFor(destination.type, prefix, destination.arn));
  }
  return out;
}

void emitEventInvokeConfig(ExpandContext& ctx, FunctionState& fn) {
  const Node* config = fn.property("EventInvokeConfig");
  if (!config) return;
  Node resolved = ctx.resolve(*config);
  std::string id = fn.id + "EventInvokeConfig";
  auto destinations = invokeDestinations(ctx, fn, resolved);
  if (!destinations) return;
  Node destinationsNode = Node::mapping();
  for (const InvokeDestination& destination : *destinations) {
    if (!destination.conditions.empty()) {
      const Node* conditions = ctx.templ.conditions();
      if (!conditions || !conditions->isMapping()) {
        ctx.notSupported("a conditional EventInvokeConfig destination of function " + fn.id +
                         " in a template without Conditions (the SAM transform fails)");
        return;
      }
      for (const auto& [name, value] : destination.conditions) ctx.extraConditions.set(name, value);
    }
    if (destination.createdId) {
      bool queue = destination.type == "SQS";
      // SAM's propagate_tags reaches the queue or topic (the invoke config has no Tags).
      Node props = Node::mapping();
      if (const Node* tags = fn.propagatedTags()) props.set("Tags", tagList(tags, false));
      Node resource =
          makeResource(queue ? "AWS::SQS::Queue" : "AWS::SNS::Topic", std::move(props), fn.pass);
      if (destination.createdCondition) resource.set("Condition", *destination.createdCondition);
      ctx.add(*destination.createdId, std::move(resource));
      ctx.refs[fn.id][queue ? "DestinationQueue" : "DestinationTopic"] = *destination.createdId;
    }
    destinationsNode.set(destination.name, map({{"Destination", destination.arn}}));
  }
  Node props = map({{"FunctionName", ref(fn.id)},
                    {"Qualifier", str(fn.aliasName ? *fn.aliasName : "$LATEST")},
                    {"DestinationConfig", destinationsNode}});
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
