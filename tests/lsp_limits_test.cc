// What a client can make the language server hold: every quantity it controls has a limit
// (src/lsp/limits.h), and passing one refuses that buffer or message, never the session.

#include <catch2/catch.hpp>

#include "core/project.h"
#include "lsp/client.h"
#include "lsp/limits.h"
#include "test_support.h"

using samshift::lsp::ServeOptions;
using samshift::testing::jsonQuote;
using samshift::testing::runInProcess;
using samshift::testing::Script;
using samshift::testing::Session;
using samshift::testing::toJson;

namespace {

constexpr std::string_view kQueue = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n";

std::string hover(std::string_view uri) {
  return R"({"textDocument":{"uri":)" + jsonQuote(uri) +
         R"(},"position":{"line":0,"character":0}})";
}

std::vector<std::string> shownMessages(const Session& session) {
  std::vector<std::string> out;
  for (const auto* params : session.notifications("window/showMessage"))
    out.push_back(toJson(*params));
  return out;
}

std::string diagnosticsOf(const Session& session, std::string_view uri) {
  const rapidjson::Value* published = session.lastDiagnostics(uri);
  REQUIRE(published != nullptr);
  return toJson((*published)["diagnostics"]);
}

// The one T001 finding that stands for a refused buffer.
std::string refusedFinding(std::string_view message) {
  return R"([{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"severity":1,)"
         R"("code":"T001","codeDescription":{"href":")" +
         std::string(samshift::core::kRuleDocsBase) +
         R"(T001"},)"
         R"("source":"samshift","message":)" +
         jsonQuote(message) + "}]";
}

ServeOptions withLimits(void (*set)(samshift::lsp::ServerLimits&)) {
  ServeOptions options;
  set(options.limits);
  return options;
}

}  // namespace

TEST_CASE("lsp limits: a change that would grow a buffer past the loader's 64 MiB is refused",
          "[lsp][limits]") {
  // Two inserts of 33 MiB: the second would make the buffer larger than the limit.
  constexpr const char* kUri = "file:///work/grow.yaml";
  std::string comments;
  while (comments.size() < (33u << 20)) comments += "# " + std::string(77, 'x') + "\n";
  std::string text(kQueue);
  Session session = runInProcess(
      Script()
          .initialize()
          .open(kUri, text)
          .changeRange(kUri, 2, 3, 0, 3, 0, comments)
          .changeRange(kUri, 3, 3, 0, 3, 0, comments)
          .request(2, "textDocument/hover", hover(kUri))
          .request(3, "textDocument/codeAction",
                   R"({"textDocument":{"uri":"file:///work/grow.yaml"},"range":)"
                   R"({"start":{"line":0,"character":0},"end":{"line":0,"character":0}},)"
                   R"("context":{"diagnostics":[]}})")
          .changeFull(kUri, 4, text)
          .request(4, "textDocument/hover", hover(kUri))
          .shutdownAndExit(9),
      false);
  std::string message =
      "Buffer of " + std::to_string(text.size() + 2 * comments.size()) +
      " bytes is larger than the limit of 67108864 bytes; samshift does not check it";
  CHECK(shownMessages(session) ==
        std::vector<std::string>{R"({"type":2,"message":)" +
                                 jsonQuote("samshift: " + message + " (/work/grow.yaml)") + "}"});
  // While refused, the buffer is one finding that says why, with nothing to fix.
  const rapidjson::Value* published =
      session.notifications("textDocument/publishDiagnostics").front();
  CHECK(toJson((*published)["diagnostics"]) == refusedFinding(message));
  CHECK((*published)["version"].GetInt() == 3);
  CHECK(std::string((*session.response(2))["result"]["contents"]["value"].GetString())
            .rfind("**T001**", 0) == 0);
  CHECK(toJson((*session.response(3))["result"]) == "[]");
  // The whole text again, within the limit: the buffer is checked again.
  CHECK(diagnosticsOf(session, kUri) == "[]");
  CHECK(session.log.find("samshift lsp: /work/grow.yaml: " + message + "\n") != std::string::npos);
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp limits: edits in one change", "[lsp][limits]") {
  constexpr const char* kUri = "file:///work/edits.yaml";
  auto changeOf = [](int version, int edits) {
    std::string changes;
    for (int i = 0; i < edits; ++i) {
      changes +=
          std::string(i ? "," : "") +
          R"({"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"#"})";
    }
    return R"({"textDocument":{"uri":"file:///work/edits.yaml","version":)" +
           std::to_string(version) + R"(},"contentChanges":[)" + changes + "]}";
  };
  ServeOptions options = withLimits([](auto& limits) { limits.changesPerNotification = 3; });
  Session session = runInProcess(Script()
                                     .initialize()
                                     .open(kUri, "\n" + std::string(kQueue))
                                     .notify("textDocument/didChange", changeOf(2, 3))
                                     .request(2, "textDocument/hover", hover(kUri))
                                     .notify("textDocument/didChange", changeOf(3, 4))
                                     .request(3, "textDocument/hover", hover(kUri))
                                     .shutdownAndExit(9),
                                 false, options);
  auto published = session.notifications("textDocument/publishDiagnostics");
  REQUIRE(published.size() == 2);
  // Three edits are applied (`###` on the first line is a comment: no findings) ...
  CHECK(toJson(*published[0]) ==
        R"({"uri":"file:///work/edits.yaml","version":2,"diagnostics":[]})");
  // ... four are more than the limit: the buffer is refused, since a part of a change cannot be
  // kept.
  std::string message =
      "A change of 4 edits is more than the limit of 3; samshift lost track of this buffer";
  CHECK(toJson((*published[1])["diagnostics"]) == refusedFinding(message));
  CHECK(shownMessages(session).size() == 1);
}

