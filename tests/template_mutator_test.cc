// The template fuzzer's mutator and writer (fuzz/template_*.h): a mutated template, written in any
// style, loads back as the same tree; one seed always makes the same text; every mutation changes
// something; the shapes the fuzzer exists for (self-referencing parameters) do come out.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include "fuzz/template_mutator.h"
#include "fuzz/template_values.h"
#include "fuzz/template_writer.h"
#include "load/loader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;
using fuzz::TextFormat;
using fuzz::WriteStyle;
using model::Node;

namespace {

// The rule fixtures: small templates of every family, some JSON, some with anchors.
std::vector<Node> seedTemplates() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator("fixtures/rules")) {
    std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".yaml" || extension == ".json"))
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Node> templates;
  for (size_t i = 0; i < paths.size(); i += 4) {  // every fourth: each family, in a second
    auto document = load::loadText(paths[i].string(), testing::readFile(paths[i]));
    if (document.parsed) templates.push_back(std::move(document.root));
  }
  return templates;
}

// What the loaders make of a mapping that names a key twice: the first place, the last value.
Node withoutDuplicateKeys(const Node& node) {
  Node out = node;
  out.items().clear();
  out.entries().clear();
  for (const Node& item : node.items()) out.push(withoutDuplicateKeys(item));
  std::unordered_map<std::string, size_t> seen;
  for (const model::MapEntry& entry : node.entries()) {
    auto [it, inserted] = seen.try_emplace(entry.key.text(), out.entries().size());
    if (inserted) {
      out.entries().push_back(model::MapEntry{entry.key, withoutDuplicateKeys(entry.value)});
    } else {
      out.entries()[it->second].value = withoutDuplicateKeys(entry.value);
    }
  }
  return out;
}

// Equal trees, order and key types included (Node::sameValue ignores both); NaN equals NaN.
bool sameTree(const Node& a, const Node& b) {
  if (a.kind() != b.kind()) return false;
  if (a.isFloat() && std::isnan(a.floatValue())) return std::isnan(b.floatValue());
  if (a.isScalar()) return a.sameValue(b);
  if (a.items().size() != b.items().size() || a.entries().size() != b.entries().size())
    return false;
  for (size_t i = 0; i < a.items().size(); ++i) {
    if (!sameTree(a.items()[i], b.items()[i])) return false;
  }
  for (size_t i = 0; i < a.entries().size(); ++i) {
    if (!sameTree(a.entries()[i].key, b.entries()[i].key)) return false;
    if (!sameTree(a.entries()[i].value, b.entries()[i].value)) return false;
  }
  return true;
}

size_t depthOf(const Node& node) {
  size_t deepest = 0;
  for (const Node& item : node.items()) deepest = std::max(deepest, depthOf(item));
  for (const model::MapEntry& entry : node.entries())
    deepest = std::max(deepest, depthOf(entry.value));
  return deepest + (node.isScalar() ? 0 : 1);
}

// JSON writes every key as a string and has no NaN or infinity: a tree with those comes back
// changed, by design.
bool jsonKeepsAsItIs(const Node& node) {
  if (node.isFloat()) return std::isfinite(node.floatValue());
  for (const Node& item : node.items()) {
    if (!jsonKeepsAsItIs(item)) return false;
  }
  for (const model::MapEntry& entry : node.entries()) {
    if (!entry.key.isString() || !jsonKeepsAsItIs(entry.value)) return false;
  }
  return true;
}

const WriteStyle kStyles[] = {
    {TextFormat::kYaml, 32, true}, {TextFormat::kYaml, 32, false}, {TextFormat::kYaml, 0, true},
    {TextFormat::kYaml, 3, true},  {TextFormat::kJson, 32, false}, {TextFormat::kJson, 2, false},
};

}  // namespace

TEST_CASE("a mutated template written in any style loads back as the same tree",
          "[fuzz][mutator]") {
  std::vector<Node> templates = seedTemplates();
  REQUIRE(templates.size() >= 20);
  size_t checked = 0;
  for (size_t t = 0; t < templates.size(); ++t) {
    for (size_t m = 0; m < fuzz::kMutationCount; ++m) {
      auto mutation = static_cast<fuzz::Mutation>(m);
      Node mutated = templates[t];
      fuzz::TemplateMutator(t * 131 + m).apply(mutation, mutated);
      Node expected = withoutDuplicateKeys(mutated);
      for (const WriteStyle& style : kStyles) {
        std::string text = fuzz::writeTemplate(mutated, style);
        INFO("template " << t << ", " << fuzz::mutationName(mutation) << ", format "
                         << (style.format == TextFormat::kJson ? "JSON" : "YAML") << ", flow depth "
                         << style.flowDepth << "\n"
                         << text.substr(0, 4000));
        auto loaded = load::loadText("t.yaml", text);
        if (!loaded.parsed && depthOf(mutated) > load::LoadLimits{}.maxDepth / 2) {
          // A deep nest beyond the loaders' limit (short forms make the text shallower than the
          // tree).
          REQUIRE(!loaded.problems.empty());
          CHECK(loaded.problems[0].message.find("Nesting deeper than") == 0);
          continue;
        }
        REQUIRE(loaded.parsed);
        if (style.format == TextFormat::kYaml || jsonKeepsAsItIs(expected))
          CHECK(sameTree(loaded.root, expected));
        CHECK(fuzz::writeTemplate(loaded.root, style) == fuzz::writeTemplate(expected, style));
        ++checked;
      }
    }
  }
  CHECK(checked >= 20 * fuzz::kMutationCount * std::size(kStyles));
}

