#pragma once
// A scripted LSP client for the tests: writes framed messages, runs the server on them (in
// process through streams, or the real binary through pipes) and reads back what it sent.

#include <rapidjson/document.h>

#include "lsp/serve.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace samshift::testing {

// A JSON string literal for `text` ("a\nb" → "\"a\\nb\"").
std::string jsonQuote(std::string_view text);

class Script {
 public:
  // `params` is JSON text.
  Script& request(int id, std::string_view method, std::string_view params = "{}");
  Script& notify(std::string_view method, std::string_view params = "{}");
  Script& raw(std::string_view bytes);  // already framed (or deliberately broken) bytes
  Script& body(std::string_view json);  // frames one body as is

  // Common messages.
  Script& initialize(int id = 1, std::string_view rootUri = "");
  Script& open(std::string_view uri, std::string_view text, int version = 1,
               std::string_view languageId = "yaml");
  Script& changeFull(std::string_view uri, int version, std::string_view text);
  // One incremental change: replace [(l1,c1),(l2,c2)) by `text`.
  Script& changeRange(std::string_view uri, int version, int l1, int c1, int l2, int c2,
                      std::string_view text);
  Script& shutdownAndExit(int id);

  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

struct Session {
  int exitCode = -1;
  std::vector<std::shared_ptr<rapidjson::Document>> messages;  // in order
  std::string log;                                             // the server's stderr

  const rapidjson::Value* response(int id) const;
  std::vector<const rapidjson::Value*> notifications(std::string_view method) const;
  // The last publishDiagnostics for `uri`.
  const rapidjson::Value* lastDiagnostics(std::string_view uri) const;
};

// In process, through std::istringstream / std::ostringstream. `pause`: the client pauses after
// each message (each change is linted); otherwise messages arrive as one burst (coalesced).
Session runInProcess(const Script& script, bool pause = true,
                     const lsp::ServeOptions& options = {});
// The built binary (`samshift lsp`) over pipes.
Session runBinary(const Script& script, const std::vector<std::string>& extraArgs = {});

// Parses framed output into messages (fails the current test on a framing problem).
std::vector<std::shared_ptr<rapidjson::Document>> parseFrames(const std::string& bytes);

std::string toJson(const rapidjson::Value& value);

}  // namespace samshift::testing
