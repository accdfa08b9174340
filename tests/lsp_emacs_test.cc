// A second real editor: Emacs with eglot, headless (`emacs --batch`), against the built
// `samshift lsp`. The Lisp side (tests/emacs/lsp_session.el) uses eglot as a user does (hover,
// xref definitions and references, imenu, completion-at-point, eglot-rename, code lenses through
// its connection) and records what the editor saw; this side checks it.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "lsp/client.h"
#include "lsp/editor_session.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::TempDir;
using samshift::testing::toJson;

namespace {

// Emacs 28 has no eglot of its own: Debian's elpa-eglot provides it.
bool haveEmacsWithEglot() {
  return std::system(
             "command -v emacs >/dev/null 2>&1 && "
             "emacs --batch --eval \"(require 'eglot)\" >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE(
    "lsp with Emacs eglot: hover, definition, references, outline, completion, rename, "
    "lenses",
    "[lsp][emacs]") {
  if (!haveEmacsWithEglot()) {
    WARN(
        "Emacs with eglot is not installed: the editor test is skipped. Install the Debian "
        "packages `emacs-nox` and `elpa-eglot`.");
    return;
  }
  TempDir dir;
  // HOME in the temporary directory: nothing of the user's Emacs setup is read or written.
  auto environment = samshift::testing::navigationFiles(dir);
  environment.emplace_back("HOME", dir.path().string());
  std::string script = fs::absolute("tests/emacs/lsp_session.el").string();
  samshift::testing::EditorRun run =
      samshift::testing::runEditor(dir, environment, "emacs --batch -l '" + script + "'");
  INFO("emacs output: " << run.output);
  REQUIRE(run.status == 0);
  REQUIRE_FALSE(run.seen.HasParseError());
  INFO("what Emacs saw: " << run.json);
  REQUIRE_FALSE(run.seen.HasMember("error"));
  samshift::testing::checkNavigationSession(run.seen, dir);
  // eglot's imenu groups each level by the kind of symbol.
  CHECK(toJson(run.seen["symbols"]) ==
        R"(["Variable/Parameters/Stage","Boolean/Conditions/IsProd","Boolean/Conditions/NotProd",)"
        R"("Object/Mappings/Sizes","Class/Resources/Orders","Class/Resources/CheckOrders",)"
        R"("Class/Resources/CheckAfter","Class/Resources/Table","Class/Resources/ErrorsAlarm",)"
        R"("Class/Resources/LatencyAlarm","Namespace/Parameters","Namespace/Conditions",)"
        R"("Namespace/Mappings","Namespace/Resources","Namespace/Outputs",)"
        R"("Property/Outputs/LiveAlias","Property/Outputs/Version"])");
  // Emacs keeps the last line break as an empty last line.
  CHECK(run.seen["renamed"].Size() == 62);
  CHECK(std::string(run.seen["refused"].GetString()).find("-32803") != std::string::npos);
}
