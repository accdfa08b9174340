// .samshift.yaml: every key read into the selection, errors with their file:line:col, the
// upward search, `exclude` patterns, and the command line overriding the file.

#include <catch2/catch.hpp>

#include <filesystem>

#include "config/config.h"
#include "config/glob.h"
#include "core/atomic_file.h"
#include "engine/registry.h"
#include "engine/runner.h"
#include "load/loader.h"
#include "test_support.h"

using namespace samshift;
namespace fs = std::filesystem;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

std::string errorOf(const std::string& text) {
  auto config = config::parseConfig("/proj/.samshift.yaml", text);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().kind == core::ErrorKind::kConfig);
  return config.error().message;
}

const engine::RuleInfo& infoOf(std::string_view code) {
  const engine::Rule* rule = engine::Registry::instance().find(code);
  REQUIRE(rule != nullptr);
  return rule->info();
}

}  // namespace

TEST_CASE("a full configuration is read into the selection", "[config]") {
  auto config =
      config::parseConfig("/proj/sub/.samshift.yaml",
                          "select: [R, P00, S001]\n"
                          "ignore: unqualified-event-target\n"
                          "severity:\n"
                          "  P003: warning\n"
                          "  unqualified-api-integration: error\n"
                          "fail-level: warning\n"
                          "exclude: ['build/**', '*.generated.yaml']\n"
                          "report-unused-suppressions: true\n"
                          "region: eu-west-1\n"
                          "strict-uris: true\n"
                          "options:\n"
                          "  P003: {min-executions: 100}\n"
                          "  unqualified-event-target: {ignore-functions: [Migrator, Loader]}\n");
  REQUIRE(config.ok());
  const engine::RuleSelection& selection = config->selection;
  CHECK(selection.select == std::vector<std::string>{"R", "P00", "S001"});
  CHECK(selection.ignore == std::vector<std::string>{"unqualified-event-target"});
  CHECK(selection.severity.at("P003") == core::Severity::kWarning);
  CHECK(selection.severity.at("R001") == core::Severity::kError);
  CHECK(selection.enable == std::vector<std::string>{"X002"});
  CHECK(selection.region == "eu-west-1");
  CHECK(selection.strictUris);
  REQUIRE(config->failLevel.has_value());
  CHECK(*config->failLevel == core::Severity::kWarning);
  CHECK(config->directory == "/proj/sub");
  CHECK(selection.options.integer("P003", "min-executions", 1) == 100);
  CHECK(selection.options.strings("R004", "ignore-functions", {}) ==
        std::vector<std::string>{"Migrator", "Loader"});
  CHECK(selection.options.integer("P003", "other", 7) == 7);

  CHECK(selection.enabled(infoOf("R001")));
  CHECK_FALSE(selection.enabled(infoOf("R004")));  // ignored by slug
  CHECK(selection.enabled(infoOf("P003")));
  CHECK_FALSE(selection.enabled(infoOf("S002")));
  CHECK(selection.enabled(infoOf("X002")));  // opt-in, turned on by report-unused-suppressions
  CHECK(selection.severityOf(infoOf("P003")) == core::Severity::kWarning);

  CHECK(config->excludes("/proj/sub/build/out/template.yaml"));
  CHECK(config->excludes("/proj/sub/deep/x.generated.yaml"));
  CHECK_FALSE(config->excludes("/proj/sub/template.yaml"));
  CHECK_FALSE(
      config->excludes("/proj/build/template.yaml"));  // outside the configuration's directory
}

TEST_CASE("an empty configuration keeps the defaults and leaves opt-in rules off", "[config]") {
  auto config = config::parseConfig("/proj/.samshift.yaml", "");
  REQUIRE(config.ok());
  CHECK(config->selection.select.empty());
  CHECK_FALSE(config->failLevel.has_value());
  CHECK(config->selection.enabled(infoOf("R001")));
  CHECK_FALSE(config->selection.enabled(infoOf("X002")));
}

