#include <string>
#include <string_view>

#include "cli/build_commit.h"

namespace samshift::cli {

std::string versionLine(std::string_view version, std::string_view commit) {
  std::string line = "samshift " + std::string(version);
  if (commit.empty()) return line + " (built without git metadata: commit unknown)";
  constexpr std::string_view kDirty = "-dirty";
  bool modified = commit.size() > kDirty.size() && commit.ends_with(kDirty);
  if (modified) commit.remove_suffix(kDirty.size());
  return line + " (commit " + std::string(commit) + (modified ? ", modified)" : ")");
}

}  // namespace samshift::cli
