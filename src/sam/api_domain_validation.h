#pragma once
// SAM's rejections of the custom domain of an AWS::Serverless::Api (`Domain`), in the order
// ApiGenerator._construct_api_domain / _construct_api_domain_v2 make them
// (samtranslator/model/api/api_generator.py).

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

// Whether SAM may reject the `Globals: Api` Domain of the implicit ServerlessRestApi, a rejection
// samshift does not list (the API's place among SAM's resources is not modelled).
bool implicitApiDomainRejected(const model::Template& templ, const ParameterValues& params);

}  // namespace samshift::sam
