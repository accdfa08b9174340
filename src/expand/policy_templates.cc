#include "expand/policy_templates.h"

#include "expand/builders.h"

namespace samshift::expand {

using model::Node;

namespace {

Node statement(std::initializer_list<const char*> actions, Node resource) {
  Node list = Node::sequence();
  for (const char* action : actions) list.push(str(action));
  return map({{"Effect", str("Allow")}, {"Action", list}, {"Resource", std::move(resource)}});
}

// `Fn::Sub` with one variable, as the templates write their resources.
Node sub(const char* text, const char* variable, const Node& value) {
  Node vars = Node::mapping();
  vars.set(variable, value);
  return intrinsic("Fn::Sub", seq({str(text), vars}));
}

}  // namespace

std::optional<Node> expandPolicyTemplate(const std::string& name, const Node& parameters) {
  if (name == "KinesisStreamReadPolicy") {
    const Node* stream = parameters.get("StreamName");
    if (!stream) return std::nullopt;
    return map({{"Statement",
                 seq({statement({"kinesis:ListStreams", "kinesis:DescribeLimits"},
                                intrinsic("Fn::Sub",
                                          str("arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/*"))),
                      statement({"kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
                                 "kinesis:GetShardIterator"},
                                sub("arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${streamName}",
                                    "streamName", *stream))})}});
  }
  return std::nullopt;
}

}  // namespace samshift::expand
