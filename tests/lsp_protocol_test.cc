// The language server at the protocol level, in process through streams: lifecycle, document
// sync, diagnostics, and every kind of malformed input.

#include <catch2/catch.hpp>

#include "lsp/client.h"
#include "test_support.h"

using samshift::testing::jsonQuote;
using samshift::testing::readFile;
using samshift::testing::runInProcess;
using samshift::testing::Script;
using samshift::testing::Session;
using samshift::testing::toJson;

namespace {

constexpr const char* kUri = "file:///work/templates/references.yaml";

std::string referencesTemplate() { return readFile("tests/lsp/references.yaml"); }

std::string errorOf(const Session& session, int id) {
  const rapidjson::Value* response = session.response(id);
  REQUIRE(response != nullptr);
  REQUIRE(response->HasMember("error"));
  return toJson((*response)["error"]);
}

// The one error response with a null id (a message that could not be read has no id).
std::vector<std::string> nullIdErrors(const Session& session) {
  std::vector<std::string> out;
  for (const auto& message : session.messages) {
    if (message->HasMember("id") && (*message)["id"].IsNull())
      out.push_back(toJson((*message)["error"]));
  }
  return out;
}

}  // namespace

TEST_CASE("lsp: initialize advertises what is implemented", "[lsp]") {
  Session session = runInProcess(Script().initialize(1).shutdownAndExit(2));
  const rapidjson::Value* response = session.response(1);
  REQUIRE(response != nullptr);
  CHECK(
      toJson((*response)["result"]) ==
      R"({"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,)"
      R"("save":{"includeText":false}},"hoverProvider":true,"completionProvider":{"triggerCharacters":[" ",":","."],)"
      R"("resolveProvider":false},"codeActionProvider":{"codeActionKinds":["quickfix"]},)"
      R"("definitionProvider":true,"referencesProvider":true,"renameProvider":{"prepareProvider":true},)"
      R"("documentSymbolProvider":true,"codeLensProvider":{"resolveProvider":false}},)"
      R"("serverInfo":{"name":"samshift","version":")" SAMSHIFT_VERSION R"("}})");
  // The client allows dynamic registration: the server asks to be told about .samshift.yaml.
  REQUIRE(session.messages.size() >= 2);
  CHECK(
      toJson(*session.messages[1]) ==
      R"({"jsonrpc":"2.0","id":"samshift-1","method":"client/registerCapability","params":{"registrations":[)"
      R"({"id":"samshift-config-watch","method":"workspace/didChangeWatchedFiles","registerOptions":)"
      R"({"watchers":[{"globPattern":"**/.samshift.yaml"}]}}]}})");
  CHECK(toJson(*session.response(2)) == R"({"jsonrpc":"2.0","id":2,"result":null})");
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp: exit codes follow the spec", "[lsp]") {
  CHECK(runInProcess(Script().initialize().shutdownAndExit(5)).exitCode == 0);
  // exit without shutdown
  CHECK(runInProcess(Script().initialize().notify("exit", "null")).exitCode == 1);
  // the input ends without exit
  Session ended = runInProcess(Script().initialize());
  CHECK(ended.exitCode == 1);
  CHECK(ended.log == "samshift lsp: the client closed the connection without `exit`\n");
  // exit before initialize
  CHECK(runInProcess(Script().notify("exit")).exitCode == 1);
}

