#pragma once
// SAM's reading of a function's or state machine's `Policies` (samtranslator/model/
// resource_policies.py and the policy-template plugin): each entry is a managed policy (a name,
// an ARN or an intrinsic), a policy document (a map with `Statement`), a policy template (a map
// of one key naming one of SAM's templates), or none of these, which SAM rejects when it builds
// the role.

#include <optional>
#include <vector>

#include "model/node.h"
#include "sam/validation.h"

namespace samshift::sam {

enum class PolicyKind { kManagedPolicy, kStatement, kTemplate, kUnknown };

// The entries of a `Policies` value: its items, or the value itself when it is not a list; none
// when it is absent or Python-false (null, "", [], {}).
std::vector<const model::Node*> policyEntries(const model::Node* policies);

// The kind SAM gives an entry. An `Fn::If` takes the kind of its branches (a `Ref:
// AWS::NoValue` branch takes the other's); nullopt when SAM rejects the `Fn::If` (see
// policyProblems).
std::optional<PolicyKind> policyKind(const model::Node& entry);

// `Ref: AWS::NoValue`.
bool isNoValue(const model::Node& node);

// SAM's rejections of a resource's `Policies` (merged properties), in SAM's order and with its
// messages: an `Fn::If` of the wrong shape or of mixed kinds, then policy templates given values
// SAM refuses, then entries of the wrong type. SAM makes these checks before any other property
// check of the resource; `Policy at index N ... is not valid` comes later (policyEntryProblems).
std::vector<SamProblem> policyProblems(const model::Node* policies);

// SAM's rejection of an entry it cannot put in the role (a map that is neither a document nor a
// template: an unknown template name), made while it builds the role.
std::vector<SamProblem> policyEntryProblems(const model::Node* policies);

}  // namespace samshift::sam
