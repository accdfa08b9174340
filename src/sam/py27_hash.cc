#include "sam/py27_hash.h"

#include <algorithm>

#include "core/utf8.h"

namespace samshift::sam {

uint64_t py27StringHash(std::string_view text) {
  uint64_t x = 0;
  size_t length = 0;
  for (size_t i = 0; i < text.size(); ++length) {
    uint32_t c = core::decodeUtf8(text, i);
    if (length == 0) x = static_cast<uint64_t>(c) << 7;
    x = (1000003ULL * x) ^ c;
  }
  return length == 0 ? 0 : x ^ length;
}

std::optional<std::vector<size_t>> py27SmallDictOrder(const std::vector<std::string>& keys) {
  // Python 2.7 resizes an eight-slot table when its sixth key arrives.
  constexpr size_t kSlots = 8, kMaxKeys = 5;
  if (keys.size() > kMaxKeys) return std::nullopt;
  std::vector<std::pair<size_t, size_t>> slots;  // (home slot, key index)
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t home = py27StringHash(keys[i]) & (kSlots - 1);
    for (const auto& [taken, index] : slots) {
      if (taken == home) return std::nullopt;  // a collision: the order depends on the history
    }
    slots.emplace_back(home, i);
  }
  std::sort(slots.begin(), slots.end());
  std::vector<size_t> order;
  for (const auto& [home, index] : slots) order.push_back(index);
  return order;
}

}  // namespace samshift::sam
