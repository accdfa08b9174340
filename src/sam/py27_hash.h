#pragma once
// Python 2.7's string hash and the iteration order of a small dict, as SAM's py27hash_fix
// (samtranslator/utils/py27hash_fix.py) reproduces them for the dictionaries it makes Python 2.7
// compatible: its API bodies and events.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samshift::sam {

// Python 2.7's string hash over the code points, with SAM's 64-bit wrap-around.
uint64_t py27StringHash(std::string_view text);

// The iteration order (indices into `keys`) of a Py27Dict holding `keys` when it is certain
// whatever the history of inserts and copies: at most five keys (the table keeps its eight
// slots) each in its own home slot. nullopt otherwise.
std::optional<std::vector<size_t>> py27SmallDictOrder(const std::vector<std::string>& keys);

}  // namespace samshift::sam
