#pragma once
// AWS::Serverless::LayerVersion → AWS::Lambda::LayerVersion under a hashed logical ID; references
// to the old ID are rewritten at the end.

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

// Returns the new logical ID (empty when the layer was refused).
std::string expandLayer(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
