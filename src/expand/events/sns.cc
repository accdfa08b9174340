// SNS: a subscription and a permission, or with SqsSubscription a queue between topic and
// function (queue, queue policy, sqs subscription, event source mapping).

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/role.h"
#include "sam/deployment_model.h"

namespace samshift::expand::events {

using model::Node;

namespace {

// The logical ID a `Ref` or a two-item `Fn::GetAtt` names (SAM's get_logical_id_from_intrinsic);
// null for anything else, and for the `Logical.Attribute` form, which is not supported.
const std::string* namedResource(ExpandContext& ctx, const Event& event, const Node* topic) {
  if (!topic || !topic->isIntrinsic()) return nullptr;
  const Node& arg = topic->intrinsicArgument();
  if (topic->intrinsicName() == "Ref" && arg.isString()) return &arg.text();
  if (topic->intrinsicName() == "Fn::GetAtt") {
    if (arg.isSequence() && arg.items().size() == 2 && arg.items()[0].isString())
      return &arg.items()[0].text();
    if (arg.isString()) ctx.notSupported("Topic in Fn::GetAtt text form, SNS event " + event.id);
  }
  return nullptr;
}

// A FIFO topic gets a FIFO queue: SNS._check_fifo_topic reads the topic resource's FifoTopic
// (parameters resolved) and gives its value to FifoQueue when truthy. False when not supported.
bool fifoQueue(ExpandContext& ctx, const Event& event, const Node* topic, Node& queueProps) {
  const std::string* id = namedResource(ctx, event, topic);
  const model::ResourceView* resource = id ? ctx.templ.resource(*id) : nullptr;
  if (!resource || !resource->properties) return true;
  if (!resource->properties->isMapping()) {
    ctx.notSupported("the Properties of the topic of SNS event " + event.id);
    return false;
  }
  if (const Node* fifo = resource->properties->get("FifoTopic")) {
    Node value = ctx.resolve(*fifo);
    if (sam::pythonTruthy(value)) queueProps.set("FifoQueue", std::move(value));
  }
  return true;
}

}  // namespace

void emitSns(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(
      ctx, event, "SNS",
      {"Topic", "SqsSubscription", "Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"});
  const Node* topic = event.properties.get("Topic");
  Node topicArn = topic ? *topic : Node::null();
  const Node* sqs = event.properties.get("SqsSubscription");
  auto subscription = [&](Node endpoint, const char* protocol) {
    Node props = map(
        {{"Endpoint", std::move(endpoint)}, {"Protocol", str(protocol)}, {"TopicArn", topicArn}});
    copyKeys(props, event.properties,
             {"Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"});
    return makeResource("AWS::SNS::Subscription", std::move(props), fn.pass);
  };
  if (!sqs || (sqs->isBool() && !sqs->boolValue())) {
    ctx.add(event.id, subscription(fn.arn(), "lambda"));
    Node perm = permission(fn, "sns.amazonaws.com");
    perm.get("Properties")->set("SourceArn", topicArn);
    ctx.add(event.id + "Permission", std::move(perm));
    return;
  }
  Node queueArn;
  Node queueUrl;
  Node batchSize = Node::integer(10);
  Node enabled = Node::boolean(true);
  if (sqs->isBool()) {
    std::string queueId = event.id + "Queue";
    Node queueProps = Node::mapping();
    if (!fifoQueue(ctx, event, topic, queueProps)) return;
    ctx.add(queueId, makeResource("AWS::SQS::Queue", std::move(queueProps), fn.pass));
    queueArn = getAtt(queueId, "Arn");
    queueUrl = ref(queueId);
  } else if (sqs->isMapping() && sqs->has("QueueArn") && sqs->has("QueueUrl")) {
    if (const Node* arn = sqs->get("QueueArn")) queueArn = *arn;
    if (const Node* url = sqs->get("QueueUrl")) queueUrl = *url;
    if (const Node* size = sqs->get("BatchSize")) batchSize = *size;
    if (const Node* on = sqs->get("Enabled")) enabled = *on;
    if (sqs->has("QueuePolicyLogicalId"))
      ctx.notSupported("QueuePolicyLogicalId of SNS event " + event.id);
  } else {
    ctx.notSupported("this SqsSubscription of SNS event " + event.id);
    return;
  }
  Node statement = map({{"Action", str("sqs:SendMessage")},
                        {"Effect", str("Allow")},
                        {"Principal", str("*")},
                        {"Resource", queueArn},
                        {"Condition", map({{"ArnEquals", map({{"aws:SourceArn", topicArn}})}})}});
  ctx.add(event.id + "QueuePolicy",
          makeResource("AWS::SQS::QueuePolicy",
                       map({{"Queues", seq({queueUrl})},
                            {"PolicyDocument", map({{"Version", str("2012-10-17")},
                                                    {"Statement", seq({statement})}})}}),
                       fn.pass));
  ctx.add(event.id, subscription(queueArn, "sqs"));
  ctx.add(event.id + "EventSourceMapping", makeResource("AWS::Lambda::EventSourceMapping",
                                                        map({{"BatchSize", batchSize},
                                                             {"Enabled", enabled},
                                                             {"EventSourceArn", queueArn},
                                                             {"FunctionName", fn.target()}}),
                                                        fn.pass));
  addManagedPolicy(fn, managedPolicyArn(ctx, "service-role/AWSLambdaSQSQueueExecutionRole"));
}

}  // namespace samshift::expand::events
