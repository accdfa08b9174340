#pragma once
// The safety limits a loader applies while it reads untrusted text.

#include <cstddef>

namespace samshift::load {

// The largest input any command reads (a file, standard input, an editor buffer): more than any
// template CloudFormation accepts (1 MB), so that only a hostile or mistaken input meets it.
inline constexpr size_t kMaxInputBytes = size_t{64} << 20;

// What one document may make the loader build. Each limit stops loading with a syntax problem at
// the place it was reached, so that memory stays in proportion to the input (docs/limits.md
// gives the model and the measured figures).
struct LoadLimits {
  size_t maxBytes = kMaxInputBytes;
  size_t maxDepth = 512;  // real templates nest a few dozen levels; aliases may not go deeper
  // Values (scalars, keys, collections) in one document, copies included. Real templates take
  // 9.5 bytes a value at the densest (minified JSON), so every real template up to 38 MiB loads;
  // a 10,000-function SAM template of 15 MB has 1.2 million.
  size_t maxNodes = kMaxInputBytes / 16;
  // What anchors, aliases and merge keys copy, in all: values and bytes of scalar text.
  size_t maxCopiedNodes = 200000;
  size_t maxCopiedBytes = size_t{16} << 20;
  // Problems that do not stop loading (duplicate keys, non-scalar keys, bad merges).
  size_t maxProblems = 1000;
};

}  // namespace samshift::load
