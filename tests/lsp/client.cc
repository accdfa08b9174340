#include "lsp/client.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <catch2/catch.hpp>

#include <cstring>
#include <sstream>

#include "lsp/framing.h"
#include "lsp/serve.h"
#include "lsp/transport.h"

namespace samshift::testing {

std::string jsonQuote(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

Script& Script::body(std::string_view json) {
  bytes_ += lsp::frameMessage(json);
  return *this;
}

Script& Script::request(int id, std::string_view method, std::string_view params) {
  return body(R"({"jsonrpc":"2.0","id":)" + std::to_string(id) + R"(,"method":)" +
              jsonQuote(method) + R"(,"params":)" + std::string(params) + "}");
}

Script& Script::notify(std::string_view method, std::string_view params) {
  return body(R"({"jsonrpc":"2.0","method":)" + jsonQuote(method) + R"(,"params":)" +
              std::string(params) + "}");
}

Script& Script::raw(std::string_view bytes) {
  bytes_ += bytes;
  return *this;
}

Script& Script::initialize(int id, std::string_view rootUri) {
  std::string root = rootUri.empty() ? "null" : jsonQuote(rootUri);
  request(
      id, "initialize",
      R"({"processId":null,"rootUri":)" + root +
          R"(,"capabilities":{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}},)"
          R"("textDocument":{"publishDiagnostics":{"relatedInformation":true}}}})");
  return notify("initialized", "{}");
}

Script& Script::open(std::string_view uri, std::string_view text, int version,
                     std::string_view languageId) {
  return notify("textDocument/didOpen", R"({"textDocument":{"uri":)" + jsonQuote(uri) +
                                            R"(,"languageId":)" + jsonQuote(languageId) +
                                            R"(,"version":)" + std::to_string(version) +
                                            R"(,"text":)" + jsonQuote(text) + "}}");
}

Script& Script::changeFull(std::string_view uri, int version, std::string_view text) {
  return notify("textDocument/didChange", R"({"textDocument":{"uri":)" + jsonQuote(uri) +
                                              R"(,"version":)" + std::to_string(version) +
                                              R"(},"contentChanges":[{"text":)" + jsonQuote(text) +
                                              "}]}");
}

Script& Script::changeRange(std::string_view uri, int version, int l1, int c1, int l2, int c2,
                            std::string_view text) {
  std::string range = R"({"start":{"line":)" + std::to_string(l1) + R"(,"character":)" +
                      std::to_string(c1) + R"(},"end":{"line":)" + std::to_string(l2) +
                      R"(,"character":)" + std::to_string(c2) + "}}";
  return notify("textDocument/didChange", R"({"textDocument":{"uri":)" + jsonQuote(uri) +
                                              R"(,"version":)" + std::to_string(version) +
                                              R"(},"contentChanges":[{"range":)" + range +
                                              R"(,"text":)" + jsonQuote(text) + "}]}");
}

Script& Script::shutdownAndExit(int id) {
  request(id, "shutdown", "null");
  return notify("exit", "null");
}

const rapidjson::Value* Session::response(int id) const {
  for (const auto& message : messages) {
    auto it = message->FindMember("id");
    if (it != message->MemberEnd() && it->value.IsInt() && it->value.GetInt() == id &&
        !message->HasMember("method")) {
      return message.get();
    }
  }
  return nullptr;
}

std::vector<const rapidjson::Value*> Session::notifications(std::string_view method) const {
  std::vector<const rapidjson::Value*> out;
  for (const auto& message : messages) {
    auto it = message->FindMember("method");
    if (it != message->MemberEnd() && it->value.IsString() && method == it->value.GetString() &&
        !message->HasMember("id")) {
      out.push_back(&(*message)["params"]);
    }
  }
  return out;
}

const rapidjson::Value* Session::lastDiagnostics(std::string_view uri) const {
  const rapidjson::Value* last = nullptr;
  for (const rapidjson::Value* params : notifications("textDocument/publishDiagnostics")) {
    if (uri == (*params)["uri"].GetString()) last = params;
  }
  return last;
}

std::vector<std::shared_ptr<rapidjson::Document>> parseFrames(const std::string& bytes) {
  lsp::FrameReader reader;
  reader.feed(bytes);
  std::vector<std::shared_ptr<rapidjson::Document>> out;
  while (auto frame = reader.next()) {
    REQUIRE(frame->kind == lsp::Frame::Kind::kMessage);
    auto doc = std::make_shared<rapidjson::Document>();
    doc->Parse(frame->body.c_str());
    REQUIRE_FALSE(doc->HasParseError());
    out.push_back(doc);
  }
  REQUIRE(reader.buffered() == 0);
  return out;
}

Session runInProcess(const Script& script, bool pause, const lsp::ServeOptions& options) {
  std::istringstream in(script.bytes());
  std::ostringstream out;
  std::ostringstream log;
  lsp::StreamTransport transport(in, pause);
  Session session;
  session.exitCode = lsp::serve(transport, out, log, options);
  session.messages = parseFrames(out.str());
  session.log = log.str();
  return session;
}

Session runBinary(const Script& script, const std::vector<std::string>& extraArgs) {
  int toChild[2], fromChild[2], errChild[2];
  REQUIRE(::pipe(toChild) == 0);
  REQUIRE(::pipe(fromChild) == 0);
  REQUIRE(::pipe(errChild) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(toChild[0], 0);
    ::dup2(fromChild[1], 1);
    ::dup2(errChild[1], 2);
    for (int fd : {toChild[0], toChild[1], fromChild[0], fromChild[1], errChild[0], errChild[1]})
      ::close(fd);
    std::vector<std::string> args = {SAMSHIFT_BINARY, "lsp", "--stdio"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(toChild[0]);
  ::close(fromChild[1]);
  ::close(errChild[1]);
  // Write and read at once so that neither side blocks on a full pipe.
  const std::string& input = script.bytes();
  size_t written = 0;
  std::string out, err;
  ::fcntl(toChild[1], F_SETFL, O_NONBLOCK);
  bool inputOpen = true, outOpen = true, errOpen = true;
  if (input.empty()) {
    ::close(toChild[1]);
    inputOpen = false;
  }
  char buffer[1 << 16];
  while (outOpen || errOpen) {
    pollfd fds[3];
    int n = 0;
    int outIndex = -1, errIndex = -1, inIndex = -1;
    if (outOpen) fds[outIndex = n++] = pollfd{fromChild[0], POLLIN, 0};
    if (errOpen) fds[errIndex = n++] = pollfd{errChild[0], POLLIN, 0};
    if (inputOpen) fds[inIndex = n++] = pollfd{toChild[1], POLLOUT, 0};
    int ready = ::poll(fds, n, 30000);
    REQUIRE(ready > 0);  // the server answers within 30 s or the test fails
    if (inIndex >= 0 && fds[inIndex].revents) {
      ssize_t w = ::write(toChild[1], input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 && errno != EAGAIN) written = input.size();
      if (written == input.size()) {
        ::close(toChild[1]);
        inputOpen = false;
      }
    }
    for (auto [index, fd, sink, open] : {std::tuple{outIndex, fromChild[0], &out, &outOpen},
                                         std::tuple{errIndex, errChild[0], &err, &errOpen}}) {
      if (index < 0 || !fds[index].revents) continue;
      ssize_t r = ::read(fd, buffer, sizeof buffer);
      if (r > 0) {
        sink->append(buffer, static_cast<size_t>(r));
      } else {
        *open = false;
      }
    }
  }
  if (inputOpen) ::close(toChild[1]);
  ::close(fromChild[0]);
  ::close(errChild[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  Session session;
  session.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  session.messages = parseFrames(out);
  session.log = err;
  return session;
}

}  // namespace samshift::testing