TEST_CASE("lsp: requests before initialize get ServerNotInitialized", "[lsp]") {
  Session session = runInProcess(
      Script()
          .request(
              7, "textDocument/hover",
              R"({"textDocument":{"uri":"file:///a.yaml"},"position":{"line":0,"character":0}})")
          .open("file:///a.yaml", "Resources: {}\n")
          .initialize(8)
          .shutdownAndExit(9));
  CHECK(errorOf(session, 7) == R"({"code":-32002,"message":"The server is not initialized"})");
  // The didOpen before initialize was dropped: no diagnostics for it.
  CHECK(session.notifications("textDocument/publishDiagnostics").empty());
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp: unknown methods", "[lsp]") {
  Session session = runInProcess(Script()
                                     .initialize()
                                     .request(3, "textDocument/typeDefinition", "{}")
                                     .notify("$/cancelRequest", R"({"id":3})")
                                     .notify("workspace/somethingNew", "{}")
                                     .request(4, "shutdown", "null")
                                     .notify("exit"));
  CHECK(errorOf(session, 3) ==
        R"({"code":-32601,"message":"Unknown method textDocument/typeDefinition"})");
  // Unknown notifications are ignored; the session goes on.
  CHECK(toJson(*session.response(4)) == R"({"jsonrpc":"2.0","id":4,"result":null})");
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp: malformed messages are answered and the session goes on", "[lsp]") {
  std::string notJson = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":";
  Session session = runInProcess(
      Script()
          .initialize()
          .body(notJson)
          .raw("Content-Type: application/json\r\n\r\n{}")
          .body("[1,2]")
          .body(std::string(1000000, '['))
          .body(R"({"jsonrpc":"2.0","id":4})")
          .body(R"({"jsonrpc":"2.0","id":5,"method":17})")
          .raw("Content-Length: twelve\r\n\r\n")
          .request(6, "textDocument/hover", R"({"position":{"line":0,"character":0}})")
          .request(7, "textDocument/hover", R"({"textDocument":{"uri":"file:///x.yaml"}})")
          .notify("textDocument/didChange", R"({"textDocument":{"uri":"file:///x.yaml"}})")
          .shutdownAndExit(8));
  CHECK(nullIdErrors(session) ==
        std::vector<std::string>{
            R"({"code":-32700,"message":"Malformed JSON: Invalid value. at offset 33"})",
            R"({"code":-32700,"message":"Unreadable message: header without Content-Length"})",
            R"({"code":-32600,"message":"A message must be a JSON object"})",
            R"({"code":-32700,"message":"Malformed JSON: Invalid value. at offset 1000000"})",
            R"({"code":-32700,"message":"Unreadable message: invalid Content-Length 'twelve'"})",
        });
  CHECK(errorOf(session, 4) == R"({"code":-32600,"message":"Message without `method`"})");
  CHECK(errorOf(session, 5) ==
        R"({"code":-32600,"message":"`method` must be a string and `id` a number or a string"})");
  CHECK(errorOf(session, 6) == R"({"code":-32602,"message":"`textDocument.uri` is required"})");
  CHECK(errorOf(session, 7) == R"({"code":-32602,"message":"hover needs a `position`"})");
  CHECK(toJson(*session.response(8)) == R"({"jsonrpc":"2.0","id":8,"result":null})");
  CHECK(session.exitCode == 0);
  // Problems are logged on stderr, never on stdout.
  CHECK(session.log.find("samshift lsp: malformed JSON: Invalid value. at offset 33\n") !=
        std::string::npos);
}

TEST_CASE("lsp: an oversized message is skipped without being buffered", "[lsp]") {
  std::string header = "Content-Length: " + std::to_string((64u << 20) + 1) + "\r\n\r\n";
  std::string body((64u << 20) + 1, ' ');
  Session session = runInProcess(Script().initialize().raw(header).raw(body).shutdownAndExit(2));
  CHECK(nullIdErrors(session) ==
        std::vector<std::string>{
            R"({"code":-32700,"message":"Unreadable message: message of 67108865 bytes exceeds )"
            R"(the limit of 67108864 bytes"})"});
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp: after a framing error, headers in any case are read again", "[lsp]") {
  std::string hover =
      R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover",)"
      R"("params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":0,"character":0}}})";
  Session session =
      runInProcess(Script()
                       .initialize()
                       .raw("Content-Length: 18446744073709551615\r\n\r\n{}")
                       .raw("content-length: " + std::to_string(hover.size()) + "\r\n\r\n" + hover)
                       .raw("CONTENT-LENGTH: 1x\r\n\r\n")
                       .raw("cOnTeNt-LeNgTh:4\r\n\r\nnull")
                       .shutdownAndExit(4));
  CHECK(
      nullIdErrors(session) ==
      std::vector<std::string>{
          R"({"code":-32700,"message":"Unreadable message: message of 18446744073709551615 bytes exceeds )"
          R"(the limit of 67108864 bytes"})",
          R"({"code":-32700,"message":"Unreadable message: invalid Content-Length '1x'"})",
          R"({"code":-32600,"message":"A message must be a JSON object"})",
      });
  REQUIRE(session.response(3) != nullptr);
  CHECK(toJson(*session.response(3)) == R"({"jsonrpc":"2.0","id":3,"result":null})");
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp: the input ending inside a message ends the session cleanly", "[lsp]") {
  Session inBody =
      runInProcess(Script().initialize().raw("Content-Length: 50\r\n\r\n{\"jsonrpc\""));
  CHECK(inBody.exitCode == 1);
  CHECK(inBody.log ==
        "samshift lsp: the input ended inside a message (10 bytes of it were dropped)\n"
        "samshift lsp: the client closed the connection without `exit`\n");
  Session inHeader = runInProcess(Script().initialize().raw("Content-Len"));
  CHECK(inHeader.exitCode == 1);
  CHECK(inHeader.log ==
        "samshift lsp: the input ended inside a message (11 bytes of it were dropped)\n"
        "samshift lsp: the client closed the connection without `exit`\n");
}

