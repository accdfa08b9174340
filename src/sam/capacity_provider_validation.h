#pragma once
// SAM's rejections of an AWS::Serverless::CapacityProvider (sam_resources.py SamCapacityProvider):
// its property_types, then the pydantic model aws_serverless_capacity_provider.Properties (every
// error, joined), then its __validation_rules__.

#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// `props`: the resource's Properties with Globals. Nothing when SAM accepts them or when samshift
// cannot tell what pydantic makes of a value (expand refuses those shapes).
void validateCapacityProvider(const model::Template& templ, const model::ResourceView& resource,
                              const model::Node& props, std::vector<SamProblem>& out);

}  // namespace samshift::sam
