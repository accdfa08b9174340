#include "lsp/server.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <exception>
#include <filesystem>

#include "core/version.h"
#include "load/loader.h"
#include "lsp/diagnostics.h"
#include "lsp/server_internal.h"
#include "lsp/text_edit.h"

namespace samshift::lsp {

using internal::InvalidParams;
using internal::positionOf;

namespace {

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

Server::Server(Send send, std::ostream& log, ServerLimits limits)
    : send_(std::move(send)), log_(log), limits_(limits) {}
Server::~Server() = default;

void Server::respond(const Json& id, Json result, JsonAlloc& alloc) {
  Json message(rapidjson::kObjectType);
  message.AddMember("jsonrpc", "2.0", alloc);
  message.AddMember("id", Json(id, alloc), alloc);
  message.AddMember("result", std::move(result), alloc);
  send_(serialize(message));
}

void Server::respondError(const Json& id, int code, std::string_view text) {
  rapidjson::Document doc;
  JsonAlloc& alloc = doc.GetAllocator();
  Json message(rapidjson::kObjectType);
  message.AddMember("jsonrpc", "2.0", alloc);
  message.AddMember("id", Json(id, alloc), alloc);
  message.AddMember("error", ObjectBuilder(alloc).add("code", code).add("message", text).take(),
                    alloc);
  send_(serialize(message));
}

void Server::notify(std::string_view method, Json params, JsonAlloc& alloc) {
  Json message(rapidjson::kObjectType);
  message.AddMember("jsonrpc", "2.0", alloc);
  message.AddMember("method", jsonString(method, alloc), alloc);
  message.AddMember("params", std::move(params), alloc);
  send_(serialize(message));
}

void Server::showMessage(int type, const std::string& text) {
  rapidjson::Document doc;
  JsonAlloc& alloc = doc.GetAllocator();
  notify("window/showMessage", ObjectBuilder(alloc).add("type", type).add("message", text).take(),
         alloc);
}

void Server::handleFramingError(const std::string& problem) {
  log_ << "samshift lsp: unreadable message: " << problem << '\n';
  respondError(Json(), kParseError, "Unreadable message: " + problem);
}

void Server::handleMessage(std::string_view text) {
  rapidjson::Document message;
  // Iterative: a message nested a million levels deep must not exhaust the stack.
  message.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (message.HasParseError()) {
    std::string problem = std::string(rapidjson::GetParseError_En(message.GetParseError())) +
                          " at offset " + std::to_string(message.GetErrorOffset());
    log_ << "samshift lsp: malformed JSON: " << problem << '\n';
    respondError(Json(), kParseError, "Malformed JSON: " + problem);
    return;
  }
  if (!message.IsObject()) {
    respondError(Json(), kInvalidRequest, "A message must be a JSON object");
    return;
  }
  const Json* id = member(message, "id");
  static const Json kNullId;
  const Json& replyId = id && (id->IsInt64() || id->IsString()) ? *id : kNullId;
  const Json* methodValue = member(message, "method");
  if (!methodValue) {
    // A response to one of our requests (client/registerCapability): nothing waits for it.
    if (id && (member(message, "result") || member(message, "error"))) return;
    respondError(replyId, kInvalidRequest, "Message without `method`");
    return;
  }
  if (!methodValue->IsString() || (id && !id->IsInt64() && !id->IsString() && !id->IsNull())) {
    respondError(replyId, kInvalidRequest,
                 "`method` must be a string and `id` a number or a string");
    return;
  }
  std::string_view method(methodValue->GetString(), methodValue->GetStringLength());
  static const Json kNoParams(rapidjson::kObjectType);
  const Json* params = member(message, "params");
  if (!params || params->IsNull()) params = &kNoParams;

  try {
    if (id) {
      dispatchRequest(*id, method, *params);
    } else {
      dispatchNotification(method, *params);
    }
  } catch (const InvalidParams& error) {
    log_ << "samshift lsp: " << method << ": " << error.message << '\n';
    if (id) respondError(*id, kInvalidParams, error.message);
  } catch (const internal::RequestFailed& error) {
    if (id) respondError(*id, kRequestFailed, error.message);
  } catch (const std::exception& error) {
    log_ << "samshift lsp: " << method << " failed: " << error.what() << '\n';
    if (id) respondError(*id, kInternalError, std::string("Internal error: ") + error.what());
  }
}

void Server::dispatchRequest(const Json& id, std::string_view method, const Json& params) {
  if (!initialized_ && method != "initialize") {
    respondError(id, kServerNotInitialized, "The server is not initialized");
    return;
  }
  if (shutdown_) {
    respondError(id, kInvalidRequest, "The server is shutting down");
    return;
  }
  rapidjson::Document doc;
  JsonAlloc& alloc = doc.GetAllocator();
  if (method == "initialize") {
    if (initialized_) {
      respondError(id, kInvalidRequest, "The server is already initialized");
      return;
    }
    Json result = initialize(params, alloc);
    initialized_ = true;
    respond(id, std::move(result), alloc);
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    respond(id, Json(), alloc);
    return;
  }
  if (method == "textDocument/completion") {
    // Editors ask for completion on every keystroke, with the edit just before: answer from the
    // text and the last parse without waiting for a lint.
    respond(id, completion(params, alloc), alloc);
    return;
  }
  // Hover and code actions read the findings: publish what the queued edits changed first, so
  // that the answer is about the text the user sees.
  publishPending();
  if (method == "textDocument/hover") {
    respond(id, hover(params, alloc), alloc);
  } else if (method == "textDocument/codeAction") {
    respond(id, codeAction(params, alloc), alloc);
  } else if (method == "textDocument/definition") {
    respond(id, definition(params, alloc), alloc);
  } else if (method == "textDocument/references") {
    respond(id, references(params, alloc), alloc);
  } else if (method == "textDocument/prepareRename") {
    respond(id, prepareRename(params, alloc), alloc);
  } else if (method == "textDocument/rename") {
    respond(id, rename(params, alloc), alloc);
  } else if (method == "textDocument/documentSymbol") {
    respond(id, documentSymbol(params, alloc), alloc);
  } else if (method == "textDocument/codeLens") {
    respond(id, codeLens(params, alloc), alloc);
  } else {
    respondError(id, kMethodNotFound, "Unknown method " + std::string(method));
  }
}

void Server::dispatchNotification(std::string_view method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  // Before initialize, notifications are dropped (the spec); after shutdown only exit counts.
  if (!initialized_ || shutdown_) return;
  if (method == "initialized") {
    initialized();
  } else if (method == "textDocument/didOpen") {
    didOpen(params);
  } else if (method == "textDocument/didChange") {
    didChange(params);
  } else if (method == "textDocument/didSave") {
    didSave(params);
  } else if (method == "textDocument/didClose") {
    didClose(params);
  } else if (method == "workspace/didChangeWatchedFiles") {
    const Json* changes = member(params, "changes");
    bool ours = false;
    if (changes && changes->IsArray()) {
      for (const Json& change : changes->GetArray()) {
        auto uri = stringAt(change, "uri");
        ours = ours || (uri && endsWith(*uri, config::kConfigFileName));
      }
    }
    if (ours) configurationChanged();
  } else if (method == "workspace/didChangeConfiguration") {
    configurationChanged();
  }
  // Other notifications ($/cancelRequest, $/setTrace, …) need nothing from us.
}

Json Server::initialize(const Json& params, JsonAlloc& alloc) {
  const Json* capabilities = member(params, "capabilities");
  const Json* workspace = capabilities ? member(*capabilities, "workspace") : nullptr;
  const Json* watched = workspace ? member(*workspace, "didChangeWatchedFiles") : nullptr;
  watchConfigDynamically_ = watched && boolAt(*watched, "dynamicRegistration").value_or(false);
  const Json* textDocument = capabilities ? member(*capabilities, "textDocument") : nullptr;
  const Json* publish = textDocument ? member(*textDocument, "publishDiagnostics") : nullptr;
  noteStyle_ = publish && boolAt(*publish, "relatedInformation").value_or(false)
                   ? NoteStyle::kRelatedInformation
                   : NoteStyle::kInMessage;

  Json sync = ObjectBuilder(alloc)
                  .add("openClose", true)
                  .add("change", 2)  // incremental; full-text changes are accepted as well
                  .add("save", ObjectBuilder(alloc).add("includeText", false).take())
                  .take();
  Json triggers(rapidjson::kArrayType);
  for (const char* c : {" ", ":", "."}) triggers.PushBack(Json(rapidjson::StringRef(c)), alloc);
  Json kinds(rapidjson::kArrayType);
  kinds.PushBack("quickfix", alloc);
  Json capabilitiesOut =
      ObjectBuilder(alloc)
          .add("positionEncoding", "utf-16")
          .add("textDocumentSync", std::move(sync))
          .add("hoverProvider", true)
          .add("completionProvider", ObjectBuilder(alloc)
                                         .add("triggerCharacters", std::move(triggers))
                                         .add("resolveProvider", false)
                                         .take())
          .add("codeActionProvider",
               ObjectBuilder(alloc).add("codeActionKinds", std::move(kinds)).take())
          .add("definitionProvider", true)
          .add("referencesProvider", true)
          .add("renameProvider", ObjectBuilder(alloc).add("prepareProvider", true).take())
          .add("documentSymbolProvider", true)
          .add("codeLensProvider", ObjectBuilder(alloc).add("resolveProvider", false).take())
          .take();
  return ObjectBuilder(alloc)
      .add("capabilities", std::move(capabilitiesOut))
      .add("serverInfo",
           ObjectBuilder(alloc).add("name", "samshift").add("version", core::kVersion).take())
      .take();
}

void Server::initialized() {
  if (!watchConfigDynamically_) return;
  rapidjson::Document doc;
  JsonAlloc& alloc = doc.GetAllocator();
  Json watchers(rapidjson::kArrayType);
  watchers.PushBack(
      ObjectBuilder(alloc).add("globPattern", "**/" + std::string(config::kConfigFileName)).take(),
      alloc);
  Json registration =
      ObjectBuilder(alloc)
          .add("id", "samshift-config-watch")
          .add("method", "workspace/didChangeWatchedFiles")
          .add("registerOptions", ObjectBuilder(alloc).add("watchers", std::move(watchers)).take())
          .take();
  Json registrations(rapidjson::kArrayType);
  registrations.PushBack(std::move(registration), alloc);
  Json message(rapidjson::kObjectType);
  message.AddMember("jsonrpc", "2.0", alloc);
  message.AddMember("id", jsonString("samshift-" + std::to_string(nextRequestId_++), alloc), alloc);
  message.AddMember("method", "client/registerCapability", alloc);
  message.AddMember(
      "params", ObjectBuilder(alloc).add("registrations", std::move(registrations)).take(), alloc);
  send_(serialize(message));
}

Server::OpenDocument* Server::documentOf(const Json& params) {
  const Json* textDocument = member(params, "textDocument");
  auto uri = textDocument ? stringAt(*textDocument, "uri") : std::nullopt;
  if (!uri) throw InvalidParams{"`textDocument.uri` is required"};
  auto it = documents_.find(*uri);
  return it == documents_.end() ? nullptr : it->second.get();
}

std::string Server::limitProblem(const OpenDocument& doc, uint64_t bytes) const {
  if (bytes > limits_.documentBytes) {
    return "Buffer of " + std::to_string(bytes) + " bytes is larger than the limit of " +
           std::to_string(limits_.documentBytes) + " bytes; samshift does not check it";
  }
  uint64_t others = openBytes_ - doc.heldBytes();
  if (others + doc.uri.size() + doc.path.size() + bytes > limits_.openBytes) {
    return "Open buffers would hold more than the limit of " + std::to_string(limits_.openBytes) +
           " bytes in all; samshift does not check this one";
  }
  return {};
}

void Server::holdText(OpenDocument& doc, std::string text) {
  openBytes_ -= doc.heldBytes();
  doc.text = std::move(text);
  doc.refusal.clear();
  openBytes_ += doc.heldBytes();
  doc.analysis.reset();
  doc.pending = true;
}

void Server::refuse(OpenDocument& doc, std::string reason) {
  bool already = !doc.refusal.empty();
  openBytes_ -= doc.heldBytes();
  std::string().swap(doc.text);
  doc.refusal = std::move(reason);
  openBytes_ += doc.heldBytes();
  doc.analysis.reset();
  doc.pending = true;
  if (already) return;
  log_ << "samshift lsp: " << doc.path << ": " << doc.refusal << '\n';
  showMessage(2, "samshift: " + doc.refusal + " (" + doc.path + ")");
}

void Server::didOpen(const Json& params) {
  const Json* textDocument = member(params, "textDocument");
  auto uri = textDocument ? stringAt(*textDocument, "uri") : std::nullopt;
  auto text = textDocument ? stringAt(*textDocument, "text") : std::nullopt;
  if (!uri || !text)
    throw InvalidParams{"didOpen needs `textDocument.uri` and `textDocument.text`"};
  if (uri->size() > limits_.uriBytes) {
    throw InvalidParams{"a document URI longer than " + std::to_string(limits_.uriBytes) +
                        " bytes"};
  }
  auto existing = documents_.find(*uri);
  if (existing == documents_.end() && documents_.size() >= limits_.openDocuments) {
    std::string message = "More than " + std::to_string(limits_.openDocuments) +
                          " open documents; samshift does not check " + pathOfUri(*uri);
    log_ << "samshift lsp: " << message << '\n';
    showMessage(2, "samshift: " + message);
    return;
  }
  if (existing != documents_.end()) {
    openBytes_ -= existing->second->heldBytes();
    documents_.erase(existing);
  }
  auto doc = std::make_unique<OpenDocument>();
  doc->uri = std::string(*uri);
  doc->path = pathOfUri(*uri);
  doc->version = intAt(*textDocument, "version").value_or(0);
  openBytes_ += doc->heldBytes();
  if (std::string problem = limitProblem(*doc, text->size()); !problem.empty()) {
    refuse(*doc, std::move(problem));
  } else {
    holdText(*doc, std::string(*text));
  }
  documents_[doc->uri] = std::move(doc);
}

void Server::didChange(const Json& params) {
  OpenDocument* doc = documentOf(params);
  if (!doc) throw InvalidParams{"didChange for a document that is not open"};
  const Json* changes = member(params, "contentChanges");
  if (!changes || !changes->IsArray()) throw InvalidParams{"didChange needs `contentChanges`"};
  // The version moves when the change is taken, applied or refused (not when it is malformed).
  auto takeVersion = [&] {
    if (auto version = intAt(*member(params, "textDocument"), "version")) doc->version = *version;
  };
  if (changes->Size() > limits_.changesPerNotification) {
    takeVersion();
    refuse(*doc, "A change of " + std::to_string(changes->Size()) +
                     " edits is more than the limit of " +
                     std::to_string(limits_.changesPerNotification) +
                     "; samshift lost track of this buffer");
    return;
  }
  // A refused buffer is not held, so only a change that sends the whole text brings it back.
  std::optional<EditableText> buffer;
  if (doc->refusal.empty()) buffer.emplace(doc->text);
  for (const Json& change : changes->GetArray()) {
    auto newText = stringAt(change, "text");
    if (!newText) throw InvalidParams{"a content change needs `text`"};
    const Json* range = member(change, "range");
    if (!range) {
      buffer.emplace(*newText);
    } else if (buffer) {
      auto start = positionOf(member(*range, "start"));
      auto end = positionOf(member(*range, "end"));
      if (!start || !end) throw InvalidParams{"a content change has a malformed `range`"};
      core::Status applied = buffer->apply(ContentChange{*start, *end, std::string(*newText)});
      if (!applied) throw InvalidParams{applied.error().message};
    }
    // Checked after each change: a run of changes never holds more than one message beyond it.
    if (buffer && buffer->size() > limits_.documentBytes) {
      takeVersion();
      refuse(*doc, limitProblem(*doc, buffer->size()));
      return;
    }
  }
  takeVersion();
  if (!buffer) return;
  if (std::string problem = limitProblem(*doc, buffer->size()); !problem.empty()) {
    refuse(*doc, std::move(problem));
    return;
  }
  holdText(*doc, buffer->text());
}

void Server::didSave(const Json& params) {
  const Json* textDocument = member(params, "textDocument");
  auto uri = textDocument ? stringAt(*textDocument, "uri") : std::nullopt;
  // Saving a configuration file is a configuration change even for clients that do not watch files.
  if (uri && endsWith(*uri, config::kConfigFileName)) configurationChanged();
}

void Server::didClose(const Json& params) {
  const Json* textDocument = member(params, "textDocument");
  auto uri = textDocument ? stringAt(*textDocument, "uri") : std::nullopt;
  if (!uri) throw InvalidParams{"didClose needs `textDocument.uri`"};
  auto it = documents_.find(*uri);
  if (it == documents_.end()) return;
  openBytes_ -= it->second->heldBytes();
  documents_.erase(it);
  // Diagnostics of a closed buffer would go stale: clear them.
  rapidjson::Document doc;
  JsonAlloc& alloc = doc.GetAllocator();
  notify(
      "textDocument/publishDiagnostics",
      ObjectBuilder(alloc).add("uri", *uri).add("diagnostics", Json(rapidjson::kArrayType)).take(),
      alloc);
}

void Server::configurationChanged() {
  configs_.clear();
  configErrorsShown_.clear();
  for (auto& [uri, doc] : documents_) {
    doc->analysis.reset();
    doc->pending = true;
  }
}

const config::Config& Server::configFor(const std::string& path) {
  std::optional<std::string> found;
  if (!path.empty() && path.front() == '/') {
    found = config::findConfig(std::filesystem::path(path).parent_path().string());
  }
  std::string key = found.value_or("");
  auto it = configs_.find(key);
  if (it != configs_.end()) return it->second;
  config::Config loaded;
  if (found) {
    auto result = config::loadConfig(*found);
    if (result) {
      loaded = std::move(result).value();
    } else if (configErrorsShown_[key] != result.error().message) {
      configErrorsShown_[key] = result.error().message;
      log_ << "samshift lsp: " << result.error().message << '\n';
      showMessage(1, "samshift: " + result.error().message + " (using the default rules)");
    }
  }
  return configs_.emplace(key, std::move(loaded)).first->second;
}

const Analysis& Server::analysisFor(OpenDocument& doc) {
  if (!doc.analysis && !doc.refusal.empty()) {
    // Nothing to read: one finding at the top says why.
    doc.analysis.emplace();
    doc.analysis->document.source = core::SourceFile(doc.path, "");
    doc.analysis->isTemplate = true;
    doc.analysis->diagnostics.push_back(core::Diagnostic{
        "T001", "syntax-error", core::Severity::kError, core::Span{0, 0}, doc.refusal, {}});
  }
  if (!doc.analysis) {
    const config::Config& config = configFor(doc.path);
    if (config.excludes(doc.path)) {
      doc.analysis.emplace();
      doc.analysis->document = load::loadText(doc.path, doc.text);
    } else {
      doc.analysis = analyze(doc.path, doc.text, config.selection);
    }
    if (doc.analysis->document.parsed && doc.analysis->isTemplate) {
      doc.names = namesOf(doc.analysis->document);
      doc.namesKnown = true;
    }
  }
  return *doc.analysis;
}

const Analysis* Server::analysisOf(std::string_view uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &analysisFor(*it->second);
}

bool Server::hasPending() const {
  return std::any_of(documents_.begin(), documents_.end(),
                     [](const auto& entry) { return entry.second->pending; });
}

void Server::publishPending() {
  for (auto& [uri, doc] : documents_) {
    if (!doc->pending) continue;
    doc->pending = false;
    const Analysis& analysis = analysisFor(*doc);
    rapidjson::Document json;
    JsonAlloc& alloc = json.GetAllocator();
    Json diagnostics =
        analysis.isTemplate
            ? lspDiagnostics(analysis.diagnostics, analysis.document.source, uri, noteStyle_, alloc)
            : Json(rapidjson::kArrayType);
    notify("textDocument/publishDiagnostics",
           ObjectBuilder(alloc)
               .add("uri", uri)
               .add("version", doc->version)
               .add("diagnostics", std::move(diagnostics))
               .take(),
           alloc);
  }
}

}  // namespace samshift::lsp
