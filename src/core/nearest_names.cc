#include "core/nearest_names.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace samshift::core {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string_view> nearestNames(std::string_view name,
                                           std::span<const std::string_view> candidates,
                                           size_t limit, size_t shortNameAllowance) {
  std::vector<std::pair<size_t, std::string_view>> scored;
  for (std::string_view candidate : candidates) {
    size_t distance = editDistance(name, candidate);
    // A third of the name may differ: `Canary10Percent20Minutes` is close to the canaries,
    // `MyBlueGreenConfig` is close to nothing.
    if (distance * 3 <= candidate.size() || distance <= shortNameAllowance)
      scored.emplace_back(distance, candidate);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& left, const auto& right) { return left.first < right.first; });
  std::vector<std::string_view> names;
  for (const auto& [distance, candidate] : scored) {
    if (names.size() == limit) break;
    names.push_back(candidate);
  }
  return names;
}

}  // namespace samshift::core
