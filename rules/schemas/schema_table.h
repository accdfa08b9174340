#pragma once
// The JSON Schemas of rules/schemas/*.json, embedded at build time (scripts/embed_files.py),
// and their parsed form, compiled once on first use.

#include <string_view>
#include <vector>

#include "schema/validator.h"

namespace samshift::rules {

struct EmbeddedSchema {
  std::string_view name;  // file stem: "codedeploy_deployment_group"
  std::string_view json;
};

const std::vector<EmbeddedSchema>& embeddedSchemas();

// The compiled schema of that name; null when there is none or it does not compile (a bug that
// the schema test catches).
const schema::Schema* builtinSchema(std::string_view name);

}  // namespace samshift::rules
