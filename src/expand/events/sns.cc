// SNS: a subscription and a permission, or with SqsSubscription a queue between topic and
// function (queue, queue policy, sqs subscription, event source mapping).

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/role.h"

namespace samshift::expand::events {

using model::Node;

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
    ctx.add(queueId, makeResource("AWS::SQS::Queue", Node::mapping(), fn.pass));
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
