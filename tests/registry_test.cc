#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "engine/registry.h"
#include "test_support.h"

using namespace samshift;

TEST_CASE("rule codes and slugs are well formed and unique", "[rules][registry]") {
  std::set<std::string> codes;
  std::set<std::string> slugs;
  const auto& rules = engine::Registry::instance().rules();
  REQUIRE(rules.size() >= 5);
  for (const engine::Rule* rule : rules) {
    const engine::RuleInfo& info = rule->info();
    INFO(info.code);
    CHECK(RE2::FullMatch(std::string(info.code), "[TVADHMRPSX][0-9]{3}"));
    CHECK(RE2::FullMatch(std::string(info.slug), "[a-z0-9]+(-[a-z0-9]+)*"));
    CHECK(codes.insert(std::string(info.code)).second);
    CHECK(slugs.insert(std::string(info.slug)).second);
    CHECK(engine::Registry::instance().find(info.code) == rule);
    CHECK(engine::Registry::instance().find(info.slug) == rule);
  }
}

TEST_CASE("every rule lives in rules/FAMILY/SLUG.cc, its slug with underscores",
          "[rules][registry]") {
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    std::string slug(rule->info().slug);
    std::replace(slug.begin(), slug.end(), '-', '_');
    std::filesystem::path file(engine::Registry::instance().sourceFile(*rule));
    INFO(rule->info().code << " is registered by " << file.string());
    CHECK(file.filename().string() == slug + ".cc");
    CHECK(file.parent_path().parent_path().filename() == "rules");
  }
}

TEST_CASE("every rule documents itself with the fixed headings", "[rules][registry]") {
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    const engine::RuleInfo& info = rule->info();
    INFO(info.code);
    CHECK_FALSE(info.summary.empty());
    CHECK(info.summary.back() != '.');
    std::string doc(info.doc);
    size_t what = doc.find("## What it does");
    size_t why = doc.find("## Why is this bad?");
    size_t example = doc.find("## Example");
    size_t instead = doc.find("## Use instead");
    CHECK(what != std::string::npos);
    CHECK(why != std::string::npos);
    CHECK(example != std::string::npos);
    CHECK(instead != std::string::npos);
    CHECK((what < why && why < example && example < instead));
  }
}

TEST_CASE("docs/rules.md is the rules' own documentation, up to date", "[rules][docs]") {
  auto result = samshift::testing::runSamshift("rules --format markdown");
  REQUIRE(result.exitCode == 0);
  // Regenerate with: build/samshift rules --format markdown > docs/rules.md
  CHECK(result.out == samshift::testing::readFile("docs/rules.md"));
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    CHECK(result.out.find("<a id=\"" + std::string(rule->info().code) + "\"></a>") !=
          std::string::npos);
  }
}
