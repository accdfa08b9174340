// libFuzzer target: any bytes as a client's stream to the language server.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lsp/framing.h"
#include "lsp/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::ostringstream log;
  samshift::lsp::Server server([](const std::string&) {}, log);
  samshift::lsp::FrameReader reader;
  reader.feed(std::string_view(reinterpret_cast<const char*>(data), size));
  while (auto frame = reader.next()) {
    if (frame->kind == samshift::lsp::Frame::Kind::kMessage) {
      server.handleMessage(frame->body);
    } else {
      server.handleFramingError(frame->body);
    }
    if (server.hasPending()) server.publishPending();
    if (server.exited()) break;
  }
  return 0;
}