TEST_CASE("configuration errors name the file, line and column", "[config]") {
  CHECK(errorOf("selects: [R]\n") ==
        "/proj/.samshift.yaml:1:1: unknown key `selects` (expected one of: select, ignore, "
        "severity, fail-level, "
        "exclude, report-unused-suppressions, region, strict-uris, options)");
  CHECK(errorOf("region: [eu-west-1]\n") ==
        "/proj/.samshift.yaml:1:9: `region` must be a region name (us-east-1)");
  CHECK(errorOf("strict-uris: yes please\n") ==
        "/proj/.samshift.yaml:1:14: `strict-uris` must be true or false");
  CHECK(errorOf("select: [R, Z9]\n") ==
        "/proj/.samshift.yaml:1:13: `Z9` in `select` matches no rule (see samshift rules)");
  CHECK(errorOf("ignore: 3\n") == "/proj/.samshift.yaml:1:9: `ignore` must be a list of strings");
  CHECK(errorOf("severity:\n  P003: fatal\n") ==
        "/proj/.samshift.yaml:2:9: `severity.P003` must be error, warning or info");
  CHECK(errorOf("severity:\n  P: error\n") ==
        "/proj/.samshift.yaml:2:3: `P` in `severity` is not a rule code or slug");
  CHECK(errorOf("fail-level: [error]\n") ==
        "/proj/.samshift.yaml:1:13: `fail-level` must be error, warning or info");
  CHECK(errorOf("exclude: ['[abc']\n") ==
        "/proj/.samshift.yaml:1:11: bad `exclude` pattern `[abc`: unclosed `[` in pattern");
  CHECK(errorOf("report-unused-suppressions: sometimes\n") ==
        "/proj/.samshift.yaml:1:29: `report-unused-suppressions` must be true or false");
  CHECK(errorOf("options:\n  P003: {min-execution: 3}\n") ==
        "/proj/.samshift.yaml:2:10: rule P003 has no option `min-execution` (it takes: "
        "min-executions)");
  CHECK(errorOf("options:\n  P003: {min-executions: many}\n") ==
        "/proj/.samshift.yaml:2:26: `options.P003.min-executions` must be an integer");
  CHECK(errorOf("options:\n  R001: {x: 1}\n") ==
        "/proj/.samshift.yaml:2:10: rule R001 has no option `x` (it takes none)");
  CHECK(errorOf("options:\n  R004: {ignore-functions: [1]}\n") ==
        "/proj/.samshift.yaml:2:29: `options.R004.ignore-functions` must be a list of strings");
  CHECK(errorOf("- select\n") ==
        "/proj/.samshift.yaml:1:1: the configuration must be a mapping (keys: select, ignore, "
        "severity, fail-level, "
        "exclude, report-unused-suppressions, region, strict-uris, options)");
  CHECK(errorOf("select: [R\n").rfind("/proj/.samshift.yaml:2:1: ", 0) == 0);
  CHECK(errorOf("select: [R]\nselect: [P]\n").rfind("/proj/.samshift.yaml:2:1: ", 0) == 0);
}

TEST_CASE("exclude patterns", "[config]") {
  std::string why;
  auto anywhere = config::Glob::compile("*.generated.yaml", why);
  REQUIRE(anywhere);
  CHECK(anywhere->matches("a.generated.yaml"));
  CHECK(anywhere->matches("x/y/a.generated.yaml"));
  CHECK_FALSE(anywhere->matches("a.yaml"));
  auto anchored = config::Glob::compile("templates/*/t?.yaml", why);
  REQUIRE(anchored);
  CHECK(anchored->matches("templates/a/t1.yaml"));
  CHECK_FALSE(anchored->matches("templates/a/b/t1.yaml"));
  CHECK_FALSE(anchored->matches("x/templates/a/t1.yaml"));
  auto deep = config::Glob::compile("**/fixtures/[!g]*", why);
  REQUIRE(deep);
  CHECK(deep->matches("fixtures/bad.yaml"));
  CHECK(deep->matches("a/b/fixtures/bad.yaml"));
  CHECK_FALSE(deep->matches("a/fixtures/good.yaml"));
  auto directory = config::Glob::compile("build/", why);
  REQUIRE(directory);
  CHECK(directory->matches("build/x/y.yaml"));
  CHECK(directory->matches("src/build/y.yaml"));
}

