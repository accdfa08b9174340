// Large generated inputs: nothing in loading or linting may grow faster than the input. These
// assert on counts and memory (time figures live in bench/): a quadratic path would show up as
// a run that never finishes under the test timeout.

#include <catch2/catch.hpp>

#include <malloc.h>

#include <string>

#include "engine/runner.h"
#include "load/loader.h"

using namespace samshift;

namespace {

size_t heapInUse() { return mallinfo2().uordblks; }

}  // namespace

TEST_CASE("a node is 72 bytes: docs/limits.md counts on it", "[scale]") {
  // A collection's children live in a block of their own; scalars, most of a template, carry
  // no empty vectors. Growing Node grows every figure of the memory model.
  CHECK(sizeof(model::Node) <= 72);
}

TEST_CASE("a mapping with 200,000 keys loads with linear memory", "[scale]") {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "key" + std::to_string(i) + ": value\n";
  size_t before = heapInUse();
  auto doc = load::loadText("wide.yaml", text);
  size_t used = heapInUse() - before;
  REQUIRE(doc.parsed);
  CHECK(doc.root.entries().size() == 200000);
  CHECK(doc.problems.empty());
  CHECK(used < 200 * text.size());  // a few hundred bytes a node, whatever the width
}

TEST_CASE("100,000 duplicate keys: the first thousand are reported, then loading stops",
          "[scale]") {
  std::string text;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 100000; ++i)
      text += "k" + std::to_string(i) + ": " + std::to_string(round) + "\n";
  }
  auto doc = load::loadText("dup.yaml", text);
  CHECK_FALSE(doc.parsed);
  REQUIRE(doc.problems.size() == 1002);
  CHECK(doc.problems[1000].kind == model::ProblemKind::kDuplicateKey);
  CHECK(doc.problems[1000].message == "Duplicate key `k1000`; only the last value is used");
  CHECK(doc.problems[1001].message ==
        "More than 1000 duplicate keys or other problems; loading stopped here");
}

TEST_CASE("a 16 MiB string and 10,000 anchors stay linear", "[scale]") {
  auto longString = load::loadText("long.yaml", "a: '" + std::string(16u << 20, 'x') + "'\n");
  REQUIRE(longString.parsed);
  CHECK(longString.root.get("a")->text().size() == (16u << 20));

  std::string anchors;
  for (int i = 0; i < 10000; ++i)
    anchors +=
        "a" + std::to_string(i) + ": &x" + std::to_string(i) + " {v: " + std::to_string(i) + "}\n";
  for (int i = 0; i < 10000; ++i)
    anchors += "b" + std::to_string(i) + ": *x" + std::to_string(i) + "\n";
  auto doc = load::loadText("anchors.yaml", anchors);
  REQUIRE(doc.parsed);
  CHECK(doc.root.entries().size() == 20000);
  CHECK(doc.root.get("b9999")->get("v")->intValue() == 9999);
}

TEST_CASE("20,000 resources lint with one finding each", "[scale]") {
  std::string text = "Resources:\n";
  for (int i = 0; i < 20000; ++i) {
    text += "  Queue" + std::to_string(i) +
            ":\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy:\n"
            "        deadLetterTargetArn: !GetAtt Missing" +
            std::to_string(i) + ".Arn\n";
  }
  auto doc = load::loadText("many.yaml", text);
  REQUIRE(doc.parsed);
  engine::RuleSelection selection;
  selection.select = {"T005"};
  auto result = engine::lintDocument(doc, selection);
  CHECK(result.diagnostics.size() == 20000);
}
