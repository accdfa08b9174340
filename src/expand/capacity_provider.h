#pragma once
// AWS::Serverless::CapacityProvider → AWS::Lambda::CapacityProvider, plus `<Id>OperatorRole`
// when no OperatorRole is given.

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandCapacityProvider(ExpandContext& ctx, const model::ResourceView& resource);

struct FunctionState;
// A function's CapacityProviderConfig → the Lambda form
// {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn, …}}.
void transformCapacityProviderConfig(ExpandContext& ctx, FunctionState& fn,
                                     const model::Node& config);

}  // namespace samshift::expand
