#pragma once
// `.samshift.yaml`: which rules run, how severe they are, when lint fails, which files it skips
// and the per-rule options. Found from a template's directory upwards to the repository root,
// or named with --config.
//
//   select: [D, V001]            # codes, prefixes or slugs; default: every rule; []: none
//   ignore: "D011, D012"         # a list, or one comma-separated string; [] or "": none
//   severity: {D006: error}      # error, warning or info
//   fail-level: warning
//   exclude: ["build/**", "*.generated.yaml"]
//   report-unused-suppressions: true
//   region: eu-west-1            # the AWS::Region SAM resolves for (default us-east-1)
//   options: {D006: {threshold: 3}}
//
// Every value is checked against the registered rules when the file is loaded, so a typo is an
// error at its line and column, never a silently ignored setting.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/glob.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "engine/rule_selection.h"

namespace samshift::config {

inline constexpr const char* kConfigFileName = ".samshift.yaml";

struct Config {
  std::string path;       // the file it came from; empty for the built-in defaults
  std::string directory;  // absolute; `exclude` patterns are relative to it
  engine::RuleSelection selection;
  std::optional<core::Severity> failLevel;
  bool reportUnusedSuppressions = false;
  std::vector<std::shared_ptr<const Glob>> exclude;

  // True when `file` (absolute, or relative to the working directory) matches an `exclude`.
  bool excludes(const std::string& file) const;
};

// Parses configuration text; `path` names it in errors ("path:line:col: message") and gives the
// directory that `exclude` patterns are relative to.
core::Result<Config> parseConfig(const std::string& path, const std::string& text);
core::Result<Config> loadConfig(const std::string& path);

// The nearest `.samshift.yaml` in `directory` or one of its parents, up to the repository root
// (the directory holding `.git`) and never above it; nullopt when none.
std::optional<std::string> findConfig(const std::string& directory);

}  // namespace samshift::config
