#pragma once
// The safety limits a loader applies while it reads untrusted text.

#include <cstddef>

namespace samshift::load {

struct LoadLimits {
  size_t maxBytes = 64u << 20;    // larger than any template CloudFormation accepts
  size_t maxDepth = 512;          // real templates nest a few dozen levels
  size_t maxAliasNodes = 200000;  // nodes that alias expansion may create, in all
};

}  // namespace samshift::load
