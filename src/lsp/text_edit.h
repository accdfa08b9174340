#pragma once
// Applying LSP content changes to a buffer. Positions are UTF-16 based and converted with
// core::SourceFile (the one place that knows the encoding).

#include <optional>
#include <string>

#include "core/location.h"
#include "core/result.h"

namespace samshift::lsp {

struct ContentChange {
  std::optional<core::LspPosition> start;  // absent: `text` replaces the whole buffer
  core::LspPosition end;
  std::string text;
};

// The buffer after one change. A range past the end clamps to the end; a range whose end comes
// before its start is an error (the client and the server disagree about the buffer).
core::Result<std::string> applyChange(const std::string& text, const ContentChange& change);

}  // namespace samshift::lsp
