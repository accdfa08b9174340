#include "lsp/serve.h"

#include "lsp/framing.h"
#include "lsp/server.h"

namespace samshift::lsp {

int serve(Transport& in, std::ostream& out, std::ostream& log, const ServeOptions& options) {
  Server server(
      [&out](const std::string& json) {
        out << frameMessage(json);
        out.flush();
      },
      log, options.limits);
  while (!server.exited()) {
    Incoming incoming = in.next(server.hasPending() ? options.debounceMs : -1);
    switch (incoming.kind) {
      case Incoming::Kind::kMessage:
        server.handleMessage(incoming.body);
        break;
      case Incoming::Kind::kFramingError:
        server.handleFramingError(incoming.body);
        break;
      case Incoming::Kind::kIdle:
        server.publishPending();
        break;
      case Incoming::Kind::kEnd:
        if (!incoming.body.empty()) log << "samshift lsp: " << incoming.body << '\n';
        log << "samshift lsp: the client closed the connection without `exit`\n";
        return server.exitCode();
    }
  }
  return server.exitCode();
}

}  // namespace samshift::lsp
