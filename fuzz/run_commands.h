#pragma once
// Everything a user runs on one template, in one call: lint with every rule and every report
// format, expand (JSON and YAML output), plan (text, JSON, SVG), and the language server's view of
// the buffer (diagnostics, hover, completion, code actions). The template fuzzer runs it on each
// input; tests/fuzz_regressions_test.cc replays fuzz/regressions/ through it, so that a stored
// input meets exactly the code that once failed on it.

#include <string>
#include <vector>

namespace samshift::fuzz {

struct CommandsOutcome {
  bool parsed = false;                    // the text loaded as YAML or JSON
  std::vector<std::string> ruleFailures;  // X001 findings: a rule threw, which is a bug
};

// `path` names the template in reports and decides JSON by its extension, as for users.
CommandsOutcome runEveryCommand(const std::string& path, const std::string& text);

}  // namespace samshift::fuzz
