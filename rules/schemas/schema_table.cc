#include "rules/schemas/schema_table.h"

#include <map>
#include <string>
#include <utility>

namespace samshift::rules {

// Defined in the source that scripts/embed_files.py generates.
extern const std::pair<std::string_view, std::string_view> kEmbeddedSchemas[];
extern const std::size_t kEmbeddedSchemasCount;

const std::vector<EmbeddedSchema>& embeddedSchemas() {
  static const std::vector<EmbeddedSchema> kSchemas = [] {
    std::vector<EmbeddedSchema> schemas;
    for (size_t i = 0; i < kEmbeddedSchemasCount; ++i) {
      schemas.push_back(EmbeddedSchema{kEmbeddedSchemas[i].first, kEmbeddedSchemas[i].second});
    }
    return schemas;
  }();
  return kSchemas;
}

const schema::Schema* builtinSchema(std::string_view name) {
  static const std::map<std::string, schema::Schema, std::less<>> kCompiled = [] {
    std::map<std::string, schema::Schema, std::less<>> compiled;
    for (const EmbeddedSchema& embedded : embeddedSchemas()) {
      auto parsed = schema::Schema::parse(embedded.json, embedded.name);
      if (parsed.ok()) compiled.emplace(std::string(embedded.name), std::move(parsed.value()));
    }
    return compiled;
  }();
  auto found = kCompiled.find(name);
  return found == kCompiled.end() ? nullptr : &found->second;
}

}  // namespace samshift::rules