TEST_CASE("lsp: requests after shutdown are refused", "[lsp]") {
  Session session = runInProcess(Script()
                                     .initialize()
                                     .request(2, "shutdown", "null")
                                     .request(3, "textDocument/hover", "{}")
                                     .request(4, "initialize", "{}")
                                     .notify("exit"));
  CHECK(errorOf(session, 3) == R"({"code":-32600,"message":"The server is shutting down"})");
  CHECK(errorOf(session, 4) == R"({"code":-32600,"message":"The server is shutting down"})");
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp: a second initialize is an invalid request", "[lsp]") {
  Session session =
      runInProcess(Script().initialize(1).request(2, "initialize", "{}").shutdownAndExit(3));
  CHECK(errorOf(session, 2) == R"({"code":-32600,"message":"The server is already initialized"})");
}

TEST_CASE("lsp: didOpen publishes diagnostics with UTF-16 ranges and related information",
          "[lsp]") {
  Session session =
      runInProcess(Script().initialize().open(kUri, referencesTemplate(), 3).shutdownAndExit(2));
  const rapidjson::Value* published = session.lastDiagnostics(kUri);
  REQUIRE(published != nullptr);
  CHECK(
      toJson(*published) ==
      std::string(
          R"({"uri":"file:///work/templates/references.yaml","version":3,"diagnostics":[)") +
          R"({"range":{"start":{"line":7,"character":6},"end":{"line":7,"character":17}},"severity":1,"code":"T002",)"
          R"("codeDescription":{"href":"https://github.com/samshift/samshift/blob/main/docs/rules.md#T002"},"source":"samshift",)"
          R"("message":"Duplicate key `BillingMode`; only the last value is used",)"
          R"("relatedInformation":[{"location":{"uri":"file:///work/templates/references.yaml",)"
          R"("range":{"start":{"line":6,"character":6},"end":{"line":6,"character":17}}},)"
          R"("message":"`BillingMode` first appears here"}]},)"
          // Column 38 in UTF-16 units: Ü, n and ï are one unit each, the rocket two.
          R"({"range":{"start":{"line":11,"character":38},"end":{"line":11,"character":50}},"severity":1,)"
          R"("code":"T005","codeDescription":{"href":"https://github.com/samshift/samshift/blob/main/docs/rules.md#T005"},"source":"samshift",)"
          R"("message":"`Ref` names `MissingTable`, which is not a parameter or resource of this template"}]})");
}

TEST_CASE("lsp: incremental and full changes", "[lsp]") {
  std::string text = referencesTemplate();
  Script script;
  script.initialize().open(kUri, text, 1);
  // Line 11: `      Tags: [{Key: Ünï🚀, Value: !Ref MissingTable}]`; replace MissingTable
  // (UTF-16 38..50).
  script.changeRange(kUri, 2, 11, 38, 11, 50, "Table");
  // Delete line 7 (the duplicate) across a line break.
  script.changeRange(kUri, 3, 7, 0, 8, 0, "");
  script.request(10, "textDocument/hover",
                 R"({"textDocument":{"uri":"file:///work/templates/references.yaml"},)"
                 R"("position":{"line":0,"character":0}})");
  script.changeFull(kUri, 4,
                    "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: Nothing\n");
  script.shutdownAndExit(2);
  Session session = runInProcess(script);
  auto published = session.notifications("textDocument/publishDiagnostics");
  REQUIRE(published.size() == 4);
  CHECK((*published[0])["version"].GetInt() == 1);
  CHECK((*published[0])["diagnostics"].Size() == 2);
  // After the rename only the duplicate key is left, after the deletion nothing.
  CHECK((*published[1])["version"].GetInt() == 2);
  CHECK(toJson((*published[1])["diagnostics"][0]["code"]) == R"("T002")");
  CHECK((*published[1])["diagnostics"].Size() == 1);
  CHECK(toJson(*published[2]) ==
        R"({"uri":"file:///work/templates/references.yaml","version":3,"diagnostics":[]})");
  CHECK(
      toJson((*published[3])["diagnostics"]) ==
      R"([{"range":{"start":{"line":3,"character":15},"end":{"line":3,"character":22}},"severity":1,"code":"T005",)"
      R"("codeDescription":{"href":"https://github.com/samshift/samshift/blob/main/docs/rules.md#T005"},"source":"samshift",)"
      R"("message":"`DependsOn` names `Nothing`, which is not a resource of this template"}])");
}

TEST_CASE("lsp: a burst of edits is linted once, on the latest text", "[lsp]") {
  std::string text = referencesTemplate();
  Script script;
  script.initialize().open(kUri, text, 1);
  for (int version = 2; version <= 20; ++version) script.changeRange(kUri, version, 0, 0, 0, 0, "");
  script.changeRange(kUri, 21, 11, 38, 11, 50, "Table");
  script.request(9, "textDocument/hover",
                 R"({"textDocument":{"uri":"file:///work/templates/references.yaml"},)"
                 R"("position":{"line":0,"character":0}})");
  script.shutdownAndExit(2);
  // Without pauses, the changes coalesce until a request asks for the settled state.
  Session session = runInProcess(script, /*pause=*/false);
  auto published = session.notifications("textDocument/publishDiagnostics");
  REQUIRE(published.size() == 1);
  CHECK((*published[0])["version"].GetInt() == 21);
  REQUIRE((*published[0])["diagnostics"].Size() == 1);
  CHECK(std::string((*published[0])["diagnostics"][0]["code"].GetString()) == "T002");
}

TEST_CASE("lsp: didClose clears the diagnostics; YAML that is not a template gets none", "[lsp]") {
  Session session = runInProcess(
      Script()
          .initialize()
          .open(kUri, referencesTemplate())
          .notify("textDocument/didClose", R"({"textDocument":{"uri":)" + jsonQuote(kUri) + "}}")
          .open("file:///work/.github/workflows/ci.yaml", "on: push\njobs: {build: 1, build: 2}\n")
          .open("file:///work/broken.yaml", "key: [unclosed\n")
          .shutdownAndExit(2));
  auto published = session.notifications("textDocument/publishDiagnostics");
  REQUIRE(published.size() == 4);
  CHECK((*published[0])["diagnostics"].Size() == 2);
  CHECK(toJson(*published[1]) ==
        R"({"uri":"file:///work/templates/references.yaml","diagnostics":[]})");
  CHECK(toJson(*published[2]) ==
        R"({"uri":"file:///work/.github/workflows/ci.yaml","version":1,"diagnostics":[]})");
  CHECK(toJson(*published[3]) ==
        R"({"uri":"file:///work/broken.yaml","version":1,"diagnostics":[]})");
}

TEST_CASE("lsp: invalid UTF-8 and huge buffers are linted, never crash the session", "[lsp]") {
  // Invalid UTF-8 inside a JSON string (the client broke the spec): read as it comes.
  std::string body =
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///bad.yaml",)"
      R"("languageId":"yaml","version":1,"text":")" +
      std::string(
          "Resources:\\n  Queue:\\n    Type: AWS::SQS::Queue\\n    DependsOn: \xff\xfe\\n") +
      "\"}}}";
  // 200,000 resources: about 11 MB of template.
  std::string huge = "Resources:\n";
  for (int i = 0; i < 200000; ++i)
    huge += "  Q" + std::to_string(i) + ": {Type: AWS::SQS::Queue}\n";
  Session session = runInProcess(
      Script()
          .initialize()
          .body(body)
          .open("file:///huge.yaml", huge)
          .request(
              3, "textDocument/hover",
              R"({"textDocument":{"uri":"file:///huge.yaml"},"position":{"line":5,"character":5}})")
          .shutdownAndExit(2));
  const rapidjson::Value* badDiagnostics = session.lastDiagnostics("file:///bad.yaml");
  REQUIRE(badDiagnostics != nullptr);
  REQUIRE((*badDiagnostics)["diagnostics"].Size() >= 1);
  // Every message the server wrote parsed as JSON (parseFrames checks): the bytes were replaced.
  std::string all;
  for (const auto& d : (*badDiagnostics)["diagnostics"].GetArray()) all += toJson(d);
  CHECK(all.find("\xff") == std::string::npos);
  const rapidjson::Value* hugeDiagnostics = session.lastDiagnostics("file:///huge.yaml");
  REQUIRE(hugeDiagnostics != nullptr);
  // Only CloudFormation's limits: the body is over 1 MB, the stack over 500 resources.
  REQUIRE((*hugeDiagnostics)["diagnostics"].Size() == 2);
  for (const auto& d : (*hugeDiagnostics)["diagnostics"].GetArray())
    CHECK(std::string(d["code"].GetString()) == "T007");
  CHECK(toJson(*session.response(3)) == R"({"jsonrpc":"2.0","id":3,"result":null})");
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp: completion answers without waiting for a lint", "[lsp]") {
  std::string text = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: !Ref Qu\n";
  std::string position =
      R"({"textDocument":{"uri":"file:///t.yaml"},"position":{"line":3,"character":22}})";
  Session session = runInProcess(Script()
                                     .initialize()
                                     .open("file:///t.yaml", text)
                                     .request(2, "textDocument/completion", position)
                                     .changeRange("file:///t.yaml", 2, 3, 22, 3, 22, "e")
                                     .request(3, "textDocument/completion", position)
                                     .request(4, "textDocument/hover", position)
                                     .shutdownAndExit(5),
                                 /*pause=*/false);
  std::vector<std::string> order;
  for (const auto& message : session.messages) {
    if (message->HasMember("method")) {
      std::string method = (*message)["method"].GetString();
      if (method == "textDocument/publishDiagnostics") {
        order.push_back(method + " " + std::to_string((*message)["params"]["version"].GetInt()));
      } else {
        order.push_back(method);
      }
    } else {
      order.push_back("response " + std::to_string((*message)["id"].GetInt()));
    }
  }
  // The edits are linted once, when the hover asks for findings.
  CHECK(order == std::vector<std::string>{"response 1", "client/registerCapability", "response 2",
                                          "response 3", "textDocument/publishDiagnostics 2",
                                          "response 4", "response 5"});
  CHECK(toJson((*session.response(2))["result"][0]["label"]) == R"("Queue")");
  CHECK(toJson((*session.response(3))["result"][0]["label"]) == R"("Queue")");
}

TEST_CASE("lsp: a client without relatedInformation gets the notes in the message", "[lsp]") {
  Script script;
  script.request(1, "initialize", R"({"processId":null,"rootUri":null,"capabilities":{}})")
      .notify("initialized", "{}")
      .open(kUri, referencesTemplate(), 3)
      .shutdownAndExit(2);
  Session session = runInProcess(script);
  const rapidjson::Value* published = session.lastDiagnostics(kUri);
  REQUIRE(published != nullptr);
  const rapidjson::Value& first = (*published)["diagnostics"][0];
  CHECK(std::string(first["message"].GetString()) ==
        "Duplicate key `BillingMode`; only the last value is used\n"
        "note: line 7: `BillingMode` first appears here");
  CHECK_FALSE(first.HasMember("relatedInformation"));
}
