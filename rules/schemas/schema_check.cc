#include "rules/schemas/schema_check.h"

#include "rules/schemas/schema_table.h"

namespace samshift::rules {

void reportSchemaErrors(std::string_view schemaName, const model::Node& node, std::string_view name,
                        engine::Reporter& reporter) {
  const schema::Schema* schema = builtinSchema(schemaName);
  if (!schema) return;
  for (schema::SchemaError& error : schema->validate(node, name))
    reporter.report(error.span, std::move(error.message));
}

void checkResourcesOfType(const model::Template& templ, std::string_view type,
                          std::string_view schemaName, engine::Reporter& reporter) {
  for (const model::ResourceView* resource : templ.resourcesOfType(type)) {
    if (resource->properties) {
      reportSchemaErrors(schemaName, *resource->properties, "Properties", reporter);
      continue;
    }
    if (!resource->node || !resource->node->isMapping()) continue;
    // No Properties at all: check the required keys against an empty mapping, at the logical ID.
    model::Node empty = model::Node::mapping();
    empty.setSpan(resource->idNode->span());
    reportSchemaErrors(schemaName, empty, std::string(resource->id), reporter);
  }
}

}  // namespace samshift::rules