TEST_CASE("lsp limits: open documents, their bytes in all, and URIs", "[lsp][limits]") {
  ServeOptions options = withLimits([](auto& limits) {
    limits.openDocuments = 2;
    limits.openBytes = 200;
    limits.uriBytes = 40;
  });
  std::string longUri = "file:///work/" + std::string(28, 'u') + ".yaml";
  Session session = runInProcess(
      Script()
          .initialize()
          .open("file:///work/a.yaml", std::string(kQueue))  // 75 bytes: text, URI, path
          .open("file:///work/b.yaml", std::string(kQueue) + std::string(80, '#'))
          .open("file:///work/c.yaml", std::string(kQueue))
          .open(longUri, std::string(kQueue))
          .request(2, "textDocument/hover", hover("file:///work/c.yaml"))
          .notify("textDocument/didClose", R"({"textDocument":{"uri":"file:///work/a.yaml"}})")
          .changeFull("file:///work/b.yaml", 2, std::string(kQueue))
          .open("file:///work/c.yaml", std::string(kQueue))
          .request(3, "textDocument/hover", hover("file:///work/c.yaml"))
          .shutdownAndExit(9),
      false, options);
  CHECK(
      shownMessages(session) ==
      std::vector<std::string>{
          R"({"type":2,"message":"samshift: Open buffers would hold more than the limit of 200 bytes in all; )"
          R"x(samshift does not check this one (/work/b.yaml)"})x",
          R"({"type":2,"message":"samshift: More than 2 open documents; samshift does not check /work/c.yaml"})",
      });
  CHECK(session.log.find(
            "samshift lsp: textDocument/didOpen: a document URI longer than 40 bytes\n") !=
        std::string::npos);
  // c was not opened the first time: hover knows nothing of it.
  CHECK(toJson((*session.response(2))["result"]) == "null");
  // Once a is closed there is room: b's whole text brings it back, and c opens.
  CHECK(diagnosticsOf(session, "file:///work/b.yaml") == "[]");
  CHECK(diagnosticsOf(session, "file:///work/c.yaml") == "[]");
  CHECK(session.lastDiagnostics(longUri) == nullptr);
}
