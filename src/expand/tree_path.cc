#include "expand/tree_path.h"

#include <vector>

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// Depth-first search in document order; `trail` holds, for each level below `root`, the index of
// the child taken, so the path is written only for the node found (a search through a large
// template mostly finds nothing, and writing every key on the way cost more than the search).
const Node* find(const Node& root, const std::function<bool(const Node&)>& match,
                 std::vector<size_t>& trail) {
  if (match(root)) return &root;
  if (root.isSequence()) {
    const std::vector<Node>& items = root.items();
    for (size_t i = 0; i < items.size(); ++i) {
      trail.push_back(i);
      if (const Node* found = find(items[i], match, trail)) return found;
      trail.pop_back();
    }
  } else if (root.isMapping()) {
    const std::vector<MapEntry>& entries = root.entries();
    for (size_t i = 0; i < entries.size(); ++i) {
      trail.push_back(i);
      if (const Node* found = find(entries[i].value, match, trail)) return found;
      trail.pop_back();
    }
  }
  return nullptr;
}

}  // namespace

const Node* findWithPath(const Node& root, const std::function<bool(const Node&)>& match,
                         std::string& path) {
  std::vector<size_t> trail;
  const Node* found = find(root, match, trail);
  if (!found) return nullptr;
  const Node* node = &root;
  for (size_t index : trail) {
    if (node->isSequence()) {
      path += "[" + std::to_string(index) + "]";
      node = &node->items()[index];
    } else {
      const MapEntry& entry = node->entries()[index];
      path += (path.empty() ? "" : ".") + entry.key.text();
      node = &entry.value;
    }
  }
  return found;
}

}  // namespace samshift::expand
