#pragma once
// What is under the cursor: the chain of mapping keys and sequence items from the root of a
// loaded tree down to the innermost node whose text contains a byte offset.

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace samshift::lsp {

struct NodeStep {
  std::string_view key;  // the mapping key leading here; empty for a sequence item or the root
  const model::Node* keyNode = nullptr;
  const model::Node* node = nullptr;  // the value
};

struct NodeAt {
  std::vector<NodeStep> steps;  // steps[0] is the root
  bool onKey = false;           // the offset is on the last step's key, not its value

  const model::Node* node() const { return steps.empty() ? nullptr : steps.back().node; }
  // The key names from the root, e.g. {"Resources", "Fn", "Properties"}.
  std::vector<std::string_view> keys() const;
  // True when the key path ends with `suffix` (sequence items are skipped).
  bool endsWith(std::initializer_list<std::string_view> suffix) const;
};

NodeAt nodeAt(const model::Node& root, uint32_t offset);

}  // namespace samshift::lsp
