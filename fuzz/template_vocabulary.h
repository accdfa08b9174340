#pragma once
// Words the structure-aware fuzzer puts into templates: where versions, aliases and traffic
// shifting are configured, the resource types that take part, and strings that mean something to
// SAM or CloudFormation. A fuzzer's word list, like fuzz/cloudformation.dict: samshift never reads
// it, and nothing here claims to be what SAM accepts (the facts live in src/sam).

#include <span>
#include <string_view>

namespace samshift::fuzz {

// Dotted paths under a resource's Properties (or a Globals section), e.g.
// "DeploymentPreference.Hooks.PreTraffic".
std::span<const std::string_view> propertyPaths();

// Dotted paths under a resource, beside Properties: "UpdatePolicy.CodeDeployLambdaAliasUpdate…".
std::span<const std::string_view> resourceAttributePaths();

// The Globals sections a property may be set in: "Function", "StateMachine", "Api", …
std::span<const std::string_view> globalsSections();

std::span<const std::string_view> resourceTypes();

// Values with a meaning somewhere: alias names, deployment types, event types, ARNs, `${…}`.
std::span<const std::string_view> meaningfulStrings();

// Attribute names for `Fn::GetAtt` and `Resource.Attribute` references.
std::span<const std::string_view> attributeNames();

}  // namespace samshift::fuzz
