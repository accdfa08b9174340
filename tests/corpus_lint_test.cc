// Every file of the shared corpus lints without a crash, through the real binary, and each gets
// an honest exit code (runs only where ../shared is present).

#include <catch2/catch.hpp>

#include <filesystem>
#include <vector>

#include "engine/runner.h"
#include "load/loader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;

namespace {

std::vector<fs::path> corpusFiles() {
  std::vector<fs::path> files;
  for (const char* dir : {"sam-translator/input", "cfn-lint/templates"}) {
    for (const auto& entry : fs::recursive_directory_iterator(testing::corpusRoot() / dir)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() &&
          (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template")) {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every corpus template loads and lints in-process without a rule failure", "[corpus]") {
  if (!testing::corpusPresent()) {
    WARN("../shared/corpus is absent: corpus test skipped");
    return;
  }
  std::vector<fs::path> files = corpusFiles();
  REQUIRE(files.size() >= 1000);
  size_t parsed = 0;
  for (const fs::path& file : files) {
    auto doc = load::loadFile(file.string());
    REQUIRE(doc.ok());
    engine::LintResult result = engine::lintDocument(doc.value(), {});
    parsed += doc->parsed ? 1 : 0;
    for (const core::Diagnostic& d : result.diagnostics) {
      INFO(file.string() << ": " << d.message);
      CHECK(d.code != "X001");  // no rule may fail on real templates
    }
  }
  // The corpus holds a handful of deliberately broken files, nothing more.
  CHECK(parsed + 10 >= files.size());
}

TEST_CASE("linting the whole corpus through the CLI exits 0, 1 or 2", "[corpus][cli]") {
  if (!testing::corpusPresent()) {
    WARN("../shared/corpus is absent: corpus test skipped");
    return;
  }
  auto result = testing::runSamshift(
      "lint --color never -j2 ../shared/corpus/sam-translator/input "
      "../shared/corpus/cfn-lint/templates");
  CHECK((result.exitCode == 1 || result.exitCode == 2));
  CHECK(result.out.find("error T") != std::string::npos);
  CHECK(result.err.find("samshift:") == std::string::npos);  // every file could be read
}
