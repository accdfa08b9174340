#include "sam/function_properties.h"

#include "sam/deployment_model.h"
#include "sam/policies.h"

namespace samshift::sam {

using model::Node;

namespace {

SamProblem rejection(std::string code, std::string message, const Node* node) {
  return SamProblem{std::move(code), std::move(message), node, true, {}};
}

}  // namespace

std::optional<std::string_view> deadLetterQueueAction(const Node& type) {
  if (type.isString("SQS")) return "sqs:SendMessage";
  if (type.isString("SNS")) return "sns:Publish";
  return std::nullopt;
}

std::optional<SamProblem> mapPropertyTypeProblem(std::string_view property, std::string code,
                                                 const Node* value, const Node* source) {
  if (!value || value->isNull() || value->isMapping()) return std::nullopt;
  return rejection(std::move(code), "Property '" + std::string(property) + "' should be a map.",
                   source);
}

std::optional<SamProblem> deadLetterQueueProblem(const Node* value, const Node* source) {
  if (!value || !value->isMapping() || !pythonTruthy(*value)) return std::nullopt;
  const Node* type = value->get("Type");
  const Node* target = value->get("TargetArn");
  if (!type || !pythonTruthy(*type) || !target || !pythonTruthy(*target)) {
    return rejection("dead-letter-queue-incomplete",
                     "'DeadLetterQueue' requires Type and TargetArn properties to be specified.",
                     source);
  }
  if (!type->isString()) {
    return rejection("dead-letter-queue-type-not-string",
                     "Property 'DeadLetterQueue.Type' should be a string.", type);
  }
  if (!deadLetterQueueAction(*type)) {
    return rejection("dead-letter-queue-unknown-type",
                     "'DeadLetterQueue' requires Type of ['SQS', 'SNS']", type);
  }
  return std::nullopt;
}

std::optional<SamProblem> conditionalRoleProblem(const Node& resolvedRole, const Node* source) {
  if (!resolvedRole.isIntrinsic() || resolvedRole.intrinsicName() != "Fn::If") return std::nullopt;
  const Node& args = resolvedRole.intrinsicArgument();
  if (args.isSequence() && args.items().size() == 3) return std::nullopt;
  return rejection("role-if-arguments", "Malformed 'Role' property: Fn::If requires 3 arguments.",
                   source);
}

namespace {

bool isIf(const Node& node) { return node.isIntrinsic() && node.intrinsicName() == "Fn::If"; }

}  // namespace

std::optional<SamProblem> invokeDestinationIfProblem(const Node& destination,
                                                     std::string_view functionId) {
  if (!isIf(destination)) return std::nullopt;
  const Node& args = destination.intrinsicArgument();
  if (args.isSequence() && args.items().size() == 3) return std::nullopt;
  SamProblem problem =
      rejection("event-invoke-destination-if",
                "Malformed 'Destination' property: Fn::If requires 3 arguments.", &destination);
  problem.subjectId = std::string(functionId) + "EventInvokeConfig";
  return problem;
}

bool createsDestinationOnOneBranch(const Node& destination) {
  if (!isIf(destination)) return false;
  const Node& args = destination.intrinsicArgument();
  if (!args.isSequence() || args.items().size() != 3) return false;
  return isNoValue(args.items()[1]) != isNoValue(args.items()[2]);
}

}  // namespace samshift::sam
