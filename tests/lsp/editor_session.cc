#include "lsp/editor_session.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "lsp/client.h"

namespace samshift::testing {

namespace fs = std::filesystem;

EditorRun runEditor(const TempDir& dir,
                    std::vector<std::pair<std::string, std::string>> environment,
                    const std::string& command) {
  fs::path result = dir.path() / "result.json";
  fs::path output = dir.path() / "editor.out";
  environment.emplace_back("SAMSHIFT_BINARY", SAMSHIFT_BINARY);
  environment.emplace_back("SAMSHIFT_RESULT", result.string());
  std::string line;
  for (const auto& [name, value] : environment) line += name + "='" + value + "' ";
  line += "timeout 120 " + command + " </dev/null >'" + output.string() + "' 2>&1";
  EditorRun run;
  run.status = std::system(line.c_str());
  run.output = readFile(output);
  if (fs::exists(result)) run.json = readFile(result);
  run.seen.Parse(run.json.c_str());
  return run;
}

std::vector<std::pair<std::string, std::string>> navigationFiles(const TempDir& dir) {
  fs::path templ = dir.path() / "template.yaml";
  fs::path lenses = dir.path() / "lenses.yaml";
  writeFile(templ, readFile("tests/lsp/navigation.yaml"));
  writeFile(lenses, readFile("tests/lsp/lenses.yaml"));
  return {{"SAMSHIFT_TEMPLATE", templ.string()}, {"SAMSHIFT_LENSES", lenses.string()}};
}

void checkNavigationSession(const rapidjson::Value& seen, const TempDir& dir) {
  CHECK(
      toJson(seen["steps"]) ==
      R"(["attached","hover","definition","references","symbols","completion","renamed","lenses"])");
  CHECK(std::string(seen["hover"].GetString()) ==
        "`Table`: `AWS::DynamoDB::Table`, defined at line 48 (`Resources`).\n");
  // The cursor went to the `Table:` key: line 48 (1-based), column 2 (0-based).
  CHECK(toJson(seen["definition"]) == "[48,2]");
  CHECK(toJson(seen["references"]) == "[48,17,25,26,27,27,38]");
  CHECK(toJson(seen["completion"]) == R"(["Table.Arn","Table.StreamArn"])");
  const rapidjson::Value& renamed = seen["renamed"];
  REQUIRE(renamed.Size() >= 61);
  CHECK(std::string(renamed[16].GetString()) == "    DependsOn: [Store, CheckOrders]");
  CHECK(std::string(renamed[26].GetString()) ==
        R"(          URL: !Sub "https://${Store}/${Store.Arn}/${AWS::Region}/${Local}")");
  CHECK(std::string(renamed[37].GetString()) == "    DependsOn: Store");
  CHECK(std::string(renamed[47].GetString()) == "  Store:");
  CHECK(std::string(renamed[60].GetString()) == "    Value: !Ref Orders.Version");
  // A taken name: the server's refusal, as the editor reports it.
  std::string refused = seen["refused"].GetString();
  CHECK(refused.find("`Orders` is already defined in `Resources`") != std::string::npos);
  CHECK(toJson(seen["lenses"]) ==
        R"(["15 10% → 100% after 5 min · 2 alarms · PreTraffic",)"
        R"("20 +10% every 1 min → 100% after 9 min · no alarms",)"
        R"x("31 No deployment: DeploymentPreference is disabled (Enabled: false)",)x"
        R"("57 100% at once · no alarms",)"
        R"("76 +20% every 2 min → 100% after 8 min · no alarms"])");
  // The buffer was renamed, never the file.
  CHECK(readFile(dir.path() / "template.yaml") == readFile("tests/lsp/navigation.yaml"));
}

}  // namespace samshift::testing
