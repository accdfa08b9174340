#pragma once
// AWS::Serverless::GraphQLApi as SAM reads it (samtranslator/model/sam_resources.py SamGraphQLApi,
// its pydantic model internal/schema_source/aws_serverless_graphqlapi.py): the API, its schema,
// logging, authenticators (Lambda ones included), API keys, cache and domain name; data sources,
// functions and resolvers are read in sam/graphql_resolvers.h. Values pydantic would coerce or
// refuse in words samshift does not reproduce are not read.

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// Why samshift cannot say what SAM makes of the API; nullopt when it can (validateGraphQLApi then
// has SAM's rejections, if any).
std::optional<std::string> graphQLApiUnsupported(const model::Node& props);

// SAM's rejections of a GraphQL API that samshift reads; at most one.
void validateGraphQLApi(const model::Template& templ, const model::ResourceView& resource,
                        const model::Node& props, std::vector<SamProblem>& out);

// The authenticators of Auth in SAM's order (the default, then Additional), each as
// {AuthenticationType, <Config>: {…}} with the config's fields in the pydantic model's order and
// null fields dropped (an additional user pool without DefaultAction); call after validation.
std::vector<model::Node> graphQLAuthenticators(const model::Node& auth);

}  // namespace samshift::sam
