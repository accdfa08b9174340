// A real editor: Neovim's built-in LSP client, headless, against the built `samshift lsp`. The
// Lua side (tests/nvim/lsp_session.lua) opens a template, waits for diagnostics, hovers, applies
// a code action and records what the editor saw; this side checks it.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "lsp/client.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::readFile;
using samshift::testing::TempDir;
using samshift::testing::toJson;
using samshift::testing::writeFile;

namespace {

bool haveNeovim() { return std::system("command -v nvim >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("lsp with Neovim: diagnostics, hover and a code action in a real editor", "[lsp][nvim]") {
  if (!haveNeovim()) {
    WARN(
        "Neovim (nvim) is not installed: the editor test is skipped. Install the Debian package "
        "`neovim`.");
    return;
  }
  TempDir dir;
  fs::path templ = dir.path() / "template.yaml";
  fs::path result = dir.path() / "result.json";
  writeFile(templ, readFile("tests/lsp/references.yaml"));
  fs::path script = fs::absolute("tests/nvim/lsp_session.lua");
  // Keep Neovim's state, cache and LSP log inside the temporary directory.
  std::string env = "XDG_CONFIG_HOME='" + dir.path().string() + "' XDG_DATA_HOME='" +
                    dir.path().string() + "' XDG_STATE_HOME='" + dir.path().string() +
                    "' XDG_CACHE_HOME='" + dir.path().string() + "' SAMSHIFT_BINARY='" +
                    std::string(SAMSHIFT_BINARY) + "' SAMSHIFT_TEMPLATE='" + templ.string() +
                    "' SAMSHIFT_RESULT='" + result.string() + "'";
  std::string command = env + " timeout 120 nvim --headless --clean -u NONE -c \"luafile " +
                        script.string() + "\" </dev/null >'" + (dir.path() / "nvim.out").string() +
                        "' 2>&1";
  int status = std::system(command.c_str());
  INFO("nvim output: " << readFile(dir.path() / "nvim.out"));
  REQUIRE(status == 0);
  rapidjson::Document seen;
  std::string json = readFile(result);
  seen.Parse(json.c_str());
  REQUIRE_FALSE(seen.HasParseError());
  INFO("what Neovim saw: " << json);
  REQUIRE_FALSE(seen.HasMember("error"));
  CHECK(toJson(seen["steps"]) ==
        R"(["attached","diagnostics","hover","applied","relinted","stopped"])");

  // Neovim turns our UTF-16 columns into byte columns: `MissingTable` starts at UTF-16 unit 38,
  // byte 42 (Ü and ï take two bytes each, the rocket four).
  const rapidjson::Value& diagnostics = seen["diagnostics"];
  REQUIRE(diagnostics.Size() == 2);
  CHECK(toJson(diagnostics[0]["code"]) == R"("T002")");
  CHECK(diagnostics[0]["lnum"].GetInt() == 7);
  CHECK(diagnostics[0]["col"].GetInt() == 6);
  CHECK(diagnostics[0]["end_col"].GetInt() == 17);
  CHECK(toJson(diagnostics[1]["code"]) == R"("T005")");
  CHECK(diagnostics[1]["lnum"].GetInt() == 11);
  CHECK(diagnostics[1]["col"].GetInt() == 42);
  CHECK(diagnostics[1]["end_col"].GetInt() == 54);
  CHECK(diagnostics[1]["severity"].GetInt() == 1);
  CHECK(toJson(diagnostics[1]["source"]) == R"("samshift")");
  CHECK(std::string(diagnostics[1]["message"].GetString()) ==
        "`Ref` names `MissingTable`, which is not a parameter or resource of this template");

  std::string hover = seen["hover"].GetString();
  CHECK(hover.rfind("**T005** `unresolved-reference` (error)\n\n", 0) == 0);

  CHECK(toJson(seen["actions"]) == R"x(["Ignore T005 here (`# samshift: ignore[T005]`)"])x");
  const rapidjson::Value& lines = seen["lines_after"];
  REQUIRE(lines.Size() == 13);
  CHECK(std::string(lines[11].GetString()) == "      # samshift: ignore[T005]");
  // Relinted from the unsaved buffer: only the duplicate key is left.
  REQUIRE(seen["diagnostics_after"].Size() == 1);
  CHECK(toJson(seen["diagnostics_after"][0]["code"]) == R"("T002")");
  // Neovim sent shutdown then exit: the server ended with 0.
  CHECK(seen["exit_code"].GetInt() == 0);
  // The file on disk was never written: the server linted the buffer.
  CHECK(readFile(templ) == readFile("tests/lsp/references.yaml"));
}

TEST_CASE("lsp with Neovim: hover, definition, references, outline, completion, rename, lenses",
          "[lsp][nvim]") {
  if (!haveNeovim()) {
    WARN(
        "Neovim (nvim) is not installed: the editor test is skipped. Install the Debian package "
        "`neovim`.");
    return;
  }
  TempDir dir;
  fs::path templ = dir.path() / "template.yaml";
  fs::path lenses = dir.path() / "lenses.yaml";
  fs::path result = dir.path() / "result.json";
  writeFile(templ, readFile("tests/lsp/navigation.yaml"));
  writeFile(lenses, readFile("tests/lsp/lenses.yaml"));
  fs::path script = fs::absolute("tests/nvim/navigation_session.lua");
  std::string env = "XDG_CONFIG_HOME='" + dir.path().string() + "' XDG_DATA_HOME='" +
                    dir.path().string() + "' XDG_STATE_HOME='" + dir.path().string() +
                    "' XDG_CACHE_HOME='" + dir.path().string() + "' SAMSHIFT_BINARY='" +
                    std::string(SAMSHIFT_BINARY) + "' SAMSHIFT_TEMPLATE='" + templ.string() +
                    "' SAMSHIFT_LENSES='" + lenses.string() + "' SAMSHIFT_RESULT='" +
                    result.string() + "'";
  std::string command = env + " timeout 120 nvim --headless --clean -u NONE -c \"luafile " +
                        script.string() + "\" </dev/null >'" + (dir.path() / "nvim.out").string() +
                        "' 2>&1";
  int status = std::system(command.c_str());
  INFO("nvim output: " << readFile(dir.path() / "nvim.out"));
  REQUIRE(status == 0);
  rapidjson::Document seen;
  std::string json = readFile(result);
  seen.Parse(json.c_str());
  REQUIRE_FALSE(seen.HasParseError());
  INFO("what Neovim saw: " << json);
  REQUIRE_FALSE(seen.HasMember("error"));
  CHECK(
      toJson(seen["steps"]) ==
      R"(["attached","hover","definition","references","symbols","completion","renamed","lenses"])");
  CHECK(std::string(seen["hover"].GetString()) ==
        "`Table`: `AWS::DynamoDB::Table`, defined at line 48 (`Resources`).\n");
  // Neovim's cursor: line 48 (1-based), column 2 (0-based bytes).
  CHECK(toJson(seen["definition"]) == "[48,2]");
  CHECK(toJson(seen["references"]) == "[48,17,25,26,27,27,38]");
  CHECK(toJson(seen["symbols"]) ==
        R"(["Parameters: Stage","Conditions: IsProd NotProd","Mappings: Sizes",)"
        R"("Resources: Orders CheckOrders CheckAfter Table ErrorsAlarm LatencyAlarm",)"
        R"("Outputs: LiveAlias Version"])");
  CHECK(toJson(seen["completion"]) == R"(["Table.Arn","Table.StreamArn"])");
  const rapidjson::Value& renamed = seen["renamed"];
  REQUIRE(renamed.Size() == 61);
  CHECK(std::string(renamed[16].GetString()) == "    DependsOn: [Store, CheckOrders]");
  CHECK(std::string(renamed[26].GetString()) ==
        R"(          URL: !Sub "https://${Store}/${Store.Arn}/${AWS::Region}/${Local}")");
  CHECK(std::string(renamed[47].GetString()) == "  Store:");
  CHECK(std::string(seen["refused"].GetString()) == "`Orders` is already defined in `Resources`");
  CHECK(toJson(seen["lenses"]) ==
        R"(["15 10% → 100% after 5 min · 2 alarms · PreTraffic",)"
        R"("20 +10% every 1 min → 100% after 9 min · no alarms",)"
        R"x("31 No deployment: DeploymentPreference is disabled (Enabled: false)",)x"
        R"("57 100% at once · no alarms"])");
  // The buffer was renamed, never the file.
  CHECK(readFile(templ) == readFile("tests/lsp/navigation.yaml"));
}
