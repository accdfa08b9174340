#pragma once
// The git commit samshift was built from, for `--version`: written at build time by meson's
// vcs_tag (src/cli/build_commit.cc.in), so a rebuild after a new commit updates it.

#include <string>
#include <string_view>

namespace samshift::cli {

// `git describe --always --dirty` of the source tree ("1a2b3c4d5e6f" or "1a2b3c4d5e6f-dirty"),
// or "" when the tree had no git metadata (a release tarball) or git was missing.
std::string_view buildCommit();

// What `--version` prints after the name: "0.1.0 (commit 1a2b3c4d5e6f)", with ", modified" for
// a tree with uncommitted changes, or a plain statement that the commit is not known.
std::string versionLine(std::string_view version, std::string_view commit);

}  // namespace samshift::cli
