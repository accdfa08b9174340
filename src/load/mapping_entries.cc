#include "load/mapping_entries.h"

namespace samshift::load {

using model::MapEntry;
using model::Node;

void MappingEntries::add(std::vector<MapEntry>& entries, Node&& key, Node&& value, std::vector<model::LoadProblem>& problems) {
  size_t existing = entries.size();
  if (index_.empty() && entries.size() < kIndexFrom) {
    for (size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].key.text() == key.text()) {
        existing = i;
        break;
      }
    }
  } else {
    if (index_.empty()) {
      for (size_t i = 0; i < entries.size(); ++i) index_.emplace(entries[i].key.text(), i);
    }
    auto [it, inserted] = index_.try_emplace(key.text(), entries.size());
    if (!inserted) existing = it->second;
  }
  if (existing < entries.size()) {
    MapEntry& first = entries[existing];
    problems.push_back(model::LoadProblem{model::ProblemKind::kDuplicateKey, key.span(),
                                   "Duplicate key `" + key.text() + "`; only the last value is used",
                                   first.key.span(), "`" + key.text() + "` first appears here"});
    first.value = std::move(value);
    return;
  }
  entries.emplace_back(MapEntry{std::move(key), std::move(value)});
}

}  // namespace samshift::load
