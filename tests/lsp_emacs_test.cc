// A second real editor: Emacs with eglot, headless (`emacs --batch`), against the built
// `samshift lsp`. The Lisp side (tests/emacs/lsp_session.el) uses eglot as a user does (hover,
// xref definitions and references, imenu, completion-at-point, eglot-rename, code lenses through
// its connection) and records what the editor saw; this side checks it.

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
  fs::path templ = dir.path() / "template.yaml";
  fs::path lenses = dir.path() / "lenses.yaml";
  fs::path result = dir.path() / "result.json";
  writeFile(templ, readFile("tests/lsp/navigation.yaml"));
  writeFile(lenses, readFile("tests/lsp/lenses.yaml"));
  fs::path script = fs::absolute("tests/emacs/lsp_session.el");
  // HOME in the temporary directory: nothing of the user's Emacs setup is read or written.
  std::string env = "HOME='" + dir.path().string() + "' SAMSHIFT_BINARY='" +
                    std::string(SAMSHIFT_BINARY) + "' SAMSHIFT_TEMPLATE='" + templ.string() +
                    "' SAMSHIFT_LENSES='" + lenses.string() + "' SAMSHIFT_RESULT='" +
                    result.string() + "'";
  std::string command = env + " timeout 120 emacs --batch -l '" + script.string() +
                        "' </dev/null >'" + (dir.path() / "emacs.out").string() + "' 2>&1";
  int status = std::system(command.c_str());
  INFO("emacs output: " << readFile(dir.path() / "emacs.out"));
  REQUIRE(status == 0);
  rapidjson::Document seen;
  std::string json = readFile(result);
  seen.Parse(json.c_str());
  REQUIRE_FALSE(seen.HasParseError());
  INFO("what Emacs saw: " << json);
  REQUIRE_FALSE(seen.HasMember("error"));
  CHECK(
      toJson(seen["steps"]) ==
      R"(["attached","hover","definition","references","symbols","completion","renamed","lenses"])");
  CHECK(std::string(seen["hover"].GetString()) ==
        "`Table`: `AWS::DynamoDB::Table`, defined at line 48 (`Resources`).\n");
  // xref moved point to the `Table:` key: line 48, column 2.
  CHECK(toJson(seen["definition"]) == "[48,2]");
  CHECK(toJson(seen["references"]) == "[48,17,25,26,27,27,38]");
  // eglot's imenu groups each level by the kind of symbol.
  CHECK(toJson(seen["symbols"]) ==
        R"(["Variable/Parameters/Stage","Boolean/Conditions/IsProd","Boolean/Conditions/NotProd",)"
        R"("Object/Mappings/Sizes","Class/Resources/Orders","Class/Resources/CheckOrders",)"
        R"("Class/Resources/CheckAfter","Class/Resources/Table","Class/Resources/ErrorsAlarm",)"
        R"("Class/Resources/LatencyAlarm","Namespace/Parameters","Namespace/Conditions",)"
        R"("Namespace/Mappings","Namespace/Resources","Namespace/Outputs",)"
        R"("Property/Outputs/LiveAlias","Property/Outputs/Version"])");
  CHECK(toJson(seen["completion"]) == R"(["Table.Arn","Table.StreamArn"])");
  const rapidjson::Value& renamed = seen["renamed"];
  REQUIRE(renamed.Size() == 62);  // the last line is empty: the text ends with a line break
  CHECK(std::string(renamed[16].GetString()) == "    DependsOn: [Store, CheckOrders]");
  CHECK(std::string(renamed[26].GetString()) ==
        R"(          URL: !Sub "https://${Store}/${Store.Arn}/${AWS::Region}/${Local}")");
  CHECK(std::string(renamed[37].GetString()) == "    DependsOn: Store");
  CHECK(std::string(renamed[47].GetString()) == "  Store:");
  CHECK(std::string(renamed[61].GetString()).empty());
  std::string refused = seen["refused"].GetString();
  CHECK(refused.find("-32803") != std::string::npos);
  CHECK(refused.find("`Orders` is already defined in `Resources`") != std::string::npos);
  CHECK(toJson(seen["lenses"]) ==
        R"(["15 10% → 100% after 5 min · 2 alarms · PreTraffic",)"
        R"("20 +10% every 1 min → 100% after 9 min · no alarms",)"
        R"x("31 No deployment: DeploymentPreference is disabled (Enabled: false)",)x"
        R"("57 100% at once · no alarms"])");
  CHECK(readFile(templ) == readFile("tests/lsp/navigation.yaml"));
}
