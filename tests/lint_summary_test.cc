// What lint adds for a person at a terminal (the closing count) and for a directory that holds
// no template (a warning, where a clean run would otherwise hide a wrong path).

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "cli/lint_summary.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::cli::emptyDirectoryWarnings;
using samshift::cli::findingSummary;
using samshift::core::Diagnostic;
using samshift::core::Severity;
using samshift::report::FileReport;
using samshift::testing::kDuplicateKeyTemplate;
using samshift::testing::readFile;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

FileReport reportWith(std::initializer_list<Severity> severities) {
  FileReport report;
  for (Severity severity : severities) {
    Diagnostic d;
    d.severity = severity;
    report.diagnostics.push_back(d);
  }
  return report;
}

}  // namespace

TEST_CASE("the summary counts findings by severity and the files that have them",
          "[cli][summary]") {
  CHECK(findingSummary({reportWith({Severity::kError, Severity::kWarning, Severity::kError}),
                        reportWith({}), reportWith({Severity::kWarning, Severity::kError})}) ==
        "3 errors, 2 warnings in 2 files");
  CHECK(findingSummary({reportWith({Severity::kInfo}), reportWith({Severity::kInfo})}) ==
        "2 info in 2 files");
  CHECK(findingSummary({reportWith({Severity::kWarning})}) == "1 warning in 1 file");
  CHECK(findingSummary({reportWith({}), reportWith({})}) == "no findings in 2 files");
  CHECK(findingSummary({}) == "no findings in 0 files");
}

TEST_CASE("a directory with no template linted from it is named in a warning", "[cli][summary]") {
  CHECK(emptyDirectoryWarnings({{"a"}, {"b"}, {"c"}, {"d", false}}, {0, -1, 0, 2}) ==
        std::vector<std::string>{"no template found in b"});

  TempDir dir;
  fs::create_directories(dir.path() / "stacks");
  fs::create_directories(dir.path() / "docs");
  writeFile(dir.path() / "stacks" / "t.yaml", kDuplicateKeyTemplate);
  writeFile(dir.path() / "docs" / "mkdocs.yml", "site_name: x\n");  // YAML, not a template
  std::string stacks = (dir.path() / "stacks").string();
  std::string docs = (dir.path() / "docs").string();
  auto result = runSamshift("lint --color never " + stacks + " " + docs);
  CHECK(result.exitCode == 1);  // the warning leaves the exit status to the findings
  CHECK(result.err == "samshift lint: warning: no template found in " + docs + "\n");
  // Not written to a pipe: the summary is for a terminal.
  CHECK(result.out.find("in 1 file") == std::string::npos);
}

TEST_CASE("on a terminal, lint ends with the summary line", "[cli][summary]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script (util-linux) is absent: terminal summary test skipped");
    return;
  }
  TempDir dir;
  writeFile(dir.path() / "t.yaml", kDuplicateKeyTemplate);
  fs::path out = dir.path() / "typescript.out";
  // script(1) gives samshift a pseudo-terminal as its standard output.
  std::string command = "script -qec '" + std::string(SAMSHIFT_BINARY) + " lint --color never " +
                        (dir.path() / "t.yaml").string() + "' /dev/null >" + out.string();
  int status = std::system(command.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // script passes on lint's exit status
  std::string text = readFile(out);
  CHECK(text.find("error T002 [duplicate-key]") != std::string::npos);
  // The terminal turns each newline into CR LF.
  CHECK(text.size() >= 20);
  CHECK(text.substr(text.size() - 20) == "\n1 error in 1 file\r\n");
}
