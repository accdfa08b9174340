#pragma once
// AWS::Serverless::Function expansion.

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

struct FunctionState;

void expandFunction(ExpandContext& ctx, const model::ResourceView& resource);
// CapacityProviderConfig of a function → the Lambda form (capacity_provider.cc).
void transformCapacityProviderConfig(ExpandContext& ctx, FunctionState& fn, const model::Node& config);

}  // namespace samshift::expand
