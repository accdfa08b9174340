#pragma once
// Where things are. A node keeps byte offsets only (a Span); SourceFile is the one place that
// turns an offset into a line and column for people (1-based, columns in characters) or into
// an LSP position (0-based, UTF-16 code units).

#include <cstdint>
#include <limits>

namespace samshift::core {

inline constexpr uint32_t kNoOffset = std::numeric_limits<uint32_t>::max();

// Half-open byte range [begin, end) in a source file's bytes. Generated nodes have no span.
struct Span {
  uint32_t begin = kNoOffset;
  uint32_t end = kNoOffset;

  bool known() const { return begin != kNoOffset; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A point for people: 1-based line, 1-based column counted in characters (code points).
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t offset = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

struct Range {
  Position begin;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

// A point for the Language Server Protocol: 0-based line, 0-based UTF-16 code-unit column.
struct LspPosition {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
};

}  // namespace samshift::core
