#pragma once
// The session loop: reads frames from a transport, feeds them to a Server, writes its messages,
// and lints changed documents once the client has been quiet for `debounceMs`.

#include <ostream>

#include "lsp/limits.h"
#include "lsp/transport.h"

namespace samshift::lsp {

struct ServeOptions {
  // How long the client must be quiet before changed documents are linted. 0 lints as soon as
  // no further message is already waiting, which still coalesces a burst of queued edits.
  int debounceMs = 0;
  ServerLimits limits;
};

// Returns the process exit code the spec asks for: 0 after shutdown + exit, else 1.
int serve(Transport& in, std::ostream& out, std::ostream& log, const ServeOptions& options = {});

}  // namespace samshift::lsp
