// Each rule runs alone on fixtures/rules/CODE/good.yaml (no finding) and bad.yaml (findings
// rendered as text, compared byte for byte with bad.expected). A rule that only a command
// reports (X003: expand and plan) names that command in fixtures/rules/CODE/command; its bad
// fixture is what the command writes on standard output. SAMSHIFT_UPDATE_SNAPSHOTS=1 rewrites
// the snapshots; review the diff like code.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "engine/registry.h"
#include "engine/runner.h"
#include "load/loader.h"
#include "report/text_format.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;

namespace {

// A rule that always fails: what X001's fixture runs beside it, so that X001 has something to
// report (and the engine's containment of a throwing rule is tested through the fixture).
class ThrowingRule : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"X999", "always-throws", core::Severity::kError,
                                        "Test rule", ""};
    return kInfo;
  }
  void checkTemplate(const engine::RuleContext&, engine::Reporter&) const override {
    throw std::runtime_error("this rule always fails");
  }
};

std::string renderRuleAlone(const engine::Rule& rule, const fs::path& file) {
  auto doc = load::loadFile(file.string());
  REQUIRE(doc.ok());
  engine::RuleSelection selection;
  selection.select.push_back(std::string(rule.info().code));
  static const ThrowingRule kThrowing;
  std::vector<const engine::Rule*> rules = {&rule};
  if (rule.info().code == engine::kRuleFailedCode && file.filename() == "bad.yaml") {
    // X001 has nothing to check on its own: on its bad fixture a failing rule runs beside it.
    rules.push_back(&kThrowing);
    selection.select.push_back("X999");
  }
  engine::LintResult result = engine::lintDocument(doc.value(), selection, rules);
  std::ostringstream out;
  report::writeText(
      out, {report::FileReport{&doc->source, file.generic_string(), result.diagnostics}}, {});
  return out.str();
}

// What `samshift COMMAND FILE` writes, for a rule reported by a command rather than by lint.
std::string renderCommand(const fs::path& commandFile, const fs::path& file) {
  std::string command = testing::readFile(commandFile);
  while (!command.empty() && command.back() == '\n') command.pop_back();
  testing::CommandResult result = testing::runSamshift(command + " " + file.generic_string());
  INFO(result.err);
  CHECK(result.exitCode != 0);
  return result.out;
}

fs::path fixtureDir(const engine::Rule& rule) {
  return fs::path("fixtures/rules") / std::string(rule.info().code);
}

}  // namespace

TEST_CASE("every rule is silent on its good fixture and reports its bad fixture exactly",
          "[rules][fixtures]") {
  bool update = std::getenv("SAMSHIFT_UPDATE_SNAPSHOTS") != nullptr;
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    const fs::path dir = fixtureDir(*rule);
    DYNAMIC_SECTION(rule->info().code) {
      REQUIRE(fs::exists(dir / "good.yaml"));
      REQUIRE(fs::exists(dir / "bad.yaml"));
      CHECK(renderRuleAlone(*rule, dir / "good.yaml") == "");
      const fs::path command = dir / "command";
      std::string actual = fs::exists(command) ? renderCommand(command, dir / "bad.yaml")
                                               : renderRuleAlone(*rule, dir / "bad.yaml");
      CHECK_FALSE(actual.empty());
      if (update) testing::writeFile(dir / "bad.expected", actual);
      REQUIRE(fs::exists(dir / "bad.expected"));
      CHECK(actual == testing::readFile(dir / "bad.expected"));
    }
  }
}

TEST_CASE("every fixture folder belongs to a registered rule", "[rules][fixtures]") {
  for (const auto& entry : fs::directory_iterator("fixtures/rules")) {
    std::string code = entry.path().filename().string();
    INFO("fixtures/rules/" << code);
    CHECK(engine::Registry::instance().find(code) != nullptr);
  }
}
