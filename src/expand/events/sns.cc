// SNS: a subscription and a permission, or with SqsSubscription a queue between topic and
// function (queue, queue policy, sqs subscription, event source mapping).

#include <algorithm>
#include <optional>

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/events/rule_targets.h"
#include "expand/role.h"
#include "model/intrinsics.h"
#include "sam/deployment_model.h"
#include "sam/validation.h"

namespace samshift::expand::events {

using model::Node;

namespace {

// SNS._check_fifo_topic: a queue SAM creates for a topic of the template (a Ref or GetAtt of it)
// whose FifoTopic is true once parameters are resolved is a FIFO queue too, with that value.
std::optional<Node> fifoTopic(ExpandContext& ctx, const Node& topic) {
  std::optional<std::string_view> id = model::refName(topic);
  if (!id && topic.isIntrinsic() && topic.intrinsicName() == "Fn::GetAtt") {
    const Node& args = topic.intrinsicArgument();
    if (args.isSequence() && args.items().size() == 2 && args.items()[0].isString()) {
      id = args.items()[0].text();
    } else if (args.isString() && std::count(args.text().begin(), args.text().end(), '.') == 1) {
      id = std::string_view(args.text()).substr(0, args.text().find('.'));
    }
  }
  const model::ResourceView* resource = id ? ctx.templ.resource(*id) : nullptr;
  const Node* fifo = resource ? resource->property("FifoTopic") : nullptr;
  if (!fifo) return std::nullopt;
  Node value = ctx.resolve(*fifo);
  if (!sam::pythonTruthy(value)) return std::nullopt;
  return value;
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
    // SNS._inject_subscription copies each that is not None.
    for (const char* key : {"Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"}) {
      if (const Node* value = givenProperty(event.properties, key)) props.set(key, *value);
    }
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
  // SAM's `batch_size or 10`; the mapping is always enabled (SNS._inject_sqs_event_source_mapping
  // ignores the subscription's Enabled).
  Node batchSize = Node::integer(10);
  std::string policyId = event.id + "QueuePolicy";
  if (sqs->isBool()) {
    std::string queueId = event.id + "Queue";
    Node queueProps = Node::mapping();
    if (std::optional<Node> fifo = fifoTopic(ctx, topicArn)) queueProps.set("FifoQueue", *fifo);
    ctx.add(queueId, makeResource("AWS::SQS::Queue", std::move(queueProps), fn.pass));
    queueArn = getAtt(queueId, "Arn");
    queueUrl = ref(queueId);
  } else if (sqs->isMapping() && !sqs->isIntrinsic()) {
    // src/sam (push_events.cc) has checked that QueueArn and QueueUrl are given.
    queueArn = *sqs->get("QueueArn");
    queueUrl = *sqs->get("QueueUrl");
    if (const Node* size = sqs->get("BatchSize"); size && sam::pythonTruthy(*size))
      batchSize = *size;
    if (const Node* id = sqs->get("QueuePolicyLogicalId"); id && sam::pythonTruthy(*id)) {
      if (!id->isString()) {
        ctx.notSupported("QueuePolicyLogicalId of SNS event " + event.id + " (only a string)");
        return;
      }
      policyId = id->text();
    }
  } else {
    ctx.notSupported("this SqsSubscription of SNS event " + event.id);
    return;
  }
  Node statement = map({{"Action", str("sqs:SendMessage")},
                        {"Effect", str("Allow")},
                        {"Principal", str("*")},
                        {"Resource", queueArn},
                        {"Condition", map({{"ArnEquals", map({{"aws:SourceArn", topicArn}})}})}});
  ctx.add(policyId, makeResource("AWS::SQS::QueuePolicy",
                                 map({{"Queues", seq({queueUrl})},
                                      {"PolicyDocument", map({{"Version", str("2012-10-17")},
                                                              {"Statement", seq({statement})}})}}),
                                 fn.pass));
  ctx.add(event.id, subscription(queueArn, "sqs"));
  ctx.add(event.id + "EventSourceMapping", makeResource("AWS::Lambda::EventSourceMapping",
                                                        map({{"BatchSize", batchSize},
                                                             {"Enabled", Node::boolean(true)},
                                                             {"EventSourceArn", queueArn},
                                                             {"FunctionName", fn.target()}}),
                                                        fn.pass));
  addManagedPolicy(fn, managedPolicyArn(ctx, "service-role/AWSLambdaSQSQueueExecutionRole"));
}

}  // namespace samshift::expand::events
