// What `samshift lint DIRECTORY` searches: generated and vendored trees (node_modules, cdk.out)
// and what the repository's .gitignore files ignore are skipped, unless --include-ignored.

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

#include "config/ignore_rules.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::config::IgnoreRules;
using samshift::testing::kDuplicateKeyTemplate;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

// The files lint reported, relative to `root`.
std::set<std::string> lintedFiles(const fs::path& root, const std::string& arguments) {
  auto result = runSamshift("lint --color never " + arguments);
  std::set<std::string> files;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    size_t at = line.find(":4:5: error T002");
    if (at != std::string::npos)
      files.insert(fs::path(line.substr(0, at)).lexically_relative(root).generic_string());
  }
  return files;
}

}  // namespace

TEST_CASE("gitignore patterns: negation, directories only, anchoring, last match wins",
          "[cli][discovery]") {
  IgnoreRules rules = IgnoreRules::parse(
      "# comment\n\n*.out.yaml\n!keep.out.yaml\nbuild/\n/top.yaml\nsub/deep.yaml  \n");
  CHECK(rules.decide("a.out.yaml", false) == true);
  CHECK(rules.decide("x/a.out.yaml", false) == true);
  CHECK(rules.decide("keep.out.yaml", false) == false);
  CHECK(rules.decide("build", true) == true);
  CHECK_FALSE(rules.decide("build", false).has_value());  // a file named build is kept
  CHECK(rules.decide("top.yaml", false) == true);
  CHECK_FALSE(rules.decide("x/top.yaml", false).has_value());
  CHECK(rules.decide("sub/deep.yaml", false) == true);  // trailing blanks are not the pattern's
  CHECK_FALSE(rules.decide("x/sub/deep.yaml", false).has_value());
  CHECK_FALSE(rules.decide("t.yaml", false).has_value());
  CHECK(IgnoreRules::parse("# only a comment\n\n").empty());
}

TEST_CASE("a directory search skips node_modules, cdk.out and what .gitignore ignores",
          "[cli][discovery]") {
  TempDir dir;
  fs::path root = dir.path() / "repo";
  fs::create_directories(root /
                         ".git");  // the repository root: .gitignore files above it never apply
  writeFile(dir.path() / ".gitignore", "*\n");
  writeFile(root / ".gitignore", "generated/\n*.out.yaml\n!keep.out.yaml\n/top-only.yaml\n");
  writeFile(root / "stacks" / ".gitignore", "local.yaml\n");
  for (const char* file :
       {"stacks/t.yaml", "stacks/x.out.yaml", "stacks/keep.out.yaml", "stacks/top-only.yaml",
        "stacks/local.yaml", "top-only.yaml", "generated/g.yaml", "node_modules/pkg/template.yaml",
        "cdk.out/stack.yaml", "app/cdk.out/nested.yaml"}) {
    writeFile(root / file, kDuplicateKeyTemplate);
  }
  const std::set<std::string> kept{"stacks/keep.out.yaml", "stacks/t.yaml", "stacks/top-only.yaml"};
  CHECK(lintedFiles(root, root.string()) == kept);
  // The parents' .gitignore files apply to a subdirectory searched on its own, too.
  CHECK(lintedFiles(root, (root / "stacks").string()) == kept);
  // A file named on the command line is linted as given.
  CHECK(lintedFiles(root, (root / "stacks" / "x.out.yaml").string()) ==
        std::set<std::string>{"stacks/x.out.yaml"});

  std::set<std::string> everything = lintedFiles(root, "--include-ignored " + root.string());
  CHECK(everything.size() == 10);
  CHECK(everything.count("node_modules/pkg/template.yaml") == 1);
  CHECK(everything.count("generated/g.yaml") == 1);
}
