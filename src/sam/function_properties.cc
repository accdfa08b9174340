#include "sam/function_properties.h"

#include "sam/deployment_model.h"
#include "sam/parameter_values.h"
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

namespace {

// SAM's `self.PackageType or ZIP`.
std::string_view packageTypeOf(const Node& props) {
  const Node* type = props.get("PackageType");
  if (!type || !pythonTruthy(*type)) return "Zip";
  if (type->isString("Zip") || type->isString("Image")) return type->text();
  return {};
}

bool truthyProperty(const Node& props, std::string_view key) {
  const Node* value = props.get(key);
  return value && pythonTruthy(*value);
}

}  // namespace

std::optional<SamProblem> packageCodeProblem(const Node& props, const Node* idNode) {
  std::string_view packageType = packageTypeOf(props);
  if (packageType.empty()) {
    const Node& type = *props.get("PackageType");
    // SAM prints the value with Python's str(): only scalars are worded here.
    if (!type.isScalar()) return std::nullopt;
    return rejection("package-type", "invalid 'PackageType' : " + pythonStr(type),
                     props.get("PackageType"));
  }
  if (packageType == "Image") {
    const Node* image = props.get("ImageUri");
    if (!image || image->isNull())
      return rejection("image-uri-missing", "'ImageUri' must be set.", idNode);
    if (!pythonTruthy(*image)) {
      return rejection("image-uri-empty",
                       "'ImageUri' requires that a image hosted at a registry be specified.",
                       image);
    }
    return std::nullopt;
  }
  const Node* inlineCode = props.get("InlineCode");
  const Node* codeUri = props.get("CodeUri");
  if ((inlineCode && !inlineCode->isNull()) || !codeUri || codeUri->isNull()) return std::nullopt;
  if (!codeUri->isString() && !codeUri->isMapping())
    return rejection("code-uri-type", "'CodeUri' must be of type dict or string.", codeUri);
  return std::nullopt;
}

std::optional<SamProblem> packageTypeProblem(const Node& props, const Node* idNode) {
  std::string_view packageType = packageTypeOf(props);
  if (packageType == "Image" &&
      (truthyProperty(props, "Runtime") || truthyProperty(props, "Handler") ||
       truthyProperty(props, "Layers"))) {
    return rejection("image-runtime-handler",
                     "Runtime, Handler, Layers cannot be present when PackageType is of type "
                     "`Image`",
                     idNode);
  }
  if (packageType == "Zip" && truthyProperty(props, "ImageConfig")) {
    return rejection("zip-image-config",
                     "ImageUri or ImageConfig cannot be present when PackageType is of type `Zip`",
                     idNode);
  }
  return std::nullopt;
}

std::optional<SamProblem> reservedTagProblem(const Node* tags) {
  if (!tags || !tags->isMapping()) return std::nullopt;
  for (std::string_view reserved :
       {"lambda:createdBy", "serverlessrepo:applicationId", "serverlessrepo:semanticVersion"}) {
    for (const model::MapEntry& entry : tags->entries()) {
      if (entry.key.text() != reserved) continue;
      return rejection("reserved-tag",
                       std::string(reserved) +
                           " is a reserved Tag key name and cannot be set on your resource. "
                           "Please change the tag key in the input.",
                       &entry.key);
    }
  }
  return std::nullopt;
}

}  // namespace samshift::sam
