#pragma once
// What identifies and documents a rule: the single source for `samshift rule`, the man page, the
// reports that list rules (SARIF) and LSP hovers. It lives in core so that reports can describe
// rules without depending on the engine that runs them.

#include <string_view>

#include "core/diagnostic.h"

namespace samshift::core {

struct RuleInfo {
  std::string_view code;     // permanent: family letter + three digits, "D002"
  std::string_view slug;     // permanent kebab-case name, "unknown-deployment-type"
  Severity severity;         // the default; configuration may change it
  std::string_view summary;  // one line
  // Markdown with the fixed headings: "## What it does", "## Why is this bad?", "## Example",
  // "## Use instead".
  std::string_view doc;
  bool needsTree = true;  // false: also runs when the file could not be parsed
  // true: not part of "all rules"; runs only when a selection names it (`--select X002`) or an
  // option turns it on (`--report-unused-suppressions`).
  bool optIn = false;
};

}  // namespace samshift::core