TEST_CASE("the writer quotes what YAML would read as something else", "[fuzz][mutator]") {
  Node root = Node::mapping();
  for (const char* text : {"yes",      "null",         "~",   "010",  "1e3", "1.5",  ".inf",
                           "<<",       "a: b",         "- x", "#c",   "",    "x\ny", "tab\there",
                           "\xc2\x85", "\xe2\x80\xa8", "@x",  "!Ref", "*a",  "&a",   "%x"}) {
    root.set(text, Node::string(text));
  }
  root.set("list", fuzz::listOf({Node::floating(1e300), Node::floating(-0.0), Node::floating(100.0),
                                 Node::integer(-9223372036854775807 - 1), Node::boolean(false),
                                 Node::null()}));
  root.set(
      "intrinsics",
      fuzz::listOf({fuzz::intrinsic("Ref", Node::string("x")),
                    fuzz::intrinsic("Fn::GetAtt", Node::string("a.b")),
                    fuzz::intrinsic("Fn::GetAtt", fuzz::listOf({Node::string("a")})),
                    fuzz::intrinsic("Fn::Sub", Node::integer(5)),
                    fuzz::intrinsic("Fn::Base64", fuzz::intrinsic("Fn::Sub", Node::string("y")))}));
  for (const WriteStyle& style : kStyles) {
    std::string text = fuzz::writeTemplate(root, style);
    INFO(text);
    auto loaded = load::loadText("t.yaml", text);
    REQUIRE(loaded.parsed);
    if (style.format == TextFormat::kYaml) CHECK(sameTree(loaded.root, root));
    CHECK(sameTree(loaded.root.get("intrinsics") ? *loaded.root.get("intrinsics") : Node(),
                   *root.get("intrinsics")));
  }
  CHECK(fuzz::writeTemplate(root, kStyles[0]).find("- !Ref x\n") != std::string::npos);
  CHECK(fuzz::writeTemplate(root, kStyles[0]).find("- Fn::GetAtt: a.b\n") == std::string::npos);
}

TEST_CASE("one seed makes one mutation, and every mutation changes the template",
          "[fuzz][mutator]") {
  std::vector<Node> templates = seedTemplates();
  REQUIRE(!templates.empty());
  for (size_t m = 0; m < fuzz::kMutationCount; ++m) {
    auto mutation = static_cast<fuzz::Mutation>(m);
    INFO(fuzz::mutationName(mutation));
    size_t changed = 0;
    for (uint64_t seed = 0; seed < 20; ++seed) {
      const Node& original = templates[seed % templates.size()];
      Node first = original;
      Node second = original;
      fuzz::TemplateMutator(seed).apply(mutation, first);
      fuzz::TemplateMutator(seed).apply(mutation, second);
      CHECK(fuzz::writeTemplate(first, {}) == fuzz::writeTemplate(second, {}));
      if (fuzz::writeTemplate(first, {}) != fuzz::writeTemplate(original, {})) ++changed;
    }
    CHECK(changed >= 15);
  }
}

TEST_CASE("the mutator writes parameters whose Default refers to themselves and uses them",
          "[fuzz][mutator]") {
  std::vector<Node> templates = seedTemplates();
  size_t selfReferences = 0;
  size_t used = 0;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    Node root = templates[seed % templates.size()];
    fuzz::TemplateMutator(seed).apply(fuzz::Mutation::kSelfReferentialParameter, root);
    const Node* parameters = root.get("Parameters");
    REQUIRE(parameters);
    for (const model::MapEntry& parameter : parameters->entries()) {
      const Node* defaultValue = parameter.value.get("Default");
      std::string written =
          defaultValue ? fuzz::writeTemplate(*defaultValue, {TextFormat::kYaml, 0, false}) : "";
      if (written.find(parameter.key.text()) != std::string::npos) ++selfReferences;
    }
    for (const char* section : {"Resources", "Globals"}) {
      const Node* users = root.get(section);
      std::string written = users ? fuzz::writeTemplate(*users, {TextFormat::kYaml, 0, false}) : "";
      if (written.find("FuzzParameter") != std::string::npos) ++used;
    }
  }
  CHECK(selfReferences >= 10);
  CHECK(used >= 5);
}

TEST_CASE("mutations chained as the fuzzer chains them touch no freed memory", "[fuzz][mutator]") {
  // Under AddressSanitizer (.ci/run) this caught setProperty copying a subtree through an index
  // that adding `Resources` to the root had left pointing at freed memory (round 77).
  std::vector<Node> templates = seedTemplates();
  for (size_t round = 72; round < 82; ++round) {  // the rounds around the one that failed
    Node tree = templates[round % templates.size()];
    fuzz::TemplateMutator mutator(round * 7919 + 1);
    for (size_t generation = 0; generation < 30; ++generation) {
      if (generation % 5 == 4) {
        mutator.crossOver(tree, templates[(round + generation) % templates.size()]);
      } else {
        mutator.mutate(tree);
      }
      // As the fuzzer does: the text goes on to the next generation.
      auto loaded = load::loadText("t.yaml", fuzz::writeTemplate(tree, mutator.writeStyle()));
      if (loaded.parsed) tree = std::move(loaded.root);
    }
  }
  SUCCEED();
}
