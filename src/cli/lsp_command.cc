#include <signal.h>
#include <unistd.h>

#include <charconv>
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "lsp/serve.h"
#include "lsp/transport.h"

namespace samshift::cli {

namespace {

constexpr const char* kLspUsage = R"(usage: samshift lsp [OPTIONS]

Runs the samshift language server (LSP 3.17) over standard input and output. Editors start it;
see docs/editors.md. Diagnostics follow the buffer as it is typed, not the file on disk.
Protocol messages go to standard output, logs to standard error.

options:
      --stdio            talk over standard input and output (the default and only transport)
      --debounce-ms N    lint a changed buffer once the editor has been quiet for N ms
                         (default 0: as soon as no further edit is waiting)
  -h, --help             show this help

exit status: 0 after the client's shutdown and exit, 1 when the client ends the session
otherwise, 3 usage error
)";

}  // namespace

int runLsp(std::vector<std::string> argv) {
  lsp::ServeOptions options;
  Arguments args(std::move(argv));
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      std::cout << kLspUsage;
      return kExitClean;
    }
    if (args.flag({"--stdio"})) continue;
    if (auto value = args.option({"--debounce-ms"})) {
      if (!*value) {
        std::cerr << "samshift lsp: " << value->error().message << '\n';
        return kExitUsage;
      }
      const std::string& text = value->value();
      int parsed = 0;
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      if (ec != std::errc() || ptr != text.data() + text.size() || parsed < 0 || parsed > 10000) {
        std::cerr
            << "samshift lsp: --debounce-ms takes a number of milliseconds from 0 to 10000, not '"
            << text << "'\n";
        return kExitUsage;
      }
      options.debounceMs = parsed;
      continue;
    }
    std::cerr << "samshift lsp: unexpected argument '" << args.current() << "'\n" << kLspUsage;
    return kExitUsage;
  }
  // A client that goes away mid-write must end the session through end of input, not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  lsp::FdTransport transport(STDIN_FILENO);
  return lsp::serve(transport, std::cout, std::cerr, options);
}

}  // namespace samshift::cli