TEST_CASE("the nearest .samshift.yaml is found upwards", "[config]") {
  TempDir dir;
  writeFile(dir.path() / ".samshift.yaml", "select: [R]\n");
  writeFile(dir.path() / "a" / "b" / "keep.txt", "");
  auto found = config::findConfig((dir.path() / "a" / "b").string());
  REQUIRE(found.has_value());
  CHECK(*found == (dir.path() / ".samshift.yaml").generic_string());
  writeFile(dir.path() / "a" / ".samshift.yaml", "");
  CHECK(*config::findConfig((dir.path() / "a" / "b").string()) ==
        (dir.path() / "a" / ".samshift.yaml").generic_string());
}

TEST_CASE("the search for .samshift.yaml stops at the repository root", "[config]") {
  TempDir dir;
  writeFile(dir.path() / ".samshift.yaml", "exclude: ['**']\n");  // belongs to something else
  fs::create_directories(dir.path() / "repo" / ".git");
  writeFile(dir.path() / "repo" / "stacks" / "t.yaml",
            "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Type: X\n");
  CHECK_FALSE(config::findConfig((dir.path() / "repo" / "stacks").string()).has_value());
  CHECK_FALSE(config::findConfig((dir.path() / "repo").string()).has_value());
  auto linted = runSamshift("lint --color never " + (dir.path() / "repo").string());
  CHECK(linted.exitCode == 1);  // was 0: the parent's configuration excluded everything
  CHECK(linted.out.find("t.yaml:4:5: error T002") != std::string::npos);

  // A worktree or submodule has a .git file; a configuration at the root itself still applies.
  writeFile(dir.path() / "worktree" / ".git", "gitdir: ../repo/.git/worktrees/w\n");
  fs::create_directories(dir.path() / "worktree" / "a");
  CHECK_FALSE(config::findConfig((dir.path() / "worktree" / "a").string()).has_value());
  writeFile(dir.path() / "worktree" / ".samshift.yaml", "");
  CHECK(config::findConfig((dir.path() / "worktree" / "a").string()) ==
        (dir.path() / "worktree" / ".samshift.yaml").generic_string());
}

