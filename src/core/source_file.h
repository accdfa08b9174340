#pragma once
// A loaded file: its name, its bytes exactly as read, and a table of line starts.
// A line break is `\r\n`, a lone `\r` or `\n`, each one break, as libyaml and the LSP spec count.

#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace samshift::core {

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  size_t lineCount() const { return lineStarts_.size(); }

  // Offsets past the end clamp to the end of the file.
  Position position(uint32_t offset) const;
  Range range(Span span) const;
  LspPosition lspPosition(uint32_t offset) const;
  // The byte offset of an LSP position (clamped to the line's end and to the file).
  uint32_t offsetOfLsp(LspPosition position) const;
  uint32_t offsetOf(uint32_t line, uint32_t column) const;  // 1-based, columns in characters

  // The text of a 1-based line without its line break.
  std::string_view lineText(uint32_t line) const;
  // The line break that ends a 1-based line (`\n`, `\r\n` or `\r`), or, for the last line, the
  // one before it; `\n` in a file of one line. Text inserted as a line matches its neighbours.
  std::string_view lineBreakOf(uint32_t line) const;

 private:
  uint32_t lineIndexOf(uint32_t offset) const;

  // Characters and UTF-16 units up to a character boundary. A column counts from the start of
  // its line; over a line longer than kCheckpointBytes it counts from the nearest checkpoint
  // instead, so that it costs at most that many bytes of decoding whatever the line's length (a
  // minified template is one line, and each of its findings decoded the line up to its column).
  struct Count {
    uint32_t offset = 0;
    uint32_t characters = 0;
    uint32_t utf16Units = 0;
  };
  static constexpr uint32_t kCheckpointBytes = 4096;
  Count countBetween(uint32_t from, uint32_t to) const;
  // Decodes the character at count.offset and counts it.
  static void countOne(std::string_view text, Count& count);

  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
  // checkpoints_[k]: the count from the start of the file to the first character boundary at
  // or after k * kCheckpointBytes; empty when no line is longer than kCheckpointBytes.
  std::vector<Count> checkpoints_;
};

// Length of the line break at text[at]: 2 for `\r\n`, 1 for a lone `\r` or `\n`, else 0.
size_t lineBreakLength(std::string_view text, size_t at);
// Where the line holding `offset` starts (an offset inside a `\r\n` belongs to the line it ends).
size_t lineStartAt(std::string_view text, size_t offset);

}  // namespace samshift::core
