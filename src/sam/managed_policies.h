#pragma once
// AWS managed policies by name: the ARN SAM gives a name written in `Policies` (its bundled map,
// src/sam/data/aws_managed_policies.json), and what a few of them allow of the actions the lint
// rules ask about.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samshift::sam {

// The ARN of an AWS managed policy name in SAM's bundled map for the partition ("aws", "aws-cn",
// "aws-us-gov", "aws-eusc"); nullopt when the map has no such name (or no such partition). SAM
// then keeps a name that starts with "arn:" as it is and asks IAM for any other
// (role_constructor.py, _get_managed_policy_arn). Parsed on first use; safe from several threads.
std::optional<std::string_view> bundledManagedPolicyArn(std::string_view partition,
                                                        std::string_view name);

// What SAM puts in a role's ManagedPolicyArns for a string written in `Policies`
// (_get_managed_policy_arn): the bundled map's ARN; a string that starts with "arn:" as it is;
// else the ARN IAM lists for the name, or the name as written when IAM has none. samshift takes
// IAM's list of AWS managed policies to be the bundled map (SAM v1.110.0's), so a name the map
// lacks stays as written; nullopt for a partition without a bundled map (aws-iso…), where SAM
// asks IAM for every name.
std::optional<std::string> managedPolicyArnOfName(std::string_view partition,
                                                  std::string_view name);

// The IAM actions an AWS managed policy allows on every resource, as action patterns
// ("lambda:*"), for the policies samshift knows (by name: the last part of the ARN); nullopt for
// one it does not. Only the actions the rules ask about (CodeDeploy lifecycle hooks, Lambda
// invoke and alias updates) are listed.
std::optional<std::vector<std::string_view>> managedPolicyGrants(std::string_view name);

}  // namespace samshift::sam