TEST_CASE("rule names in --select, --ignore and configuration are exact, known and trimmed",
          "[config][cli]") {
  TempDir dir;
  std::string file = (dir.path() / "t.yaml").string();
  writeFile(file, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Type: AWS::SNS::Topic\n");
  // Each ran no rule and exited 0 before.
  auto lower = runSamshift("lint --select d002 " + file);
  CHECK(lower.exitCode == 3);
  CHECK(lower.err.rfind("samshift lint: `d002` in --select matches no rule: did you mean `D002`? "
                        "(codes are upper case and slugs lower case)\n",
                        0) == 0);
  auto letterO = runSamshift("lint --ignore DOO2 " + file);
  CHECK(letterO.exitCode == 3);
  CHECK(letterO.err.rfind("samshift lint: `DOO2` in --ignore matches no rule: did you mean `D002`",
                          0) == 0);
  CHECK(runSamshift("lint --select '' " + file).exitCode == 3);
  // Blanks around items are trimmed: T002 still runs (it was dropped as ` T002`).
  auto spaced = runSamshift("lint --color never --select 'D002, T002' " + file);
  CHECK(spaced.exitCode == 1);
  CHECK(spaced.out.find(":4:5: error T002") != std::string::npos);
  CHECK(runSamshift("lint --select 'D002, T002' --ignore ' T00 ' " + file).exitCode == 0);

  // In configuration, an empty `ignore` skips nothing (it skipped every rule) and an empty
  // `select` runs nothing; a string is a comma-separated list.
  writeFile(dir.path() / ".samshift.yaml", "ignore: \"\"\n");
  CHECK(runSamshift("lint " + file).exitCode == 1);
  writeFile(dir.path() / ".samshift.yaml", "ignore: []\n");
  CHECK(runSamshift("lint " + file).exitCode == 1);
  writeFile(dir.path() / ".samshift.yaml", "ignore: 'D, T002 '\n");
  CHECK(runSamshift("lint " + file).exitCode == 0);
  writeFile(dir.path() / ".samshift.yaml", "select: []\n");
  auto nothing = runSamshift("lint " + file);
  CHECK(nothing.exitCode == 0);
  CHECK(nothing.out.empty());
  CHECK(errorOf("select: [t002]\n") ==
        "/proj/.samshift.yaml:1:10: `t002` in `select` matches no rule: did you mean `T002`? "
        "(codes are upper case and slugs lower case)");
  CHECK(errorOf("ignore: 'T002, Unknown-Deployment-Type'\n") ==
        "/proj/.samshift.yaml:1:9: `Unknown-Deployment-Type` in `ignore` matches no rule: did you "
        "mean `unknown-deployment-type`? (codes are upper case and slugs lower case)");
}

TEST_CASE("lint reads the configuration, and the command line overrides it", "[config][cli]") {
  TempDir dir;
  const std::string templ =
      "Transform: AWS::Serverless-2016-10-31\n"
      "Resources:\n"
      "  Fn:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties:\n"
      "      Runtime: java21\n"
      "      Handler: example.Handler::handleRequest\n"
      "      CodeUri: build/\n"
      "      SnapStart:\n"
      "        ApplyOn: PublishedVersions  # samshift: ignore[R001]\n";
  writeFile(dir.path() / "t.yaml", templ);
  writeFile(dir.path() / "skipped" / "t.yaml", templ);
  writeFile(dir.path() / ".samshift.yaml",
            "severity: {P004: error}\nexclude: [skipped]\nreport-unused-suppressions: true\n");
  std::string file = (dir.path() / "t.yaml").string();
  auto result = runSamshift("lint --color never " + dir.path().string());
  CHECK(result.exitCode == 1);
  CHECK(result.out ==
        file +
            ":10:9: error P004 [snapstart-without-version] `SnapStart` on `Fn`, which has no "
            "`AutoPublishAlias`\n" +
            file +
            ":10:56: warning X002 [unused-suppression] Suppression of `R001` matched no finding\n");
  // --ignore and --fail-level replace the file's settings.
  auto overridden = runSamshift("lint --color never --ignore X002 --fail-level error " + file);
  CHECK(overridden.exitCode == 1);
  CHECK(overridden.out.find("X002") == std::string::npos);
  // --config names another file; a bad one is a usage error (exit 3) at its position.
  writeFile(dir.path() / "other.yaml", "select: [S]\nfail-level: info\n");
  auto other = runSamshift("lint --color never --config " + (dir.path() / "other.yaml").string() +
                           " " + file);
  CHECK(other.exitCode == 0);
  CHECK(other.out.empty());
  writeFile(dir.path() / "bad.yaml", "fail-level: sometimes\n");
  auto bad = runSamshift("lint --config " + (dir.path() / "bad.yaml").string() + " " + file);
  CHECK(bad.exitCode == 3);
  CHECK(bad.err == "samshift lint: " + (dir.path() / "bad.yaml").string() +
                       ":1:13: `fail-level` must be error, warning or info\n");
}

TEST_CASE("--output writes the report whole and keeps an old file on failure", "[config][cli]") {
  TempDir dir;
  writeFile(dir.path() / "t.yaml",
            "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Type: AWS::SNS::Topic\n");
  std::string report = (dir.path() / "report.sarif").string();
  auto result = runSamshift("lint -f sarif -o " + report + " " + (dir.path() / "t.yaml").string());
  CHECK(result.exitCode == 1);
  CHECK(result.out.empty());
  std::string written = testing::readFile(report);
  CHECK(written.find("\"ruleId\": \"T002\"") != std::string::npos);
  CHECK(written.find("\"uri\": \"t.yaml\"") ==
        std::string::npos);  // not relative to the test's directory
  auto failed = runSamshift("lint -o " + (dir.path() / "missing" / "r.txt").string() + " " +
                            (dir.path() / "t.yaml").string());
  CHECK(failed.exitCode == 2);
  CHECK(failed.err == "samshift lint: cannot write " + (dir.path() / "missing" / "r.txt").string() +
                          ": No such file or directory\n");
  std::size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++entries;
  }
  CHECK(entries == 2);  // t.yaml and report.sarif: no temporary file left behind
}

