#pragma once
// SAM's rejections of the custom domain (`Domain`) of an AWS::Serverless::HttpApi or
// AWS::Serverless::WebSocketApi, in the order ApiV2Generator._construct_api_domain makes them
// (samtranslator/model/api/apiv2_generator.py), and the base paths it maps.

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// The first rejection of a resolved Domain: SAM's message and, when SAM names another ID than
// the API's (the MutualTlsAuthentication keys it refuses), that ID. nullopt: SAM accepts it, or
// samshift does not follow SAM on it (see apiV2DomainModelled).
struct ApiV2DomainProblem {
  std::string message;
  std::string subjectId;
};
std::optional<ApiV2DomainProblem> apiV2DomainProblem(const model::Node& domain);

// Whether samshift follows SAM on this resolved Domain: a map, an intrinsic included (SAM's
// Python fails on the others).
bool apiV2DomainModelled(const model::Node& domain);

// The base paths of a Domain SAM accepts, as _construct_api_domain lists them: a truthy
// string, each item of a truthy list, or none.
std::vector<const model::Node*> apiV2BasePaths(const model::Node& domain);

// The AWS::Serverless::HttpApi's Domain problem, appended to `out`: `props` are its Properties
// with Globals. Nothing when SAM may reject the API first for something samshift does not model.
void validateHttpApiDomain(const model::Template& templ, const model::ResourceView& resource,
                           const model::Node& props, const ParameterValues& params,
                           std::vector<SamProblem>& out);

}  // namespace samshift::sam
