#pragma once
// SAM's rejections of the custom domain of an AWS::Serverless::Api (`Domain`), in the order
// ApiGenerator._construct_api_domain / _construct_api_domain_v2 make them
// (samtranslator/model/api/api_generator.py).

#include <optional>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// `props`: the resource's Properties with Globals. Nothing when SAM would reject the API for a
// reason it meets first that samshift does not model (Auth, GatewayResponses, Models).
void validateApiDomain(const model::Template& templ, const model::ResourceView& resource,
                       const model::Node& props, const ParameterValues& params,
                       std::vector<SamProblem>& out);

// Whether ImplicitRestApiPlugin makes ServerlessRestApi (an Api event without a RestApiId), as
// far as samshift follows it.
bool implicitRestApiMade(const model::Template& templ);

// SAM's rejection of the `Globals: Api` Domain of the implicit ServerlessRestApi (at that Domain,
// under the ID ServerlessRestApi), when samshift knows SAM makes that API: an Api event without
// RestApiId, and no Auth, GatewayResponses or Models in `Globals: Api` that SAM reads first.
std::optional<SamProblem> implicitApiDomainProblem(const model::Template& templ,
                                                   const ParameterValues& params);

// Whether SAM may reject the `Globals: Api` Domain of the implicit ServerlessRestApi in a way
// implicitApiDomainProblem does not list.
bool implicitApiDomainRejected(const model::Template& templ, const ParameterValues& params);

}  // namespace samshift::sam
