#pragma once
// AWS::Serverless::CapacityProvider → AWS::Lambda::CapacityProvider, plus `<Id>OperatorRole`
// when no OperatorRole is given.

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandCapacityProvider(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
