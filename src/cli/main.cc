#include <malloc.h>

#include <cstring>
#include <iostream>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/build_commit.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/version.h"

namespace {

constexpr const char* kUsage = R"(usage: samshift COMMAND [OPTIONS] [ARGS]

A linter and transformer for AWS SAM and CloudFormation templates, centred on how Lambda
code reaches production: versions, aliases and CodeDeploy traffic shifting.

commands:
  lint PATH...       check templates (files, directories, - for stdin)
  rules              list every rule
  rule CODE          show a rule's documentation
  plan TEMPLATE      show how each deployment shifts traffic, minute by minute
  expand TEMPLATE    expand a SAM template into plain CloudFormation
  lsp                run the language server over stdio (see docs/editors.md)

options:
  -h, --help         show this help (also: samshift COMMAND --help, samshift help COMMAND)
  -V, --version      show the version and the git commit it was built from

exit status: 0 clean, 1 findings, 2 an input could not be processed, 3 usage error
)";

struct Command {
  const char* name;
  int (*run)(std::vector<std::string>);
};

// A one-shot command builds and frees a tree per template. By default glibc hands freed memory
// back to the kernel and grows each thread's heap a page range at a time, so the next template
// faults the same pages in again and every grow or shrink (an mprotect) stalls the other
// worker: lint -j2 made 387 such calls on the corpus. Keeping freed memory and growing in 16 MiB
// steps brings that to 14; untouched reserve costs no resident memory. The language server,
// which lives for hours, keeps glibc's defaults.
void tuneAllocatorForOneShotRun() {
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

// Runs a command so that no exception reaches std::terminate. Running out of memory is an
// input the machine cannot process (exit 2, as an input over a limit); anything else thrown is
// a bug in samshift, reported as one, also with exit 2. The messages are fixed strings: printing
// them allocates nothing, so they get out even when memory has run short.
int runGuarded(const Command& command, std::vector<std::string> args) {
  try {
    return command.run(std::move(args));
  } catch (const std::bad_alloc&) {
    std::cerr << "samshift " << command.name
              << ": out of memory: the input needs more memory than this process may use\n";
  } catch (const std::length_error&) {
    std::cerr << "samshift " << command.name
              << ": out of memory: the input asks for a size beyond any allocation\n";
  } catch (const std::exception& error) {
    std::cerr << "samshift " << command.name << ": internal error: " << error.what() << '\n';
  } catch (...) {
    std::cerr << "samshift " << command.name << ": internal error: an unknown exception\n";
  }
  return samshift::cli::kExitInputError;
}

constexpr Command kCommands[] = {
    {"lint", samshift::cli::runLint}, {"rules", samshift::cli::runRules},
    {"rule", samshift::cli::runRule}, {"plan", samshift::cli::runPlan},
    {"lsp", samshift::cli::runLsp},   {"expand", samshift::cli::runExpand},
};

const Command* findCommand(std::string_view name) {
  for (const Command& command : kCommands) {
    if (name == command.name) return &command;
  }
  return nullptr;
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return samshift::cli::kExitUsage;
  }
  std::string name = argv[1];
  if (name == "help" && argc > 2) {
    // `samshift help lint` is `samshift lint --help`, as in git and cargo.
    name = argv[2];
    if (!findCommand(name)) {
      std::cerr << "samshift help: unknown command '" << name << "'\n" << kUsage;
      return samshift::cli::kExitUsage;
    }
    return samshift::cli::finishStandardOutput(findCommand(name)->run({"--help"}));
  }
  if (name == "-h" || name == "--help" || name == "help") {
    std::cout << kUsage;
    return samshift::cli::finishStandardOutput(samshift::cli::kExitClean);
  }
  if (name == "-V" || name == "--version") {
    std::cout << samshift::cli::versionLine(samshift::core::kVersion, samshift::cli::buildCommit())
              << '\n';
    return samshift::cli::finishStandardOutput(samshift::cli::kExitClean);
  }
  const Command* command = findCommand(name);
  if (!command) {
    std::cerr << "samshift: unknown command '" << name << "'\n" << kUsage;
    return samshift::cli::kExitUsage;
  }
  if (name != "lsp") tuneAllocatorForOneShotRun();
  int status = runGuarded(*command, std::vector<std::string>(argv + 2, argv + argc));
  // The language server's standard output is its protocol stream: a client that goes away
  // ends the session with the server's own status. Elsewhere only help text is left there.
  return name == "lsp" ? status : samshift::cli::finishStandardOutput(status);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  samshift::cli::ignoreSignalsThatHideWriteErrors();
  return run(argc, argv);
}
