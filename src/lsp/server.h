#pragma once
// The language server's state machine: one JSON-RPC message in, zero or more out. It never reads
// or writes a stream itself (serve.h does), so tests drive it message by message.
//
// Linting is coalesced: a change only marks its document; publishPending() lints each marked
// document once, on its latest text. serve() calls it when the client goes quiet, and requests
// call it first so that they answer about the buffer the user sees.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "config/config.h"
#include "lsp/analysis.h"
#include "lsp/completion.h"
#include "lsp/diagnostics.h"
#include "lsp/json.h"
#include "lsp/limits.h"

namespace samshift::lsp {

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,  // a valid request the server refuses (a rename to a taken name)
};

class Server {
 public:
  using Send = std::function<void(const std::string& json)>;
  Server(Send send, std::ostream& log, ServerLimits limits = {});
  ~Server();

  void handleMessage(std::string_view json);
  // A frame that could not be read (bad header, oversized body): answered with a JSON-RPC error.
  void handleFramingError(const std::string& problem);

  bool hasPending() const;
  void publishPending();

  bool exited() const { return exited_; }
  // Per the spec: 0 when `exit` follows `shutdown`, 1 otherwise (also when the input ends).
  int exitCode() const { return exited_ && shutdown_ ? 0 : 1; }

  // The current analysis of an open document (for tests); null when not open.
  const Analysis* analysisOf(std::string_view uri);

 private:
  struct OpenDocument;

  void dispatchRequest(const Json& id, std::string_view method, const Json& params);
  void dispatchNotification(std::string_view method, const Json& params);

  void respond(const Json& id, Json result, JsonAlloc& alloc);
  void respondError(const Json& id, int code, std::string_view message);
  void notify(std::string_view method, Json params, JsonAlloc& alloc);
  void showMessage(int type, const std::string& message);

  Json initialize(const Json& params, JsonAlloc& alloc);
  void initialized();
  void didOpen(const Json& params);
  void didChange(const Json& params);
  void didSave(const Json& params);
  void didClose(const Json& params);
  void configurationChanged();
  Json hover(const Json& params, JsonAlloc& alloc);
  Json completion(const Json& params, JsonAlloc& alloc);
  Json codeAction(const Json& params, JsonAlloc& alloc);
  Json codeLens(const Json& params, JsonAlloc& alloc);
  // server_navigation.cc
  struct PositionedRequest;
  PositionedRequest positioned(const Json& params, std::string_view method);
  Json definition(const Json& params, JsonAlloc& alloc);
  Json references(const Json& params, JsonAlloc& alloc);
  Json prepareRename(const Json& params, JsonAlloc& alloc);
  Json rename(const Json& params, JsonAlloc& alloc);
  Json documentSymbol(const Json& params, JsonAlloc& alloc);

  OpenDocument* documentOf(const Json& params);
  // Why a buffer of `bytes` cannot be held in place of `doc`'s (empty: it can), per limits.h.
  std::string limitProblem(const OpenDocument& doc, uint64_t bytes) const;
  void holdText(OpenDocument& doc, std::string text);
  void refuse(OpenDocument& doc, std::string reason);
  const Analysis& analysisFor(OpenDocument& doc);
  const config::Config& configFor(const std::string& path);

  Send send_;
  std::ostream& log_;
  ServerLimits limits_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool watchConfigDynamically_ = false;
  NoteStyle noteStyle_ = NoteStyle::kInMessage;  // until the client says it shows related info
  int nextRequestId_ = 1;
  std::map<std::string, std::unique_ptr<OpenDocument>, std::less<>> documents_;
  size_t openBytes_ = 0;  // held by documents_, against kMaxOpenBytes
  // Configuration by file path ("" for the built-in defaults), loaded on first use and dropped
  // when a .samshift.yaml changes.
  std::map<std::string, config::Config> configs_;
  std::map<std::string, std::string> configErrorsShown_;
};

}  // namespace samshift::lsp
