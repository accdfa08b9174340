// What stops expand and plan is reported as lint reports findings: each SAM rejection as the
// finding of the rule lint reports it with, at the same place; a template that does not load as
// T001; what samshift cannot do yet as X003; in whichever format --error-format names.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "load/loader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;
using testing::runSamshift;

namespace {

// (code, line, column) of each finding in a JSON report (report/json_format.cc's array).
using Place = std::tuple<std::string, int, int>;

std::vector<Place> placesIn(const std::string& json) {
  model::Document report = load::loadText("report.json", json);
  REQUIRE(report.parsed);
  REQUIRE(report.root.isSequence());
  std::vector<Place> places;
  for (const model::Node& finding : report.root.items()) {
    const model::Node* code = finding.get("code");
    const model::Node* line = finding.get("line");
    const model::Node* column = finding.get("column");
    REQUIRE(code);
    REQUIRE(line);
    REQUIRE(column);
    places.emplace_back(code->text(), std::stoi(line->text()), std::stoi(column->text()));
  }
  return places;
}

std::vector<fs::path> rejectedExpandFixtures() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator("fixtures/expand")) {
    if (entry.path().filename().string().rfind("error_", 0) == 0) {
      inputs.push_back(entry.path() / "input.yaml");
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

TEST_CASE("expand reports each rejection as lint's finding at the same place",
          "[cli][expand][invariant]") {
  std::vector<fs::path> inputs = rejectedExpandFixtures();
  REQUIRE(inputs.size() >= 5);
  for (const fs::path& input : inputs) {
    INFO(input.generic_string());
    testing::CommandResult expanded =
        runSamshift("expand --error-format json " + input.generic_string());
    CHECK(expanded.exitCode == 1);
    std::vector<Place> rejections = placesIn(expanded.out);
    CHECK_FALSE(rejections.empty());
    testing::CommandResult linted = runSamshift("lint --format json " + input.generic_string());
    CHECK(linted.exitCode == 1);
    std::vector<Place> findings = placesIn(linted.out);
    for (const Place& rejection : rejections) {
      INFO(std::get<0>(rejection) << " at " << std::get<1>(rejection) << ":"
                                  << std::get<2>(rejection));
      CHECK(std::find(findings.begin(), findings.end(), rejection) != findings.end());
    }
  }
}

TEST_CASE("expand and plan report a template that does not load as T001, in every format",
          "[cli][expand][plan]") {
  const std::string broken = "Resources: [\n";
  for (const char* command : {"expand", "plan"}) {
    INFO(command);
    testing::CommandResult text = runSamshift(std::string(command) + " -", broken);
    CHECK(text.exitCode == 2);
    CHECK(text.out.empty());
    CHECK(text.err.find("<stdin>:2:1: error T001 [syntax-error] ") == 0);

    testing::CommandResult json =
        runSamshift(std::string(command) + " --error-format json -", broken);
    CHECK(json.exitCode == 2);
    CHECK(placesIn(json.out) == std::vector<Place>{{"T001", 2, 1}});

    testing::CommandResult sarif =
        runSamshift(std::string(command) + " --error-format sarif -", broken);
    CHECK(sarif.exitCode == 2);
    CHECK(sarif.out.find("\"ruleId\": \"T001\"") != std::string::npos);

    testing::CommandResult junit =
        runSamshift(std::string(command) + " --error-format junit -", broken);
    CHECK(junit.exitCode == 2);
    CHECK(junit.out.find("T001") != std::string::npos);
  }
}

TEST_CASE("what samshift cannot expand yet is X003 outside text", "[cli][expand]") {
  const std::string extended =
      "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n"
      "Resources:\n"
      "  Topic:\n"
      "    Type: AWS::SNS::Topic\n";
  testing::CommandResult text = runSamshift("expand -", extended);
  CHECK(text.exitCode == 2);
  CHECK(text.err.rfind("samshift expand: <stdin>: not supported yet: the AWS::LanguageExtensions",
                       0) == 0);
  testing::CommandResult json = runSamshift("expand --error-format json -", extended);
  CHECK(json.exitCode == 2);
  CHECK(placesIn(json.out) == std::vector<Place>{{"X003", 1, 1}});
  testing::CommandResult plan = runSamshift("plan --error-format json -", extended);
  CHECK(plan.exitCode == 2);
  CHECK(placesIn(plan.out) == std::vector<Place>{{"X003", 1, 1}});
}

TEST_CASE("--error-format takes only the report formats", "[cli]") {
  CHECK(runSamshift("expand --error-format xml x.yaml").exitCode == 3);
  CHECK(runSamshift("plan --error-format '' x.yaml").exitCode == 3);
}
