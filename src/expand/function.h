#pragma once
// AWS::Serverless::Function expansion.

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandFunction(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
