#pragma once
// The SAM `Globals` section applied to a resource, as the SAM transform's globals plugin does:
// a local scalar or intrinsic replaces the global one, mappings merge key by key (recursively),
// lists concatenate global items then local ones; a resource's IgnoreGlobals ("*", or a list of
// keys) keeps those keys of Globals from it.

#include <string_view>

#include "model/node.h"
#include "model/template.h"

namespace samshift::sam {

// `Globals` section name for a resource type: "Function" for AWS::Serverless::Function, …;
// empty when the type takes no globals.
std::string_view globalsSectionFor(std::string_view resourceType);

// The merge of one global value with one local value.
model::Node mergeGlobal(const model::Node& global, const model::Node& local);

// The resource's Properties with Globals applied (a copy; the template is not changed).
model::Node propertiesWithGlobals(const model::Template& templ,
                                  const model::ResourceView& resource);

// True when a `Globals` section applies to the resource, so that its merged properties differ
// from its own.
bool hasGlobals(const model::Template& templ, const model::ResourceView& resource);

// Where a merged property came from: the local Properties node when written there, else the
// Globals node (so diagnostics land where the user wrote the value); null when neither has it.
const model::Node* propertySource(const model::Template& templ, const model::ResourceView& resource,
                                  std::string_view property);

}  // namespace samshift::sam
