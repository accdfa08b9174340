#pragma once
// "Did you mean …?": the known names closest to a misspelt one, by edit distance. One place for
// every suggestion samshift makes (rule names, deployment types, keys, parameters).

#include <span>
#include <string_view>
#include <vector>

namespace samshift::core {

// Edit distance (insertions, deletions, substitutions) between two strings, ignoring ASCII case.
size_t editDistance(std::string_view a, std::string_view b);

// Up to `limit` of `candidates` closest to `name`, nearest first (ties in the candidates' order);
// empty when none is close enough to be a plausible misspelling. A candidate is close when at
// most a third of it differs, or when at most `shortNameAllowance` edits separate them (so that
// a short name such as the code `D002` is still found from `DOO2`).
std::vector<std::string_view> nearestNames(std::string_view name,
                                           std::span<const std::string_view> candidates,
                                           size_t limit, size_t shortNameAllowance = 0);

}  // namespace samshift::core
