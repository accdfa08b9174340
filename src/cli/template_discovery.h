#pragma once
// Turns the paths on the command line into the list of files to lint: files as given, `-` for
// standard input (once, however often it is named), and directories searched (sorted, recursively)
// for *.yaml *.yml *.json
// *.template files.

#include <string>
#include <vector>

#include "core/result.h"

namespace samshift::cli {

struct Input {
  std::string path;            // "-" for standard input
  bool fromDirectory = false;  // found by searching: lint it only if it looks like a template
                               // (also set for every file by --templates-only)
};

core::Result<std::vector<Input>> discoverInputs(const std::vector<std::string>& paths);

}  // namespace samshift::cli
