// `samshift --version`: the version and the git commit the binary was built from, or a plain
// statement that the commit is unknown (a release tarball has no .git).

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "cli/build_commit.h"
#include "test_support.h"

using samshift::cli::versionLine;
using samshift::testing::runSamshift;

TEST_CASE("versionLine names the commit, a modified tree, or none", "[cli][version]") {
  CHECK(versionLine("0.1.0", "1a2b3c4d5e6f") == "samshift 0.1.0 (commit 1a2b3c4d5e6f)");
  CHECK(versionLine("0.1.0", "1a2b3c4d5e6f-dirty") ==
        "samshift 0.1.0 (commit 1a2b3c4d5e6f, modified)");
  CHECK(versionLine("0.1.0", "") == "samshift 0.1.0 (built without git metadata: commit unknown)");
}

TEST_CASE("--version of a build from a git checkout names its commit", "[cli][version]") {
  auto result = runSamshift("--version");
  CHECK(result.exitCode == 0);
  // The tests run from the source root: the tree the binary was built from.
  if (!std::filesystem::exists(".git")) {
    CHECK(result.out == "samshift " SAMSHIFT_VERSION
                        " (built without git metadata: commit unknown)\n");
    return;
  }
  CHECK(std::regex_match(result.out, std::regex("samshift " SAMSHIFT_VERSION
                                                " \\(commit [0-9a-f]{12}(, modified)?\\)\n")));
}
