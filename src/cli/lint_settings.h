#pragma once
// What `samshift lint` runs each file with: the command-line options, overlaid on the
// configuration that applies to the file (--config, else the nearest .samshift.yaml).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/template_discovery.h"
#include "config/config.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "engine/rule.h"
#include "engine/rule_selection.h"

namespace samshift::cli {

struct LintOptions {
  std::string format = "text";
  std::string color = "auto";
  std::string output;      // empty: standard output
  std::string configPath;  // --config; empty: search
  // What the command line sets wins over configuration; unset ones come from it.
  std::optional<core::Severity> failLevel;
  std::optional<std::vector<std::string>> select;
  std::optional<std::vector<std::string>> ignore;
  bool reportUnusedSuppressions = false;
  bool templatesOnly = false;   // skip named files that are not templates, as in directories
  bool includeIgnored = false;  // search node_modules, cdk.out and git-ignored paths too
  unsigned jobs = 0;
  std::optional<std::string> region;  // --region: the AWS::Region SAM resolves the template for
  bool strictUris = false;            // --strict-uris: deployed as written, without `sam package`
  std::vector<std::string> paths;
};

// The settings one file is linted with: its configuration overlaid with the command line.
struct FileSettings {
  engine::RuleSelection selection;
  core::Severity failLevel = core::Severity::kError;
  std::shared_ptr<const config::Config> config;  // null: no configuration file
};

// Settings for each input: --config for all, else the nearest .samshift.yaml of each file (each
// configuration read once). Files a configuration excludes are dropped from `inputs`. A bad
// configuration is a kConfig error naming file:line:col.
core::Result<std::vector<std::shared_ptr<const FileSettings>>> resolveSettings(
    const LintOptions& options, std::vector<Input>& inputs);

// Every rule some file ran, by code: what a SARIF run's tool.driver lists.
std::vector<const engine::RuleInfo*> rulesThatRan(
    const std::vector<std::shared_ptr<const FileSettings>>& settings);

// The working directory, for paths that CI formats give relative to it (empty if unknown).
std::string currentDirectory();

}  // namespace samshift::cli