TEST_CASE("atomic writes replace a file whole or leave it alone", "[config]") {
  TempDir dir;
  std::string target = (dir.path() / "out.txt").string();
  writeFile(target, "old");
  REQUIRE(core::writeFileAtomically(target, "new contents").ok());
  CHECK(testing::readFile(target) == "new contents");
  std::filesystem::create_directories(dir.path() / "sub");
  auto intoDirectory = core::writeFileAtomically((dir.path() / "sub").string(), "x");
  REQUIRE_FALSE(intoDirectory.ok());
  CHECK(intoDirectory.error().kind == core::ErrorKind::kUsage);
  CHECK(intoDirectory.error().message ==
        "cannot write " + (dir.path() / "sub").string() + ": it is a directory");
  CHECK(std::filesystem::is_directory(dir.path() / "sub"));
  std::size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++entries;
  }
  CHECK(entries == 2);  // out.txt and sub
}

namespace {

std::vector<std::string> lintLines(const std::string& text, engine::RuleSelection selection) {
  model::Document document = load::loadText("t.yaml", text);
  engine::LintResult result = engine::lintDocument(document, selection);
  std::vector<std::string> lines;
  for (const core::Diagnostic& d : result.diagnostics) {
    core::Position at = document.source.position(d.span.begin);
    lines.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " + d.code + " " +
                    d.message);
  }
  return lines;
}

// Fn has SnapStart without a version (P004) twice over: in Globals and on the function.
const char* kSuppressed =
    "Transform: AWS::Serverless-2016-10-31\n"
    "Metadata:\n"
    "  samshift:\n"
    "    ignore: [R, T005]\n"
    "Resources:\n"
    "  Fn:\n"
    "    Type: AWS::Serverless::Function\n"
    "    Metadata:\n"
    "      samshift:\n"
    "        ignore: P004\n"
    "    Properties:\n"
    "      Runtime: java21\n"
    "      Handler: a.B::c\n"
    "      CodeUri: build/\n"
    "      SnapStart:\n"
    "        ApplyOn: PublishedVersions\n"
    "  Other:\n"
    "    Type: AWS::Serverless::Function\n"
    "    Properties:\n"
    "      Runtime: java21\n"
    "      Handler: a.B::c\n"
    "      CodeUri: build/\n"
    "      SnapStart:  # samshift: ignore[P004, P003]\n"
    "        ApplyOn: PublishedVersions  # samshift: ignore[X002, D0O1]\n";

}  // namespace

TEST_CASE("unused suppressions are reported only when X002 runs", "[suppression]") {
  engine::RuleSelection plain;
  plain.select = {"P004", "R", "T005"};
  CHECK(lintLines(kSuppressed, plain).empty());

  engine::RuleSelection reporting = plain;
  reporting.enable = {"X002"};
  // Used: P004 on Fn (resource Metadata) and on Other (comment on the line above). Unused: R and
  // T005 (ran, found nothing), P003 (did not run); D0O1 names no rule but is itself covered by
  // the X002 suppression on its line.
  CHECK(lintLines(kSuppressed, reporting) ==
        std::vector<std::string>{"4:14 X002 Suppression of `R` matched no finding",
                                 "4:17 X002 Suppression of `T005` matched no finding",
                                 "23:44 X002 Suppression of `P003` names no rule that ran"});

  engine::RuleSelection ignored = reporting;
  ignored.ignore = {"X002"};
  CHECK(lintLines(kSuppressed, ignored).empty());
}
