#include "load/mapping_entries.h"

#include <functional>
#include <string_view>

namespace samshift::load {

using model::MapEntry;
using model::Node;

namespace {

size_t hashOf(const std::string& text) { return std::hash<std::string_view>()(text); }

}  // namespace

// The position of an entry whose key has the same text, or size() when there is none.
size_t MappingEntries::find(const Node& key) {
  size_t count = entries_.size();
  if (count < kIndexFrom) {
    for (size_t i = 0; i < count; ++i) {
      if (entries_[i].key.text() == key.text()) return i;
    }
    return count;
  }
  // Kept at most half full, so that probes stay short.
  if (slots_.size() < 2 * (count + 1)) rebuildIndex(std::max<size_t>(64, slots_.size() * 2));
  size_t mask = slots_.size() - 1;
  for (size_t slot = hashOf(key.text()) & mask;; slot = (slot + 1) & mask) {
    if (slots_[slot] == 0) return count;
    size_t position = slots_[slot] - 1;
    if (entries_[position].key.text() == key.text()) return position;
  }
}

void MappingEntries::rebuildIndex(size_t slotCount) {
  slots_.assign(slotCount, 0);
  size_t mask = slotCount - 1;
  for (size_t i = 0; i < entries_.size(); ++i) {
    size_t slot = hashOf(entries_[i].key.text()) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<uint32_t>(i + 1);
  }
}

void MappingEntries::add(Node&& key, Node&& value, std::vector<model::LoadProblem>& problems) {
  size_t existing = find(key);
  if (existing < entries_.size()) {
    MapEntry& first = entries_[existing];
    problems.push_back(
        model::LoadProblem{model::ProblemKind::kDuplicateKey, key.span(),
                           "Duplicate key `" + key.text() + "`; only the last value is used",
                           first.key.span(), "`" + key.text() + "` first appears here"});
    first.value = std::move(value);
    return;
  }
  if (!slots_.empty()) {
    size_t mask = slots_.size() - 1;
    size_t slot = hashOf(key.text()) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<uint32_t>(entries_.size() + 1);
  }
  entries_.push(MapEntry{std::move(key), std::move(value)});
}

void MappingEntries::takeInto(std::vector<MapEntry>& out) {
  entries_.takeInto(out);
  clear();
}

void MappingEntries::clear() {
  entries_.clear();
  // A wide mapping's index is not kept for the next one: most mappings never need one.
  if (!slots_.empty()) std::vector<uint32_t>().swap(slots_);
}

}  // namespace samshift::load
