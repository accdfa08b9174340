#pragma once
// The last pass of the transform (docs/sam-semantics.md §9): `X.Alias` / `X.Version` in Ref,
// GetAtt and Sub become the generated IDs, and renamed resources (layers) are re-pointed.

#include <map>
#include <string>

#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand {

void rewriteResourceRefs(model::Node& node, const ExpandContext& ctx,
                         const std::map<std::string, std::string, std::less<>>& renamed);

}  // namespace samshift::expand
