#pragma once
// Running a real editor headless against the built `samshift lsp` (Neovim, Emacs): the editor's
// script records what it saw as JSON; these helpers run it and check the navigation features
// both editors see alike.

#include <rapidjson/document.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace samshift::testing {

struct EditorRun {
  int status = -1;
  std::string output;  // the editor's stdout and stderr
  std::string json;    // what its script recorded
  rapidjson::Document seen;
};

// Runs `command` (the editor and its arguments) in `dir` with `environment` (NAME=value pairs,
// to which SAMSHIFT_BINARY and SAMSHIFT_RESULT are added), at most 120 seconds.
EditorRun runEditor(const TempDir& dir,
                    std::vector<std::pair<std::string, std::string>> environment,
                    const std::string& command);

// Copies tests/lsp/navigation.yaml and lenses.yaml into `dir`: the environment the navigation
// scripts read (SAMSHIFT_TEMPLATE, SAMSHIFT_LENSES).
std::vector<std::pair<std::string, std::string>> navigationFiles(const TempDir& dir);

// What both editors see of tests/lsp/navigation.yaml and lenses.yaml: the hover, where the
// definition put the cursor, the references, `!GetAtt Table.` completion, the buffer after a
// rename of Table to Store (not the file), and the code lenses.
void checkNavigationSession(const rapidjson::Value& seen, const TempDir& dir);

}  // namespace samshift::testing
