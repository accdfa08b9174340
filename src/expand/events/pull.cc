// Kinesis, DynamoDB and SQS: an AWS::Lambda::EventSourceMapping plus the managed policy that lets
// the role read the source.

#include <algorithm>

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/role.h"

namespace samshift::expand::events {

using model::MapEntry;
using model::Node;

void emitPull(ExpandContext& ctx, FunctionState& fn, const Event& event, const std::string& type) {
  static const char* kKnown[] = {"Stream",
                                 "Queue",
                                 "StartingPosition",
                                 "StartingPositionTimestamp",
                                 "BatchSize",
                                 "Enabled",
                                 "MaximumBatchingWindowInSeconds",
                                 "MaximumRetryAttempts",
                                 "BisectBatchOnFunctionError",
                                 "MaximumRecordAgeInSeconds",
                                 "ParallelizationFactor",
                                 "TumblingWindowInSeconds",
                                 "FunctionResponseTypes",
                                 "FilterCriteria",
                                 "KmsKeyArn",
                                 "ScalingConfig",
                                 "MetricsConfig"};
  for (const MapEntry& entry : event.properties.entries()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), entry.key.text()) == std::end(kKnown)) {
      ctx.notSupported("property " + entry.key.text() + " of " + type + " event " + event.id);
    }
  }
  Node props = Node::mapping();
  const Node* source = event.properties.get(type == "SQS" ? "Queue" : "Stream");
  if (source) props.set("EventSourceArn", *source);
  props.set("FunctionName", fn.target());
  copyKeys(
      props, event.properties,
      {"StartingPosition", "StartingPositionTimestamp", "BatchSize", "Enabled",
       "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts", "BisectBatchOnFunctionError",
       "MaximumRecordAgeInSeconds", "ParallelizationFactor", "TumblingWindowInSeconds",
       "FunctionResponseTypes", "FilterCriteria", "KmsKeyArn", "ScalingConfig", "MetricsConfig"});
  ctx.add(event.id, makeResource("AWS::Lambda::EventSourceMapping", std::move(props), fn.pass));
  const char* policy = type == "SQS"       ? "service-role/AWSLambdaSQSQueueExecutionRole"
                       : type == "Kinesis" ? "service-role/AWSLambdaKinesisExecutionRole"
                                           : "service-role/AWSLambdaDynamoDBExecutionRole";
  addManagedPolicy(fn, managedPolicyArn(ctx, policy));
}

}  // namespace samshift::expand::events
