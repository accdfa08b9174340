#pragma once
// What an AWS::Serverless::GraphQLApi generates beyond the API itself: its Lambda authorizer
// connectors, data sources (with the roles and connectors SAM makes for them), functions,
// resolvers and NONE data source (model/sam_resources.py SamGraphQLApi).

#include <map>
#include <string>
#include <vector>

#include "expand/context.h"
#include "model/node.h"
#include "model/template.h"

namespace samshift::expand {

// _construct_lambda_auth_connector for each AWS_LAMBDA authenticator, numbered from 1.
void addGraphQLAuthorizerConnectors(ExpandContext& ctx, const std::string& apiId,
                                    const std::vector<model::Node>& authenticators);

// _construct_datasource_resources: DynamoDb then Lambda data sources; returns each data source's
// `Fn::GetAtt Name` by its key (_datasource_name_map).
std::map<std::string, model::Node> addGraphQLDataSources(ExpandContext& ctx,
                                                         const model::ResourceView& resource,
                                                         const model::Node& props);

// Functions, Resolvers, then the NONE data source they use; call after validation.
void addGraphQLFunctionsAndResolvers(ExpandContext& ctx, const model::ResourceView& resource,
                                     const model::Node& props,
                                     const std::map<std::string, model::Node>& dataSourceNames);

}  // namespace samshift::expand
