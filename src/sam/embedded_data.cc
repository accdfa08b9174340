#include "sam/embedded_data.h"

#include <cstddef>
#include <utility>

namespace samshift::sam {

// Defined in the source that scripts/embed_files.py generates (src/sam/meson.build).
extern const std::pair<std::string_view, std::string_view> kEmbeddedSamData[];
extern const std::size_t kEmbeddedSamDataCount;

std::string_view embeddedSamData(std::string_view stem) {
  for (std::size_t i = 0; i < kEmbeddedSamDataCount; ++i) {
    if (kEmbeddedSamData[i].first == stem) return kEmbeddedSamData[i].second;
  }
  return {};
}

}  // namespace samshift::sam
