#include "sam_outputs.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "expand/expander.h"
#include "expand/python_json.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "test_support.h"

namespace samshift::testing {

namespace fs = std::filesystem;
using model::MapEntry;
using model::Node;

const Partition kPartitions[3] = {
    {"aws", "ap-southeast-1", "output"},
    {"aws-cn", "cn-north-1", "output/aws-cn"},
    {"aws-us-gov", "us-gov-west-1", "output/aws-us-gov"},
};

std::string canonicalTemplate(const Node& node) {
  if (node.isMapping()) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const MapEntry& entry : node.entries())
      entries.emplace_back(entry.key.text(), canonicalTemplate(entry.value));
    std::sort(entries.begin(), entries.end());
    std::string out = "{";
    for (const auto& [key, value] : entries)
      out += expand::pythonJson(Node::string(key)) + ":" + value + ",";
    return out + "}";
  }
  if (node.isSequence()) {
    std::vector<std::string> items;
    for (const Node& item : node.items()) items.push_back(canonicalTemplate(item));
    std::sort(items.begin(), items.end());
    std::string out = "[";
    for (const std::string& item : items) out += item + ",";
    return out + "]";
  }
  if (node.isFloat() &&
      node.floatValue() == static_cast<double>(static_cast<int64_t>(node.floatValue()))) {
    return std::to_string(static_cast<int64_t>(node.floatValue()));
  }
  return expand::pythonJson(node);
}

const char* verdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kSame:
      return "same";
    case Verdict::kUnsupported:
      return "not supported";
    case Verdict::kWrongOutput:
      return "wrong output";
    case Verdict::kFalseAccept:
      return "accepts what SAM rejects";
    case Verdict::kFalseReject:
      return "rejects what SAM accepts";
    case Verdict::kOtherMessage:
      return "another message";
    case Verdict::kNoReference:
      return "no reference";
  }
  return "?";
}

namespace {

// expand's result against SAM's: `expected` is SAM's template, or null when SAM rejected with
// `expectedMessage` (empty when the message is not compared).
Judgement judge(const expand::ExpandResult& result, const Node* expected,
                const std::string* expectedMessage) {
  if (result.unsupported) return {Verdict::kUnsupported, *result.unsupported};
  if (!expected) {
    if (result.errors.empty()) return {Verdict::kFalseAccept, "printed a template"};
    if (!expectedMessage) return {Verdict::kSame, ""};
    // SAM reports the resources in the order it meets them; its test suite, which wrote the
    // expected messages, sorts them by logical ID first.
    std::vector<expand::ExpandError> sorted = result.errors;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.logicalId < b.logicalId; });
    std::string message = expand::overallErrorMessage(sorted);
    if (message != *expectedMessage) return {Verdict::kOtherMessage, message};
    return {Verdict::kSame, ""};
  }
  if (!result.errors.empty())
    return {Verdict::kFalseReject, expand::overallErrorMessage(result.errors)};
  if (canonicalTemplate(result.output) != canonicalTemplate(*expected))
    return {Verdict::kWrongOutput, "the template differs from SAM's"};
  return {Verdict::kSame, ""};
}

expand::ExpandResult expandFile(const fs::path& path,
                                const std::vector<std::pair<std::string, std::string>>& overrides,
                                const std::string& region, bool& loaded) {
  model::Document input = load::loadText(path.filename().string(), readFile(path));
  loaded = input.parsed;
  if (!loaded) return {};
  model::Template templ(input.root);
  sam::ParameterValues params(templ, overrides, region);
  return expand::expandTemplate(input.root, params);
}

}  // namespace

bool samFixtureHasOutput(const std::string& name, const Partition& partition) {
  return fs::exists(corpusRoot() / "sam-translator" / partition.outputDir / (name + ".json"));
}

Judgement judgeSamFixture(const std::string& name, const Partition& partition) {
  fs::path root = corpusRoot() / "sam-translator";
  bool loaded = false;
  expand::ExpandResult result =
      expandFile(root / "input" / (name + ".yaml"), {{"param1", "value1"}, {"param2", "value2"}},
                 partition.region, loaded);
  if (!loaded) return {Verdict::kNoReference, "input does not load"};
  fs::path expectedPath = root / partition.outputDir / (name + ".json");
  if (!fs::exists(expectedPath)) return {Verdict::kNoReference, "no expected output"};
  model::Document expected = load::loadText(expectedPath.string(), readFile(expectedPath));
  if (!expected.parsed) return {Verdict::kNoReference, "expected output does not load"};
  if (const Node* message = expected.root.get("errorMessage")) {
    std::string text = message->text();
    return judge(result, nullptr, &text);
  }
  return judge(result, &expected.root, nullptr);
}

Judgement judgeRealTemplate(const std::string& relativePath) {
  fs::path root = corpusRoot() / "serverless-patterns";
  bool loaded = false;
  expand::ExpandResult result =
      expandFile(root / "packaged" / relativePath, {}, "us-east-1", loaded);
  fs::path output = (root / "output" / relativePath).replace_extension(".json");
  fs::path rejected = fs::path(output).replace_extension(".rejected");
  if (fs::exists(rejected)) {
    if (!loaded) return {Verdict::kSame, ""};
    return judge(result, nullptr, nullptr);
  }
  if (!fs::exists(output)) return {Verdict::kNoReference, "SAM has no output"};
  if (!loaded) return {Verdict::kFalseReject, "the template does not load"};
  model::Document expected = load::loadText(output.string(), readFile(output));
  if (!expected.parsed) return {Verdict::kNoReference, "SAM's output does not load"};
  return judge(result, &expected.root, nullptr);
}

void addToList(const fs::path& path, const std::vector<std::string>& names) {
  if (names.empty() || !std::getenv("SAMSHIFT_UPDATE_SNAPSHOTS")) return;
  std::set<std::string> all = readList(path);
  all.insert(names.begin(), names.end());
  std::string text;
  std::istringstream in(readFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') text += line + "\n";
  }
  for (const std::string& name : all) text += name + "\n";
  writeFile(path, text);
}

std::set<std::string> readList(const fs::path& path) {
  std::set<std::string> names;
  std::istringstream in(readFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') names.insert(line);
  }
  return names;
}

}  // namespace samshift::testing
