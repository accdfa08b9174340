#include "expand/tree_path.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

const Node* findWithPath(const Node& root, const std::function<bool(const Node&)>& match,
                         std::string& path) {
  if (match(root)) return &root;
  const size_t length = path.size();
  for (size_t i = 0; i < root.items().size(); ++i) {
    path += "[" + std::to_string(i) + "]";
    if (const Node* found = findWithPath(root.items()[i], match, path)) return found;
    path.resize(length);
  }
  for (const MapEntry& entry : root.entries()) {
    path += (length == 0 ? "" : ".") + entry.key.text();
    if (const Node* found = findWithPath(entry.value, match, path)) return found;
    path.resize(length);
  }
  return nullptr;
}

}  // namespace samshift::expand
