#include "sam/graphql_model.h"

#include <algorithm>
#include <array>
#include <string>

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

bool absent(const Node* value) { return !value || value->isNull(); }

bool isField(ModelFields fields, const std::string& key) {
  return std::any_of(fields.begin(), fields.end(),
                     [&](const ModelField& field) { return field.name == key; });
}

// The keys pydantic finds extra (Extra.forbid): it reports them last, in the order of a Python
// set, which samshift can only tell for one.
ModelCheck extraKeys(const Node& value, ModelFields fields, const std::string& path) {
  const MapEntry* extra = nullptr;
  for (const MapEntry& entry : value.entries()) {
    if (isField(fields, entry.key.text())) continue;
    if (extra) return ModelCheck::unknown();
    extra = &entry;
  }
  return extra ? ModelCheck::at(path + "." + extra->key.text()) : ModelCheck::ok();
}

}  // namespace

bool passesModel(const Node& value, ModelFields fields) {
  if (!value.isMapping()) return false;
  for (const MapEntry& entry : value.entries()) {
    if (!isField(fields, entry.key.text())) return false;
  }
  return std::all_of(fields.begin(), fields.end(), [&](const ModelField& field) {
    const Node* given = value.get(field.name);
    return !field.required || (given && !given->isNull());
  });
}

ModelCheck checkFlatModel(const Node& value, ModelFields fields, const std::string& path) {
  if (!value.isMapping()) {
    // dict() turns some strings and lists into mappings; numbers and bools it refuses.
    bool refused = value.isBool() || value.isInt() || value.isFloat();
    return refused ? ModelCheck::at(path) : ModelCheck::unknown();
  }
  for (const ModelField& field : fields) {
    if (field.required && absent(value.get(field.name)))
      return ModelCheck::at(path + "." + std::string(field.name));
  }
  return extraKeys(value, fields, path);
}

ModelCheck checkModelExtras(const Node& value, ModelFields fields, const std::string& path) {
  return extraKeys(value, fields, path);
}

}  // namespace samshift::sam
