#pragma once
// What the GraphQLApi emitters share: SAM's tests of a model value (`is not None`, truthiness)
// and the resources it makes with the API's depends_on and resource attributes.

#include <string>

#include "expand/context.h"
#include "model/node.h"
#include "model/template.h"

namespace samshift::expand {

// The value is set (pydantic's None is absent or null).
bool graphQLGiven(const model::Node* value);
// The value is set and Python-truthy.
bool graphQLTruthy(const model::Node* value);

// AssumeRolePolicyDocument for appsync.amazonaws.com
// (construct_assume_role_policy_for_service_principal).
model::Node appSyncAssumeRolePolicy();

// A resource made with Resource(depends_on=api.depends_on, attributes=api.resource_attributes).
void addGraphQLResource(ExpandContext& ctx, const model::ResourceView& api, const std::string& id,
                        const std::string& type, model::Node properties);

}  // namespace samshift::expand
