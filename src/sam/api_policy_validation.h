#pragma once
// SAM's rejections of an AWS::Serverless::Api's `Auth` that samshift models
// (samtranslator/model/sam_resources.py SamApi.to_cloudformation, model/api/api_generator.py
// `_add_auth`, `_construct_usage_plan`).

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

// After validateApiDomain: _construct_usage_plan's checks of Auth.UsagePlan, the last SAM makes
// of an API.
void validateApiUsagePlan(const model::Template& templ, const model::ResourceView& resource,
                          const model::Node& props, const ParameterValues& params,
                          std::vector<SamProblem>& out);

// The implicit ServerlessRestApi's rejection of `Globals: Api` `Auth.ResourcePolicy` (_add_auth,
// SwaggerEditor.add_resource_policy): a policy that is not a map, or a SourceVpcBlacklist /
// SourceVpcWhitelist list with an item that is not a string. SAM raises it as the whole
// template's error when it transforms the API, after the functions and state machines, and
// reports nothing else. Only when that section holds just `Auth: {ResourcePolicy}` with VPC keys
// (other keys' checks come first, not modelled here) and the plugin makes the API.
std::optional<SamProblem> implicitRestApiPolicyProblem(const model::Template& templ,
                                                       const ParameterValues& params);

}  // namespace samshift::sam
