#pragma once
// The entries of a mapping being loaded, YAML or JSON, with its duplicate keys reported: the
// last value wins, in the first key's place, as PyYAML does. Small mappings (nearly all of them)
// are searched in place; a mapping that grows wide gets an index of entry positions (4 bytes an
// entry, no copies of the keys), so loading stays linear.

#include <cstdint>
#include <vector>

#include "load/child_buffer.h"
#include "model/document.h"
#include "model/node.h"

namespace samshift::load {

class MappingEntries {
 public:
  size_t size() const { return entries_.size(); }
  void add(model::Node&& key, model::Node&& value, std::vector<model::LoadProblem>& problems);
  // Moves the entries into `out` and leaves this empty, ready for the next mapping.
  void takeInto(std::vector<model::MapEntry>& out);
  void clear();

 private:
  static constexpr size_t kIndexFrom = 16;

  size_t find(const model::Node& key);
  void rebuildIndex(size_t slotCount);

  ChildBuffer<model::MapEntry> entries_;
  std::vector<uint32_t> slots_;  // open addressing: entry position + 1, or 0 for an empty slot
};

}  // namespace samshift::load
