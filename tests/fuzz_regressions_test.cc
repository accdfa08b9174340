// Every input a fuzzer found crashing samshift (fuzz/regressions/) goes through every loader and
// every command again (lint, expand, plan, the language server: fuzz/run_commands.h); each must
// end with a result, never a crash or a rule failure.

#include <catch2/catch.hpp>

#include <filesystem>

#include "fuzz/run_commands.h"
#include "load/json_loader.h"
#include "load/loader.h"
#include "load/yaml_loader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;

TEST_CASE("inputs that once crashed samshift are handled", "[fuzz]") {
  size_t inputs = 0;
  for (const auto& entry : fs::directory_iterator("fuzz/regressions")) {
    INFO(entry.path().string());
    std::string text = testing::readFile(entry.path());
    for (auto parser : {load::YamlParser::kLibyaml, load::YamlParser::kYamlCpp}) {
      model::Document yaml;
      yaml.source = core::SourceFile("fuzz.yaml", text);
      load::loadYaml(yaml, {}, parser);
    }
    model::Document json;
    json.source = core::SourceFile("fuzz.json", text);
    load::loadJson(json, {});
    CHECK((json.parsed || !json.problems.empty()));
    fuzz::CommandsOutcome outcome = fuzz::runEveryCommand(entry.path().filename().string(), text);
    CHECK(outcome.ruleFailures == std::vector<std::string>{});
    ++inputs;
  }
  CHECK(inputs >= 1);
}

TEST_CASE("JSON numbers keep their exact value, huge exponents included", "[load][json]") {
  auto doc = load::loadText(
      "n.json", "[1, -7, 2.5, 1e3, 9223372036854775808, 1e300, 3.3333333333333333333e-5]");
  REQUIRE(doc.parsed);
  const auto& items = doc.root.items();
  CHECK(items[0].intValue() == 1);
  CHECK(items[1].intValue() == -7);
  CHECK(items[2].floatValue() == 2.5);
  CHECK(items[3].isFloat());
  CHECK(items[3].floatValue() == 1000.0);
  CHECK(items[4].isFloat());  // beyond 64 bits
  CHECK(items[5].floatValue() == 1e300);
  CHECK(items[6].floatValue() == 3.3333333333333333333e-5);

  auto huge = load::loadText("h.json", "[1e400]");
  CHECK_FALSE(huge.parsed);
  REQUIRE(huge.problems.size() == 1);
  CHECK(huge.problems[0].message == "Number too big to be stored in double");
  CHECK(huge.source.position(huge.problems[0].span.begin).column == 2);
}
