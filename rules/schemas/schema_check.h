#pragma once
// Runs an embedded schema over a node and reports each error at its node.

#include <string_view>

#include "engine/rule.h"
#include "model/node.h"

namespace samshift::rules {

// Validates `node` against the embedded schema `schemaName`; `name` is how the root is called in
// messages. A schema that is missing or does not compile reports nothing (the schema test fails).
void reportSchemaErrors(std::string_view schemaName, const model::Node& node, std::string_view name,
                        engine::Reporter& reporter);

// Validates the Properties of every resource of `type` (a resource without Properties is
// validated as an empty mapping, reported at its logical ID).
void checkResourcesOfType(const model::Template& templ, std::string_view type,
                          std::string_view schemaName, engine::Reporter& reporter);

}  // namespace samshift::rules
