#pragma once
// Turns the paths on the command line into the list of files to lint: files as given, `-` for
// standard input (once, however often it is named), and directories searched (sorted, recursively)
// for *.yaml *.yml *.json
// *.template files. Hidden directories (.git, .aws-sam) are skipped, and so, unless asked not to,
// are `node_modules`, `cdk.out` and what the `.gitignore` files of the repository ignore (those
// in the searched directories and in their parents up to the repository root). A symlink found
// while searching is followed only when its target lies inside the directory being searched, so a
// link can neither pull in files from elsewhere nor loop; a directory that cannot be searched is
// a problem to report, and the search goes on with the rest.

#include <string>
#include <vector>

namespace samshift::cli {

struct Input {
  std::string path;            // "-" for standard input
  bool fromDirectory = false;  // found by searching: lint it only if it looks like a template
                               // (also set for every file by --templates-only)
  int searchedDirectory = -1;  // found there: an index into Discovery::directories
};

struct SearchedDirectory {
  std::string path;      // as named on the command line
  bool complete = true;  // false: some of it could not be searched (a problem reported)
};

struct Discovery {
  std::vector<Input> inputs;
  std::vector<std::string> problems;  // "cannot search DIR: why", one per directory
  std::vector<SearchedDirectory> directories;
};

struct DiscoveryOptions {
  bool skipIgnored = true;  // false: search node_modules, cdk.out and git-ignored paths too
};

Discovery discoverInputs(const std::vector<std::string>& paths, const DiscoveryOptions& options);

}  // namespace samshift::cli
