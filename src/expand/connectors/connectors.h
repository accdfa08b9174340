#pragma once
// AWS::Serverless::Connector and the `Connectors` resource attribute: the policies and
// permissions SAM generates for them (sam/connectors.h), added last, against the resources
// generated so far.

#include "expand/context.h"

namespace samshift::expand {

// Expands every connector of the template, standalone ones first, then those of `Connectors`
// attributes (which it removes from the resources it has copied).
void expandConnectors(ExpandContext& ctx);

// A connector SAM makes within another resource's transform (a GraphQLApi's data source roles
// and Lambda authorizers): `resource` is `{Type: AWS::Serverless::Connector, Properties}`.
void expandInternalConnector(ExpandContext& ctx, const std::string& id,
                             const model::Node& resource);

}  // namespace samshift::expand
