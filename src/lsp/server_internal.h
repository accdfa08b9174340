#pragma once
// Helpers shared by the files that implement Server (server.cc, server_requests.cc).

#include <cstdint>
#include <optional>
#include <string>

#include "core/location.h"
#include "lsp/analysis.h"
#include "lsp/completion.h"
#include "lsp/json.h"
#include "lsp/server.h"

namespace samshift::lsp::internal {

// Thrown inside a handler for bad params; turned into an InvalidParams response.
struct InvalidParams {
  std::string message;
};

// Thrown inside a handler for a valid request that cannot be carried out (a rename to a taken
// name); turned into a RequestFailed response with the message.
struct RequestFailed {
  std::string message;
};

inline std::optional<core::LspPosition> positionOf(const Json* value) {
  if (!value || !value->IsObject()) return std::nullopt;
  auto line = intAt(*value, "line");
  auto character = intAt(*value, "character");
  if (!line || !character || *line < 0 || *character < 0 || *line > UINT32_MAX ||
      *character > UINT32_MAX) {
    return std::nullopt;
  }
  return core::LspPosition{static_cast<uint32_t>(*line), static_cast<uint32_t>(*character)};
}

}  // namespace samshift::lsp::internal

namespace samshift::lsp {

struct Server::OpenDocument {
  std::string uri;
  std::string path;
  int64_t version = 0;
  std::string text;
  // Non-empty: the buffer is not held (it would pass a limit in limits.h) and this says why;
  // `text` is empty until a change sends the whole text again within the limits.
  std::string refusal;
  bool pending = true;               // changed since diagnostics were last published
  std::optional<Analysis> analysis;  // of `text`, when computed
  TemplateNames names;               // from the last text that parsed, for completion mid-edit
  bool namesKnown = false;

  // What the buffer counts against kMaxOpenBytes.
  size_t heldBytes() const { return uri.size() + path.size() + text.size(); }
};

}  // namespace samshift::lsp
