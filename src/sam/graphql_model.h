#pragma once
// The pydantic models of AWS::Serverless::GraphQLApi (internal/schema_source/
// aws_serverless_graphqlapi.py) as samshift checks them: a model's fields in order, which are
// required, and whether a mapping passes the model as written.

#include <span>
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

}  // namespace samshift::sam
