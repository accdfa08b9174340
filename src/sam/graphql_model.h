#pragma once
// The pydantic models of AWS::Serverless::GraphQLApi (internal/schema_source/
// aws_serverless_graphqlapi.py) as samshift checks them: a model's fields in order, which are
// required, and whether a mapping passes the model as written.

#include <span>
#include <string>
#include <string_view>

#include "model/node.h"

namespace samshift::sam {

struct ModelField {
  std::string_view name;
  bool required = false;  // pydantic refuses the model without it (or with null)
};
using ModelFields = std::span<const ModelField>;

// A mapping pydantic reads as the model as written: known keys only, required ones non-null,
// values passed through (PassThroughProp).
bool passesModel(const model::Node& value, ModelFields fields);

// What pydantic makes of a value: it takes it, refuses it with its first error at `path`
// (SAM's `Property '<path>' is invalid.`), or samshift cannot tell (a coercion, several extra
// keys, whose order is a Python set's).
struct ModelCheck {
  enum class Kind { kOk, kError, kUnknown };
  Kind kind = Kind::kOk;
  std::string path;
  static ModelCheck ok() { return {}; }
  static ModelCheck at(std::string path) { return {Kind::kError, std::move(path)}; }
  static ModelCheck unknown() { return {Kind::kUnknown, {}}; }
  bool passes() const { return kind == Kind::kOk; }
};

// A model whose fields all pass any value through (PassThroughProp): required fields first,
// in order, then the extra keys.
ModelCheck checkFlatModel(const model::Node& value, ModelFields fields, const std::string& path);
// The extra keys of a mapping read as the model.
ModelCheck checkModelExtras(const model::Node& value, ModelFields fields, const std::string& path);

}  // namespace samshift::sam
