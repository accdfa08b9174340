#pragma once
// The structure-aware fuzzer's source of choices: a small generator seeded by libFuzzer, so that
// one seed always gives the same mutation (libFuzzer replays and minimises by seed) on every
// platform, which std::uniform_int_distribution does not promise.

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace samshift::fuzz {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  // splitmix64: every seed, 0 included, starts a full-period sequence.
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // A number in [0, n); 0 when n is 0.
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  // A number in [low, high].
  size_t between(size_t low, size_t high) { return low + below(high - low + 1); }
  bool oneIn(size_t n) { return below(n) == 0; }

  // One element (by reference) of a non-empty array, vector or span.
  template <typename Items>
  decltype(auto) pick(Items&& items) {
    return items[below(std::size(items))];
  }

 private:
  uint64_t state_;
};

}  // namespace samshift::fuzz
