// How the command line names things: rules by code, prefix or slug everywhere (options and
// suppression comments), with a suggestion for a typo; `samshift help COMMAND`; `-f` for the
// format of every command that writes one.

#include <catch2/catch.hpp>

#include "test_support.h"

using samshift::testing::kDuplicateKeyTemplate;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("--select and --ignore with a misspelt rule exit 3 and suggest the nearest names",
          "[cli][names]") {
  TempDir dir;
  std::string file = (dir.path() / "t.yaml").string();
  writeFile(file, kDuplicateKeyTemplate);
  auto code = runSamshift("lint --select DOO2 " + file);
  CHECK(code.exitCode == 3);
  CHECK(code.out.empty());
  CHECK(startsWith(code.err,
                   "samshift lint: `DOO2` in --select matches no rule: did you mean `D002`"));
  auto slug = runSamshift("lint --ignore duplicate-keys " + file);
  CHECK(slug.exitCode == 3);
  CHECK(startsWith(slug.err,
                   "samshift lint: `duplicate-keys` in --ignore matches no rule: did you mean "
                   "`duplicate-key`? (see samshift rules)\n"));
  // Nothing near: no suggestion, but still an error rather than a run of no rules.
  auto nothing = runSamshift("lint --select ZZZ " + file);
  CHECK(nothing.exitCode == 3);
  CHECK(startsWith(nothing.err,
                   "samshift lint: `ZZZ` in --select matches no rule (see samshift "
                   "rules)\n"));
}

TEST_CASE("a suppression comment names a rule by its slug as well as its code", "[cli][names]") {
  TempDir dir;
  std::string file = (dir.path() / "t.yaml").string();
  // A comment covers its own line and the next: here the second `Type` (T002, line 5).
  auto suppressing = [&](const std::string& names) {
    writeFile(file, "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    # samshift: ignore[" +
                        names + "]\n    Type: AWS::SNS::Topic\n");
  };
  suppressing("duplicate-key");
  auto bySlug = runSamshift("lint --color never --report-unused-suppressions " + file);
  CHECK(bySlug.exitCode == 0);
  CHECK(bySlug.out.empty());
  // A slug that names no rule is an unused suppression, reported at the slug as written.
  suppressing("duplicate-keys");
  auto misspelt = runSamshift("lint --color never --report-unused-suppressions " + file);
  CHECK(misspelt.exitCode == 1);
  CHECK(misspelt.out.find(file + ":5:5: error T002 [duplicate-key]") != std::string::npos);
  CHECK(misspelt.out.find(file + ":4:24: warning X002 [unused-suppression] Suppression of "
                                 "`duplicate-keys` names no rule\n") != std::string::npos);
}

TEST_CASE("samshift help COMMAND is samshift COMMAND --help", "[cli][names]") {
  for (const char* command : {"lint", "rules", "rule", "plan", "expand", "lsp"}) {
    auto help = runSamshift(std::string("help ") + command);
    auto option = runSamshift(std::string(command) + " --help");
    CHECK(help.exitCode == 0);
    CHECK(startsWith(help.out, std::string("usage: samshift ") + command));
    CHECK(help.out == option.out);
  }
  auto unknown = runSamshift("help frobnicate");
  CHECK(unknown.exitCode == 3);
  CHECK(startsWith(unknown.err, "samshift help: unknown command 'frobnicate'\n"));
  CHECK(runSamshift("help").exitCode == 0);
}

TEST_CASE("every command that writes a format takes it as -f", "[cli][names]") {
  TempDir dir;
  std::string file = (dir.path() / "t.yaml").string();
  writeFile(file, "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
  // An unknown value is refused by the format option itself, naming the command's formats.
  for (const std::string command : {"lint " + file, std::string("rules"), std::string("rule T002"),
                                    "plan " + file, "expand " + file}) {
    auto refused = runSamshift(command + " -f nosuch");
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.find("unknown format 'nosuch'") != std::string::npos);
  }
  auto rule = runSamshift("rule -f json T002");
  CHECK(rule.exitCode == 0);
  CHECK(startsWith(rule.out, "{\n  \"code\": \"T002\",\n  \"slug\": \"duplicate-key\",\n"));
  CHECK(runSamshift("lint -f json " + file).out.find("[") != std::string::npos);
}
