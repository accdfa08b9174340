#pragma once
// The head of a resource SAM generates from a serverless resource with
// Resource(depends_on=…, attributes=get_passthrough_resource_attributes()): Type, DependsOn (when
// truthy), then Condition, DeletionPolicy and UpdateReplacePolicy as the resource sets them
// (Resource._pass_through_attributes); the caller adds Properties.

#include <string>

#include "model/node.h"
#include "model/template.h"

namespace samshift::expand {

model::Node passThroughResource(const std::string& type, const model::ResourceView& resource);

// The head of a resource SAM generates with Resource(depends_on=…, attributes=resource_attributes):
// Type, DependsOn (when truthy), then every attribute SAM read from the resource in its order
// (Resource._supported_resource_attributes: DeletionPolicy, UpdatePolicy, Condition,
// UpdateReplacePolicy, Metadata).
model::Node allAttributesResource(const std::string& type, const model::ResourceView& resource);

}  // namespace samshift::expand
