#pragma once
// Applying LSP content changes to a buffer. Positions are 0-based lines and UTF-16 columns; a
// line break is `\r\n`, a lone `\r` or `\n` (as core::SourceFile counts them).
//
// One didChange may carry thousands of changes, each positioned in the buffer that the previous
// ones left. EditableText keeps the buffer as a balanced tree (a treap) of chunks of at most
// ~1 KiB, each knowing its bytes, line breaks and UTF-16 units, so that finding a position costs
// O(log n + chunk) and a change O(log n + chunk + its text): a run of changes costs the buffer
// plus the changes, not changes × buffer. On valid UTF-8 every position is the one SourceFile
// gives; text holding invalid UTF-8 (which no client can address in UTF-16 anyway) may count a
// broken sequence that a change splices against differently, never outside the buffer.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/location.h"
#include "core/result.h"

namespace samshift::lsp {

struct ContentChange {
  std::optional<core::LspPosition> start;  // absent: `text` replaces the whole buffer
  core::LspPosition end;
  std::string text;
};

class EditableText {
 public:
  explicit EditableText(std::string_view text);
  ~EditableText();
  EditableText(const EditableText&) = delete;
  EditableText& operator=(const EditableText&) = delete;

  // A range past the end clamps to the end, a column past a line's end to the line's end; a
  // range whose end comes before its start is an error (the client and the server disagree
  // about the buffer) and leaves the buffer as it was.
  core::Status apply(const ContentChange& change);
  // The byte offset of a position (clamped like a change's range).
  uint64_t offsetOf(core::LspPosition position) const;
  uint64_t size() const;
  std::string text() const;

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

// The buffer after one change (a convenience over EditableText for a single change).
core::Result<std::string> applyChange(const std::string& text, const ContentChange& change);

}  // namespace samshift::lsp
