#pragma once
// Counts what a document makes the loader build against its LoadLimits, for both loaders. Each
// check answers which limit it passed (kNone when none); the loader then stops there with a
// syntax problem whose message describe() gives.

#include <string>

#include "load/limits.h"

namespace samshift::load {

enum class Limit { kNone, kNodes, kCopiedNodes, kCopiedBytes, kProblems, kDepth };

class LoadBudget {
 public:
  explicit LoadBudget(const LoadLimits& limits) : limits_(limits) {}

  // `count` more values in the tree.
  Limit addNodes(size_t count) {
    nodes_ += count;
    return nodes_ <= limits_.maxNodes ? Limit::kNone : Limit::kNodes;
  }
  // A copy made for an anchor, an alias or a merge key (all "alias expansion" to a reader):
  // `nodes` values carrying `textBytes` bytes of scalar text, which count as values too.
  Limit addCopy(size_t nodes, size_t textBytes) {
    copiedNodes_ += nodes;
    copiedBytes_ += textBytes;
    if (copiedNodes_ > limits_.maxCopiedNodes) return Limit::kCopiedNodes;
    if (copiedBytes_ > limits_.maxCopiedBytes) return Limit::kCopiedBytes;
    return addNodes(nodes);
  }
  // The document has `count` problems that do not stop loading.
  Limit checkProblems(size_t count) const {
    return count <= limits_.maxProblems ? Limit::kNone : Limit::kProblems;
  }
  // A collection would open at `depth` (0 for the root).
  Limit checkDepth(size_t depth) const {
    return depth < limits_.maxDepth ? Limit::kNone : Limit::kDepth;
  }

  // The problem's message for a limit passed.
  std::string describe(Limit limit) const;

 private:
  const LoadLimits& limits_;
  size_t nodes_ = 0;
  size_t copiedNodes_ = 0;
  size_t copiedBytes_ = 0;
};

}  // namespace samshift::load
