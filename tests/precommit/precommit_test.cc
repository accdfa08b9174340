// The pre-commit hook as users run it: the real `pre-commit try-repo` against a copy of this
// repository's .pre-commit-hooks.yaml, on a sample project in a temporary directory. Nothing is
// ever committed in the checkout itself.

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::readFile;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

bool havePreCommit() {
  return std::system("command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1") ==
         0;
}

struct Run {
  int exitCode = -1;
  std::string output;
};

Run shell(const fs::path& dir, const std::string& command) {
  fs::path out = dir / ".." / "command.out";
  std::string line = "cd '" + dir.string() + "' && (" + command + ") >'" + out.string() + "' 2>&1";
  int status = std::system(line.c_str());
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, readFile(out)};
}

// Git without the user's configuration, identity or hooks.
const std::string kGit =
    "git -c user.name=samshift-test -c user.email=test@samshift.invalid -c init.defaultBranch=main "
    "-c commit.gpgsign=false -c core.hooksPath=/dev/null";

}  // namespace

TEST_CASE("pre-commit: the samshift-system hook fails a bad template and passes a good one",
          "[precommit]") {
  if (!havePreCommit()) {
    WARN(
        "pre-commit or git is not installed: the hook test is skipped. Install the Debian package "
        "`pre-commit`.");
    return;
  }
  TempDir dir;
  fs::path hooks = dir.path() / "hooks";
  fs::path project = dir.path() / "project";
  fs::create_directories(hooks);
  fs::create_directories(project / ".github" / "workflows");
  writeFile(hooks / ".pre-commit-hooks.yaml", readFile(".pre-commit-hooks.yaml"));
  Run init = shell(hooks, kGit + " init -q . && " + kGit + " add .pre-commit-hooks.yaml && " +
                              kGit + " commit -q -m hooks");
  INFO(init.output);
  REQUIRE(init.exitCode == 0);

  writeFile(project / "template.yaml",
            "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: MissingTable\n");
  // Matched by the hook's pattern but not a template: `--templates-only` skips it.
  writeFile(project / ".github" / "workflows" / "ci.yml", "on: push\njobs: {}\n");
  REQUIRE(shell(project, kGit + " init -q . && " + kGit + " add -A").exitCode == 0);

  // `language: system` (id samshift-system): the hook runs the samshift found on PATH, here the
  // one just built.
  std::string env = "PRE_COMMIT_HOME='" + (dir.path() / "cache").string() + "' PATH='" +
                    fs::path(SAMSHIFT_BINARY).parent_path().string() + ":'\"$PATH\" ";
  std::string tryRepo = env + "pre-commit try-repo '" + hooks.string() +
                        "' samshift-system --all-files --color never";

  Run bad = shell(project, tryRepo);
  INFO(bad.output);
  CHECK(bad.exitCode == 1);
  CHECK(bad.output.find(
            "samshift.................................................................Failed") !=
        std::string::npos);
  CHECK(
      bad.output.find(
          "template.yaml:4:16: error T005 [unresolved-reference] `DependsOn` names `MissingTable`, "
          "which is not a resource of this template") != std::string::npos);
  CHECK(bad.output.find("ci.yml") == std::string::npos);

  writeFile(project / "template.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
  REQUIRE(shell(project, kGit + " add -A").exitCode == 0);
  Run good = shell(project, tryRepo);
  INFO(good.output);
  CHECK(good.exitCode == 0);
  CHECK(good.output.find(
            "samshift.................................................................Passed") !=
        std::string::npos);
}

TEST_CASE("pre-commit: the samshift hook installs itself, with no samshift on PATH",
          "[precommit]") {
  if (!havePreCommit()) {
    WARN("pre-commit or git is not installed: the self-installing hook test is skipped.");
    return;
  }
  TempDir dir;
  fs::path hooks = dir.path() / "hooks";
  fs::path project = dir.path() / "project";
  fs::path release = dir.path() / "release";
  fs::create_directories(hooks / "scripts");
  fs::create_directories(project);
  std::string name = "samshift-" SAMSHIFT_VERSION "-linux-x86_64";
  fs::create_directories(release / name / "bin");
  // A release directory as scripts/release.sh lays it out, holding the binary just built.
  fs::copy_file(SAMSHIFT_BINARY, release / name / "bin" / "samshift");
  REQUIRE(shell(release, "tar -czf '" + name + ".tar.gz' '" + name + "'").exitCode == 0);
  for (const char* file : {".pre-commit-hooks.yaml", "meson.build", "scripts/pre-commit-samshift",
                           "scripts/install-release.sh"})
    fs::copy_file(file, hooks / file);
  Run init =
      shell(hooks, kGit + " init -q . && " + kGit + " add -A && " + kGit + " commit -q -m hooks");
  INFO(init.output);
  REQUIRE(init.exitCode == 0);
  writeFile(project / "template.yaml",
            "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: MissingTable\n");
  REQUIRE(shell(project, kGit + " init -q . && " + kGit + " add -A").exitCode == 0);

  // The README's snippet, as try-repo runs it: the default id, PATH without samshift.
  std::string env = "PRE_COMMIT_HOME='" + (dir.path() / "cache").string() +
                    "' SAMSHIFT_RELEASE_URL='file://" + release.string() + "' PATH=/usr/bin:/bin ";
  REQUIRE(shell(project, env + "command -v samshift").exitCode != 0);
  std::string tryRepo = env + "pre-commit try-repo '" + hooks.string() + "' samshift --all-files";
  Run bad = shell(project, tryRepo);
  INFO(bad.output);
  CHECK(bad.exitCode == 1);
  CHECK(bad.output.find("template.yaml:4:16: error T005 [unresolved-reference]") !=
        std::string::npos);
  // And the fixed template passes.
  writeFile(project / "template.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
  REQUIRE(shell(project, kGit + " add -A").exitCode == 0);
  Run good = shell(project, tryRepo);
  INFO(good.output);
  CHECK(good.exitCode == 0);
}
