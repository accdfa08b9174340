#pragma once
// The conditions SAM adds to a template to stand for "any of these conditions"
// (make_combined_condition, model/intrinsics.py): for the shared CodeDeploy resources
// (docs/sam-semantics.md §7.3), the implicit API and a managed API's paths (§8.1).

#include <string>
#include <utility>
#include <vector>

#include "model/node.h"

namespace samshift::sam {

// Each condition SAM adds for `name` over `conditions` (two or more, in the order SAM lists
// them), in the order it adds them: Fn::Or takes at most ten, so more are chained through
// `name<N>`, …, `name1` before `name` itself.
std::vector<std::pair<std::string, model::Node>> combinedConditions(
    const std::string& name, std::vector<std::string> conditions);

// The conditions SAM names for the APIs it manages (plugins/api/implicit_api_plugin.py): the
// implicit REST and HTTP APIs', and a path's (_path_condition_name: the API's ID and the path, its
// `/`,
// `{` and `}` spelled SLASH, OB and CB, then PathCondition).
inline constexpr const char* kImplicitRestApiCondition = "ServerlessRestApiCondition";
inline constexpr const char* kImplicitHttpApiCondition = "ServerlessHttpApiCondition";
std::string apiPathConditionName(const std::string& apiId, const std::string& path);

}  // namespace samshift::sam
