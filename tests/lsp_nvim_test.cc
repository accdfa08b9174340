// A real editor: Neovim's built-in LSP client, headless, against the built `samshift lsp`. The
// Lua side (tests/nvim/lsp_session.lua) opens a template, waits for diagnostics, hovers, applies
// a code action and records what the editor saw; this side checks it.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "lsp/client.h"
#include "lsp/editor_session.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::readFile;
using samshift::testing::TempDir;
using samshift::testing::toJson;
using samshift::testing::writeFile;

namespace {

// False, saying that the test is skipped, when there is no Neovim.
bool haveNeovim() {
  if (std::system("command -v nvim >/dev/null 2>&1") == 0) return true;
  WARN(
      "Neovim (nvim) is not installed: the editor test is skipped. Install the Debian package "
      "`neovim`.");
  return false;
}

// Keeps Neovim's state, cache and LSP log inside the temporary directory.
std::vector<std::pair<std::string, std::string>> neovimHome(
    const TempDir& dir, std::vector<std::pair<std::string, std::string>> environment) {
  for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})
    environment.emplace_back(name, dir.path().string());
  return environment;
}

}  // namespace

TEST_CASE("lsp with Neovim: diagnostics, hover and a code action in a real editor", "[lsp][nvim]") {
  if (!haveNeovim()) return;
  TempDir dir;
  fs::path templ = dir.path() / "template.yaml";
  writeFile(templ, readFile("tests/lsp/references.yaml"));
  std::string script = fs::absolute("tests/nvim/lsp_session.lua").string();
  samshift::testing::EditorRun run =
      samshift::testing::runEditor(dir, neovimHome(dir, {{"SAMSHIFT_TEMPLATE", templ.string()}}),
                                   "nvim --headless --clean -u NONE -c \"luafile " + script + "\"");
  INFO("nvim output: " << run.output);
  REQUIRE(run.status == 0);
  REQUIRE_FALSE(run.seen.HasParseError());
  INFO("what Neovim saw: " << run.json);
  const rapidjson::Value& seen = run.seen;
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
  if (!haveNeovim()) return;
  TempDir dir;
  std::string script = fs::absolute("tests/nvim/navigation_session.lua").string();
  samshift::testing::EditorRun run =
      samshift::testing::runEditor(dir, neovimHome(dir, samshift::testing::navigationFiles(dir)),
                                   "nvim --headless --clean -u NONE -c \"luafile " + script + "\"");
  INFO("nvim output: " << run.output);
  REQUIRE(run.status == 0);
  REQUIRE_FALSE(run.seen.HasParseError());
  INFO("what Neovim saw: " << run.json);
  REQUIRE_FALSE(run.seen.HasMember("error"));
  samshift::testing::checkNavigationSession(run.seen, dir);
  // The outline, each section with what it defines.
  CHECK(toJson(run.seen["symbols"]) ==
        R"(["Parameters: Stage","Conditions: IsProd NotProd","Mappings: Sizes",)"
        R"("Resources: Orders CheckOrders CheckAfter Table ErrorsAlarm LatencyAlarm",)"
        R"("Outputs: LiveAlias Version"])");
  CHECK(run.seen["renamed"].Size() == 61);
}
