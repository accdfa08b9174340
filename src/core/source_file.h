#pragma once
// A loaded file: its name, its bytes exactly as read, and a table of line starts.

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

 private:
  uint32_t lineIndexOf(uint32_t offset) const;

  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

}  // namespace samshift::core
