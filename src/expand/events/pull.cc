// Kinesis, DynamoDB, SQS, MSK, MQ, SelfManagedKafka and DocumentDB: an
// AWS::Lambda::EventSourceMapping, plus what the source adds to the generated role (a managed
// policy, an inline policy, and a policy for an OnFailure destination). pull.py's
// PullEventSource.to_cloudformation and _link_policy (docs/sam-semantics.md §8.8).

#include "expand/events/pull.h"

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/function_state.h"
#include "expand/role.h"
#include "sam/deployment_model.h"

namespace samshift::expand::events {

using model::Node;

namespace {

Node allow(const char* action, Node resource) {
  return map(
      {{"Action", str(action)}, {"Effect", str("Allow")}, {"Resource", std::move(resource)}});
}

// SAM's policy for an OnFailure destination of type SQS, SNS or S3 (iam.py IAMRolePolicies);
// none for Kafka or without a Type.
std::optional<Node> destinationPolicy(const Node& onFailure, const std::string& id) {
  const Node* type = onFailure.get("Type");
  if (!truthy(type) || !type->isString()) return std::nullopt;
  const Node* destination = onFailure.get("Destination");
  Node arn = destination ? *destination : Node::null();
  Node statements = Node::sequence();
  std::string name;
  if (type->isString("SQS")) {
    name = id + "SQSPolicy";
    statements.push(allow("sqs:SendMessage", arn));
  } else if (type->isString("SNS")) {
    name = id + "SNSPolicy";
    statements.push(allow("sns:publish", arn));
  } else if (type->isString("S3")) {
    name = id + "S3Policy";
    statements.push(
        allow("s3:PutObject", intrinsic("Fn::Join", seq({str("/"), seq({arn, str("*")})}))));
    statements.push(allow("s3:ListBucket", arn));
  } else {
    return std::nullopt;
  }
  return map({{"PolicyName", str(name)}, {"PolicyDocument", map({{"Statement", statements}})}});
}

// _link_policy adds a policy unless the role has it, or one with the same document.
void addPolicyOnce(FunctionState& fn, Node policy) {
  const Node* props = fn.role.isMapping() ? fn.role.get("Properties") : nullptr;
  const Node* policies = props ? props->get("Policies") : nullptr;
  const Node* document = policy.get("PolicyDocument");
  for (const Node& existing : policies ? policies->items() : model::kNoItems) {
    const Node* theirs = existing.get("PolicyDocument");
    if (existing.sameValue(policy) || (document && theirs && theirs->sameValue(*document))) return;
  }
  addInlinePolicy(fn, std::move(policy));
}

// The source's ARN, under the property name each source gives it (none for SelfManagedKafka).
const char* sourceArnProperty(const std::string& type) {
  if (type == "SQS") return "Queue";
  if (type == "MQ") return "Broker";
  if (type == "DocumentDB") return "Cluster";
  if (type == "SelfManagedKafka") return nullptr;
  return "Stream";
}

// The AWS managed policy of the source (get_policy_arn).
const char* managedPolicy(const std::string& type) {
  if (type == "SQS") return "service-role/AWSLambdaSQSQueueExecutionRole";
  if (type == "Kinesis") return "service-role/AWSLambdaKinesisExecutionRole";
  if (type == "DynamoDB") return "service-role/AWSLambdaDynamoDBExecutionRole";
  if (type == "MSK") return "service-role/AWSLambdaMSKExecutionRole";
  return nullptr;
}

// The inline policy of the source (get_policy_statements); Kinesis, DynamoDB and SQS have none.
std::optional<Node> sourcePolicy(ExpandContext& ctx, const Event& event, const std::string& type) {
  if (type == "MSK") return mskPolicy(ctx, event);
  if (type == "SelfManagedKafka") return selfManagedKafkaPolicy(ctx, event);
  if (type == "MQ") return mqPolicy(event);
  if (type == "DocumentDB") return documentDbPolicy(event);
  return std::nullopt;
}

}  // namespace

Node secretStatement(const Node& secret) {
  return map({{"Action", seq({str("secretsmanager:GetSecretValue")})},
              {"Effect", str("Allow")},
              {"Resource", secret}});
}

Node kmsDecryptStatement(const std::string& keyId, bool actionList) {
  return map(
      {{"Action", actionList ? seq({str("kms:Decrypt")}) : str("kms:Decrypt")},
       {"Effect", str("Allow")},
       {"Resource",
        intrinsic("Fn::Sub", str("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/" +
                                 keyId))}});
}

Node vpcStatement() {
  return map(
      {{"Action", seq({str("ec2:CreateNetworkInterface"), str("ec2:DescribeNetworkInterfaces"),
                       str("ec2:DeleteNetworkInterface"), str("ec2:DescribeVpcs"),
                       str("ec2:DescribeSubnets"), str("ec2:DescribeSecurityGroups")})},
       {"Effect", str("Allow")},
       {"Resource", str("*")}});
}

Node basicAuthSecret(const Node& properties) {
  const Node* configs = properties.get("SourceAccessConfigurations");
  for (const Node& config : configs ? configs->items() : model::kNoItems) {
    const Node* type = config.get("Type");
    const Node* uri = config.get("URI");
    if (type && type->isString("BASIC_AUTH") && uri) return *uri;
  }
  return Node::null();
}

void emitPull(ExpandContext& ctx, FunctionState& fn, const Event& read, const std::string& type) {
  bool kafka = type == "MSK" || type == "SelfManagedKafka";
  Node properties =
      kafka ? withSchemaRegistryUriAsSamLeavesIt(ctx, read.properties) : read.properties;
  const Event event{read.id, properties, read.name};
  const Node& in = event.properties;
  Node props = Node::mapping();
  // LambdaEventSourceMapping.property_types order; SAM leaves out what is None (null).
  auto copy = [&](std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
      if (const Node* value = in.get(key); value && !value->isNull()) props.set(key, *value);
    }
  };
  copy({"BatchSize"});
  if (type == "DocumentDB") {
    Node config = Node::mapping();
    const Node* database = in.get("DatabaseName");
    config.set("DatabaseName", database ? *database : Node::null());
    for (const char* key : {"CollectionName", "FullDocument"}) {
      if (const Node* value = in.get(key); truthy(value)) config.set(key, *value);
    }
    props.set("DocumentDBEventSourceConfig", std::move(config));
  }
  copy({"Enabled"});
  if (const char* key = sourceArnProperty(type)) {
    if (const Node* arn = in.get(key); arn && !arn->isNull()) props.set("EventSourceArn", *arn);
  }
  props.set("FunctionName", fn.target());
  copy({"MaximumBatchingWindowInSeconds", "MaximumRetryAttempts", "BisectBatchOnFunctionError",
        "MaximumRecordAgeInSeconds"});
  std::optional<Node> onFailurePolicy;
  if (const Node* destination = in.get("DestinationConfig"); truthy(destination)) {
    Node config = *destination;
    // SAM reads OnFailure.Type to choose the policy and deletes it from what it passes on.
    if (Node* onFailure = config.get("OnFailure"); onFailure && onFailure->isMapping()) {
      onFailurePolicy = destinationPolicy(*onFailure, event.id);
      if (truthy(onFailure->get("Type"))) onFailure->erase("Type");
    }
    props.set("DestinationConfig", std::move(config));
  }
  copy({"ParallelizationFactor", "StartingPosition", "StartingPositionTimestamp", "Topics",
        "Queues", "SourceAccessConfigurations", "TumblingWindowInSeconds",
        "FunctionResponseTypes"});
  if (const Node* servers = in.get("KafkaBootstrapServers"); truthy(servers)) {
    props.set("SelfManagedEventSource",
              map({{"Endpoints", map({{"KafkaBootstrapServers", *servers}})}}));
  }
  copy({"FilterCriteria", "KmsKeyArn"});
  if (kafka) {
    Node config = Node::mapping();
    if (const Node* group = in.get("ConsumerGroupId"); truthy(group))
      config.set("ConsumerGroupId", *group);
    if (const Node* registry = in.get("SchemaRegistryConfig"); truthy(registry))
      config.set("SchemaRegistryConfig", *registry);
    if (config.size() > 0) {
      props.set(type == "MSK" ? "AmazonManagedKafkaEventSourceConfig"
                              : "SelfManagedKafkaEventSourceConfig",
                std::move(config));
    }
  }
  copy({"ScalingConfig", "ProvisionedPollerConfig", "MetricsConfig", "LoggingConfig"});
  ctx.add(event.id, makeResource("AWS::Lambda::EventSourceMapping", std::move(props), fn.pass));

  if (const char* policy = managedPolicy(type)) addManagedPolicy(fn, managedPolicyArn(ctx, policy));
  if (std::optional<Node> policy = sourcePolicy(ctx, event, type))
    addPolicyOnce(fn, std::move(*policy));
  if (onFailurePolicy) addPolicyOnce(fn, std::move(*onFailurePolicy));
}

}  // namespace samshift::expand::events
