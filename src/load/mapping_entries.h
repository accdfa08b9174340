#pragma once
// Adds the entries of a mapping being loaded, YAML or JSON, and reports duplicate keys: the last
// value wins, in the first key's place, as PyYAML does. Small mappings (nearly all of them) are
// searched in place; a mapping that grows wide gets a hash index, so loading stays linear.

#include <string>
#include <unordered_map>
#include <vector>

#include "model/document.h"
#include "model/node.h"

namespace samshift::load {

class MappingEntries {
 public:
  void add(std::vector<model::MapEntry>& entries, model::Node&& key, model::Node&& value,
           std::vector<model::LoadProblem>& problems);
  void clear() { index_.clear(); }

 private:
  static constexpr size_t kIndexFrom = 16;
  std::unordered_map<std::string, size_t> index_;  // key text -> entry position, once wide
};

}  // namespace samshift::load
