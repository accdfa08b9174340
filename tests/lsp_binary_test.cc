// The real `samshift lsp` process over pipes: only protocol messages on stdout, logs on stderr,
// exit codes per the spec, and a session that survives bad input.

#include <catch2/catch.hpp>

#include "lsp/client.h"
#include "test_support.h"

using samshift::testing::readFile;
using samshift::testing::runBinary;
using samshift::testing::runSamshift;
using samshift::testing::Script;
using samshift::testing::Session;
using samshift::testing::toJson;

TEST_CASE("lsp binary: a full session over pipes", "[lsp]") {
  constexpr const char* kUri = "file:///work/references.yaml";
  std::string text = readFile("tests/lsp/references.yaml");
  Script script;
  script.initialize()
      .raw("Content-Length: 5\r\n\r\n{oops")
      .open(kUri, text)
      .changeRange(kUri, 2, 11, 38, 11, 50, "Table")
      .request(
          2, "textDocument/hover",
          R"({"textDocument":{"uri":"file:///work/references.yaml"},"position":{"line":7,"character":8}})")
      .request(3, "workspace/symbol", R"({"query":""})")
      .shutdownAndExit(4);
  Session session = runBinary(script);
  // parseFrames (inside runBinary) proved stdout holds nothing but framed JSON messages.
  CHECK(session.exitCode == 0);
  const rapidjson::Value* published = session.lastDiagnostics(kUri);
  REQUIRE(published != nullptr);
  CHECK((*published)["version"].GetInt() == 2);
  REQUIRE((*published)["diagnostics"].Size() == 1);
  CHECK(toJson((*published)["diagnostics"][0]["range"]) ==
        R"({"start":{"line":7,"character":6},"end":{"line":7,"character":17}})");
  const rapidjson::Value* hover = session.response(2);
  REQUIRE(hover != nullptr);
  CHECK(std::string((*hover)["result"]["contents"]["value"].GetString())
            .rfind("**T002** `duplicate-key`", 0) == 0);
  CHECK(toJson((*session.response(3))["error"]) ==
        R"({"code":-32601,"message":"Unknown method workspace/symbol"})");
  CHECK(session.log.find("samshift lsp: malformed JSON: ") != std::string::npos);
}

TEST_CASE("lsp binary: exit codes", "[lsp]") {
  CHECK(runBinary(Script().initialize().notify("exit")).exitCode == 1);
  Session closed = runBinary(Script().initialize());
  CHECK(closed.exitCode == 1);
  CHECK(closed.log == "samshift lsp: the client closed the connection without `exit`\n");
  CHECK(runBinary(Script()).exitCode == 1);
}

TEST_CASE("lsp binary: a debounce delay still publishes the latest text", "[lsp]") {
  constexpr const char* kUri = "file:///work/t.yaml";
  Script script;
  script.initialize().open(kUri,
                           "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: Nope\n");
  for (int version = 2; version <= 30; ++version)
    script.changeRange(kUri, version, 3, 15, 3, 19, version % 2 ? "Nope" : "Q");
  script.changeRange(kUri, 31, 3, 15, 3, 19, "Q");
  Session session = runBinary(
      script
          .request(
              5, "textDocument/hover",
              R"({"textDocument":{"uri":"file:///work/t.yaml"},"position":{"line":0,"character":0}})")
          .shutdownAndExit(6),
      {"--debounce-ms", "50"});
  CHECK(session.exitCode == 0);
  const rapidjson::Value* published = session.lastDiagnostics(kUri);
  REQUIRE(published != nullptr);
  CHECK(toJson(*published) == R"({"uri":"file:///work/t.yaml","version":31,"diagnostics":[]})");
}

TEST_CASE("lsp binary: usage", "[lsp]") {
  auto help = runSamshift("lsp --help");
  CHECK(help.exitCode == 0);
  CHECK(help.out.rfind("usage: samshift lsp [OPTIONS]\n", 0) == 0);
  auto bad = runSamshift("lsp --debounce-ms soon");
  CHECK(bad.exitCode == 3);
  CHECK(bad.err ==
        "samshift lsp: --debounce-ms takes a number of milliseconds from 0 to 10000, not 'soon'\n");
  auto extra = runSamshift("lsp file.yaml");
  CHECK(extra.exitCode == 3);
  CHECK(extra.err.rfind("samshift lsp: unexpected argument 'file.yaml'\n", 0) == 0);
}
