#pragma once
// SAM's rejections of an AWS::Serverless::Api's `Auth` that samshift models
// (samtranslator/model/sam_resources.py SamApi.to_cloudformation, model/api/api_generator.py
// `_add_auth`, `_construct_usage_plan`).

#include <optional>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// After validateApi: the resolution of Auth's parameters (SamApi.to_cloudformation), then
// _add_auth's check that ResourcePolicy is a map. `props`: Properties with Globals.
void validateApiResourcePolicy(const model::Template& templ, const model::ResourceView& resource,
                               const model::Node& props, const ParameterValues& params,
                               std::vector<SamProblem>& out);

// The implicit ServerlessRestApi's `Globals: Api` Auth.ResourcePolicy (a policy that is not a
// map, a SourceVpcBlacklist / SourceVpcWhitelist item that is not a string), where SAM stops the
// whole transform when it translates that API, after the functions and state machines. Only for
// `Globals: Api` holding just that ResourcePolicy and a template without explicit APIs; none when
// samshift does not follow SAM there.
std::optional<SamProblem> implicitApiResourcePolicyProblem(const model::Template& templ,
                                                           const ParameterValues& params);

// After validateApiDomain: _construct_usage_plan's checks of Auth.UsagePlan, the last SAM makes
// of an API.
void validateApiUsagePlan(const model::Template& templ, const model::ResourceView& resource,
                          const model::Node& props, const ParameterValues& params,
                          std::vector<SamProblem>& out);

}  // namespace samshift::sam
