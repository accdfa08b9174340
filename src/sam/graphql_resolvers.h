#pragma once
// The DataSources, Functions and Resolvers of an AWS::Serverless::GraphQLApi as SAM reads them
// (model/sam_resources.py SamGraphQLApi: _construct_datasource_resources,
// _construct_appsync_function_configurations, _construct_appsync_resolver_resources).

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// Why samshift cannot say what SAM makes of the API's DataSources, Functions and Resolvers
// (values pydantic would coerce or refuse in words samshift does not reproduce); nullopt
// when it can.
std::optional<std::string> graphQLResolversUnsupported(const model::Node& props);

// SAM's rejection of a function or resolver, which SAM names by its key (subjectId); at most
// one. Call when graphQLResolversUnsupported has nothing to say.
std::optional<SamProblem> graphQLResolversProblem(const model::Template& templ,
                                                  const model::ResourceView& resource,
                                                  const model::Node& props);

// `DataSource: none` (any case): the API's one NONE data source (_is_none_datasource_input).
bool isNoneDataSource(const model::Node& dataSource);

// The keys of the API's DynamoDb then Lambda data sources: the names a function's DataSource
// may give (_datasource_name_map; a Lambda one shadows a DynamoDb one of the same key).
std::vector<std::string> graphQLDataSourceKeys(const model::Node& props);

}  // namespace samshift::sam
