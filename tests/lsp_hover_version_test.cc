// Hover names a function's version by its logical ID, computed from that function alone
// (expand::functionVersionLogicalId): it must be the ID that expanding the whole template gives.

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "expand/expander.h"
#include "expand/function.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::model::Node;

namespace {

std::vector<fs::path> templatesToCompare() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator("fixtures/expand"))
    out.push_back(entry.path() / "input.yaml");
  if (samshift::testing::corpusPresent()) {
    fs::path corpus = samshift::testing::corpusRoot() / "sam-translator";
    std::string list = samshift::testing::readFile(corpus / "in-scope.txt");
    for (size_t start = 0, end; start < list.size(); start = end + 1) {
      end = std::min(list.find('\n', start), list.size());
      if (end > start)
        out.push_back(corpus / "input" / (list.substr(start, end - start) + ".yaml"));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Function ID → its AWS::Lambda::Version's logical ID, in an expanded template.
std::map<std::string, std::string> versionsIn(const Node& output) {
  std::map<std::string, std::string> out;
  const Node* resources = output.get("Resources");
  if (!resources) return out;
  for (const samshift::model::MapEntry& entry : resources->entries()) {
    const Node* type = entry.value.get("Type");
    const Node* properties = entry.value.get("Properties");
    const Node* target = properties ? properties->get("FunctionName") : nullptr;
    if (type && type->isString("AWS::Lambda::Version") && target && target->get("Ref")) {
      out[target->get("Ref")->text()] = entry.key.text();
    }
  }
  return out;
}

}  // namespace

TEST_CASE("lsp hover: a function's version logical ID is the one expand gives", "[lsp][hover]") {
  size_t compared = 0;
  for (const fs::path& path : templatesToCompare()) {
    samshift::model::Document document =
        samshift::load::loadText(path.string(), samshift::testing::readFile(path));
    if (!document.parsed) continue;
    samshift::model::Template templ(document.root);
    samshift::sam::ParameterValues params(templ, {}, "us-east-1");
    samshift::expand::ExpandResult expanded =
        samshift::expand::expandTemplate(document.root, params);
    if (!expanded.errors.empty() || expanded.unsupported) continue;
    std::map<std::string, std::string> versions = versionsIn(expanded.output);
    for (const samshift::model::ResourceView& resource : templ.resources()) {
      if (resource.type != "AWS::Serverless::Function") continue;
      INFO(path.string() << ": " << resource.id);
      std::optional<std::string> id =
          samshift::expand::functionVersionLogicalId(templ, resource, params);
      auto found = versions.find(std::string(resource.id));
      if (found == versions.end()) {
        CHECK_FALSE(id);
      } else {
        CHECK(id.value_or("(none)") == found->second);
        ++compared;
      }
    }
  }
  CHECK(compared >= (samshift::testing::corpusPresent() ? 40 : 10));
}
