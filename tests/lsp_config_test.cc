// The workspace's .samshift.yaml in the language server: used for the buffers below it, and
// reloaded when the client reports a change (watched files, configuration, or a save).

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "lsp/client.h"
#include "lsp/server.h"
#include "test_support.h"

using samshift::testing::jsonQuote;
using samshift::testing::readFile;
using samshift::testing::TempDir;
using samshift::testing::toJson;
using samshift::testing::writeFile;

namespace {

// Drives a Server message by message and keeps what it sends.
class Driver {
 public:
  Driver() : server_([this](const std::string& json) { sent_.push_back(json); }, log_) {}

  void message(const std::string& json) { server_.handleMessage(json); }
  void notify(const std::string& method, const std::string& params) {
    message(R"({"jsonrpc":"2.0","method":)" + jsonQuote(method) + R"(,"params":)" + params + "}");
  }
  samshift::lsp::Server& server() { return server_; }
  // Messages sent since the last call.
  std::vector<std::string> take() {
    std::vector<std::string> out;
    out.swap(sent_);
    return out;
  }
  std::string log() const { return log_.str(); }

 private:
  std::ostringstream log_;
  std::vector<std::string> sent_;
  samshift::lsp::Server server_;
};

std::vector<std::string> publishedCodes(const std::vector<std::string>& messages) {
  std::vector<std::string> codes;
  for (const std::string& json : messages) {
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    if (!doc.HasMember("method") ||
        std::string(doc["method"].GetString()) != "textDocument/publishDiagnostics")
      continue;
    for (const auto& d : doc["params"]["diagnostics"].GetArray())
      codes.push_back(d["code"].GetString());
  }
  return codes;
}

}  // namespace

TEST_CASE("lsp config: .samshift.yaml applies and is reloaded on change", "[lsp]") {
  TempDir dir;
  std::string root = dir.path().string();
  writeFile(dir.path() / ".samshift.yaml", "ignore: [T002]\n");
  std::string uri = "file://" + root + "/stack/references.yaml";
  std::string configUri = "file://" + root + "/.samshift.yaml";

  Driver driver;
  driver.message(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":)" +
                 jsonQuote("file://" + root) + R"(,"capabilities":{}}})");
  driver.notify("initialized", "{}");
  driver.take();
  driver.notify("textDocument/didOpen", R"({"textDocument":{"uri":)" + jsonQuote(uri) +
                                            R"(,"languageId":"yaml","version":1,"text":)" +
                                            jsonQuote(readFile("tests/lsp/references.yaml")) +
                                            "}}");
  REQUIRE(driver.server().hasPending());
  driver.server().publishPending();
  CHECK(publishedCodes(driver.take()) == std::vector<std::string>{"T005"});

  // The file changes on disk; nothing happens until the client says so.
  writeFile(dir.path() / ".samshift.yaml", "ignore: [T005]\n");
  driver.notify("workspace/didChangeWatchedFiles",
                R"({"changes":[{"uri":"file:///elsewhere/other.yaml","type":2}]})");
  CHECK_FALSE(driver.server().hasPending());
  driver.notify("workspace/didChangeWatchedFiles",
                R"({"changes":[{"uri":)" + jsonQuote(configUri) + R"(,"type":2}]})");
  REQUIRE(driver.server().hasPending());
  driver.server().publishPending();
  CHECK(publishedCodes(driver.take()) == std::vector<std::string>{"T002"});

  // didChangeConfiguration reloads as well; a broken file is reported once and the defaults apply.
  writeFile(dir.path() / ".samshift.yaml", "ignore: [T005]\nselect: [NOPE]\n");
  driver.notify("workspace/didChangeConfiguration", R"({"settings":{}})");
  driver.server().publishPending();
  std::vector<std::string> sent = driver.take();
  REQUIRE(sent.size() == 2);
  rapidjson::Document shown;
  shown.Parse(sent[0].c_str());
  CHECK(std::string(shown["method"].GetString()) == "window/showMessage");
  CHECK(shown["params"]["type"].GetInt() == 1);
  std::string text = shown["params"]["message"].GetString();
  CHECK(text.rfind("samshift: " + root + "/.samshift.yaml:2:", 0) == 0);
  CHECK(text.find("(using the default rules)") != std::string::npos);
  CHECK(publishedCodes(sent) == std::vector<std::string>{"T002", "T005"});

  // Saving the configuration file counts as a change for clients that do not watch files.
  writeFile(dir.path() / ".samshift.yaml", "ignore: [T]\n");
  driver.notify("textDocument/didSave", R"({"textDocument":{"uri":)" + jsonQuote(configUri) + "}}");
  driver.server().publishPending();
  CHECK(publishedCodes(driver.take()) == std::vector<std::string>{});
}

TEST_CASE("lsp config: excluded files get no diagnostics", "[lsp]") {
  TempDir dir;
  std::string root = dir.path().string();
  writeFile(dir.path() / ".samshift.yaml", "exclude: [\"generated/**\"]\n");
  Driver driver;
  driver.message(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
  for (std::string sub : {"generated", "src"}) {
    driver.notify("textDocument/didOpen", R"({"textDocument":{"uri":)" +
                                              jsonQuote("file://" + root + "/" + sub + "/t.yaml") +
                                              R"(,"languageId":"yaml","version":1,"text":)" +
                                              jsonQuote(readFile("tests/lsp/references.yaml")) +
                                              "}}");
  }
  driver.take();
  driver.server().publishPending();
  std::vector<std::string> sent = driver.take();
  REQUIRE(sent.size() == 2);
  CHECK(publishedCodes({sent[0]}).empty());
  CHECK(publishedCodes({sent[1]}) == std::vector<std::string>{"T002", "T005"});
}
