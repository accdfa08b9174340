#pragma once
// SAM's connector profiles: what an AWS::Serverless::Connector generates for each source and
// destination type, and how SAM reads a resource it connects. The table is SAM's
// model/connector_profiles/profiles.json (src/sam/data/connector_profiles.json), parsed on first
// use; the substitution of its `%{…}` variables is SAM's (connector_profiles/profile.py).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/node.h"

namespace samshift::sam {

// The profile from `sourceType` to `destinationType` (CloudFormation types):
// `{Type: AWS_IAM_ROLE_MANAGED_POLICY | …, Properties: {SourcePolicy, AccessCategories, …}}`;
// nullopt when SAM has none.
std::optional<model::Node> connectorProfile(std::string_view sourceType,
                                            std::string_view destinationType);

// SAM's CfnResourceProperties of a type (`{Inputs: {Role: …}, Outputs: {Arn: …}}`) with
// `%{logicalId}` replaced; an empty mapping for a type it does not list.
model::Node connectorResourceProperties(std::string_view type, std::string_view logicalId);

// One variable of a profile, `%{name}`, and its value: null when SAM has None for it.
struct ProfileVariable {
  std::string_view name;
  const model::Node* value = nullptr;
};

// SAM's profile_replace over every string of `node`: a string that is exactly `%{name}` becomes
// the value; one that contains it becomes an Fn::Sub. SAM's message ("Source.Arn is missing.")
// when a variable used has no value.
std::optional<std::string> replaceProfileVariables(model::Node& node,
                                                   const std::vector<ProfileVariable>& variables);

// True when a `%{…}` is left anywhere in `node` (SAM's verify_profile_variables_replaced, which
// then fails with an uncaught ValueError).
bool hasProfileVariables(const model::Node& node);

}  // namespace samshift::sam
