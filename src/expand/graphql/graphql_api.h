#pragma once
// AWS::Serverless::GraphQLApi → AWS::AppSync::GraphQLApi and GraphQLSchema, with its CloudWatch
// role, API keys, cache and domain name (samtranslator/model/sam_resources.py SamGraphQLApi); what
// sam::graphQLApiUnsupported names is not expanded.

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandGraphQLApi(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
