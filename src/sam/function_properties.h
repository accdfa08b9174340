#pragma once
// What SAM checks and makes of a function's properties outside the deployment family:
// DeadLetterQueue (sam_resources.py SamFunction._validate_dlq, dead_letter_queue_policy_actions)
// and a conditional Role.

#include <optional>
#include <string>
#include <string_view>

#include "model/node.h"
#include "sam/validation.h"

namespace samshift::sam {

// The IAM action SAM grants for a DeadLetterQueue `Type` (SQS or SNS); nullopt for another.
std::optional<std::string_view> deadLetterQueueAction(const model::Node& type);

// SAM's _validate_dlq, which runs after the property rules when DeadLetterQueue is Python-true.
std::optional<SamProblem> deadLetterQueueProblem(const model::Node* value,
                                                 const model::Node* source);

// SAM's check of a `Role: !If [...]` it reads with parameters resolved (`resolvedRole`): three
// arguments (_make_lambda_role, validate_intrinsic_if_items). `source` is the node to report.
std::optional<SamProblem> conditionalRoleProblem(const model::Node& resolvedRole,
                                                 const model::Node* source);

// SAM's check of an EventInvokeConfig destination's `Destination: !If [...]`: three arguments
// (_get_or_make_condition). SAM names `<functionId>EventInvokeConfig` in its message.
std::optional<SamProblem> invokeDestinationIfProblem(const model::Node& destination,
                                                     std::string_view functionId);

// True for a `Destination: !If [...]` with exactly one `AWS::NoValue` branch: SAM creates the
// queue or topic on that branch, which it can only for the SQS and SNS types.
bool createsDestinationOnOneBranch(const model::Node& destination);

// SAM's _construct_code_dict before it reads a Zip function's InlineCode or CodeUri: a
// PackageType other than Zip or Image (written as a scalar), an Image function's ImageUri, and a
// CodeUri that is neither a string nor a map. `idNode` is the function's logical ID.
std::optional<SamProblem> packageCodeProblem(const model::Node& props, const model::Node* idNode);

// SAM's _validate_package_type after the code is built: what an Image function must not have
// (Runtime, Handler, Layers) and what a Zip one must not (ImageConfig).
std::optional<SamProblem> packageTypeProblem(const model::Node& props, const model::Node* idNode);

// SAM's _construct_tag_list: a tag key SAM reserves for its own tags (`lambda:createdBy`, the
// serverlessrepo ones) in a function's Tags mapping.
std::optional<SamProblem> reservedTagProblem(const model::Node* tags);

}  // namespace samshift::sam
