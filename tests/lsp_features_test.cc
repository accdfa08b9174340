// Hover, completion and code actions, through the in-process server (what an editor sees) and
// through the feature functions directly.

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "engine/registry.h"
#include "lsp/client.h"
#include "lsp/code_actions.h"
#include "lsp/completion.h"
#include "lsp/hover.h"
#include "lsp/text_edit.h"
#include "sam/deployment_model.h"
#include "test_support.h"

using samshift::testing::jsonQuote;
using samshift::testing::readFile;
using samshift::testing::runInProcess;
using samshift::testing::Script;
using samshift::testing::Session;
using samshift::testing::toJson;

namespace {

std::string position(std::string_view uri, int line, int character) {
  return R"({"textDocument":{"uri":)" + jsonQuote(uri) + R"(},"position":{"line":)" +
         std::to_string(line) + R"(,"character":)" + std::to_string(character) + "}}";
}

std::string range(std::string_view uri, int line, int character) {
  std::string at =
      R"({"line":)" + std::to_string(line) + R"(,"character":)" + std::to_string(character) + "}";
  return R"({"textDocument":{"uri":)" + jsonQuote(uri) + R"(},"range":{"start":)" + at +
         R"(,"end":)" + at + R"(},"context":{"diagnostics":[]}})";
}

const rapidjson::Value& resultOf(const Session& session, int id) {
  const rapidjson::Value* response = session.response(id);
  REQUIRE(response != nullptr);
  REQUIRE(response->HasMember("result"));
  return (*response)["result"];
}

// Applies a WorkspaceEdit's edits for `uri` (LSP applies them against the original text, so
// from the last to the first).
std::string applyEdit(std::string text, const rapidjson::Value& edit, std::string_view uri) {
  const rapidjson::Value& changes = edit["changes"];
  auto found = changes.FindMember(rapidjson::Value(rapidjson::StringRef(uri.data(), uri.size())));
  REQUIRE(found != changes.MemberEnd());
  const rapidjson::Value& edits = found->value;
  std::vector<const rapidjson::Value*> ordered;
  for (const auto& e : edits.GetArray()) ordered.push_back(&e);
  std::reverse(ordered.begin(), ordered.end());
  for (const rapidjson::Value* e : ordered) {
    const rapidjson::Value& r = (*e)["range"];
    samshift::lsp::ContentChange change;
    change.start = samshift::core::LspPosition{r["start"]["line"].GetUint(),
                                               r["start"]["character"].GetUint()};
    change.end =
        samshift::core::LspPosition{r["end"]["line"].GetUint(), r["end"]["character"].GetUint()};
    change.text = (*e)["newText"].GetString();
    auto applied = samshift::lsp::applyChange(text, change);
    REQUIRE(applied.ok());
    text = applied.value();
  }
  return text;
}

// D001 (DeploymentPreference without AutoPublishAlias) comes from the rules family being built in
// parallel; the fix is offered either way, and linked to the finding when the rule exists.
bool d001Registered() { return samshift::engine::Registry::instance().find("D001") != nullptr; }

// The codes of the findings these tests are about (other rules may fire on the fixtures).
std::vector<std::string> codesOf(const rapidjson::Value& published) {
  std::vector<std::string> codes;
  for (const auto& d : published["diagnostics"].GetArray()) {
    std::string code = d["code"].GetString();
    if (code == "D001" || code == "D002" || code == "T005") codes.push_back(code);
  }
  return codes;
}

std::vector<std::string> expectCodes(std::vector<std::string> codes) {
  if (!d001Registered()) codes.erase(std::remove(codes.begin(), codes.end(), "D001"), codes.end());
  return codes;
}

std::vector<std::string> labels(const rapidjson::Value& items) {
  std::vector<std::string> out;
  for (const auto& item : items.GetArray()) out.push_back(item["label"].GetString());
  return out;
}

samshift::lsp::Analysis analyzed(const std::string& text) {
  return samshift::lsp::analyze("template.yaml", text, {});
}

uint32_t offsetOf(const std::string& text, std::string_view needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<uint32_t>(at);
}

constexpr const char* kCanary = "file:///work/canary.yaml";
constexpr const char* kFixable = "file:///work/fixable.yaml";

}  // namespace

TEST_CASE("lsp hover: the traffic-shifting schedule on a DeploymentPreference Type", "[lsp]") {
  Session session = runInProcess(Script()
                                     .initialize()
                                     .open(kCanary, readFile("tests/lsp/canary.yaml"))
                                     .request(2, "textDocument/hover", position(kCanary, 10, 20))
                                     .request(3, "textDocument/hover", position(kCanary, 10, 9))
                                     .shutdownAndExit(9));
  const rapidjson::Value& hover = resultOf(session, 2);
  CHECK(toJson(hover["range"]) ==
        R"({"start":{"line":10,"character":14},"end":{"line":10,"character":37}})");
  CHECK(std::string(hover["contents"]["kind"].GetString()) == "markdown");
  CHECK(std::string(hover["contents"]["value"].GetString()) ==
        "**Canary10Percent5Minutes** traffic shifting for `Orders`, alias `live`\n\n"
        "10% at once, the remaining 90% after 5 minutes.\n\n"
        "| minute | on the new version |\n|---:|---:|\n| 0 | 10% |\n| 5 | 100% |\n\n"
        "- Before any traffic shifts, CodeDeploy runs the PreTraffic hook `PreTrafficHook`.\n"
        "- Alarms watched during the deployment: `ErrorsAlarm`.\n"
        "- Rollback: CodeDeploy rolls back when an alarm fires, a hook fails or the deployment is "
        "stopped.\n");
  // On the key `Type` as well, with the key's range.
  CHECK(toJson(resultOf(session, 3)["range"]) ==
        R"({"start":{"line":10,"character":8},"end":{"line":10,"character":12}})");
}

TEST_CASE("lsp hover: AutoPublishAlias lists the resources SAM generates", "[lsp]") {
  Session session = runInProcess(Script()
                                     .initialize()
                                     .open(kCanary, readFile("tests/lsp/canary.yaml"))
                                     .request(2, "textDocument/hover", position(kCanary, 8, 26))
                                     .request(3, "textDocument/hover", position(kCanary, 0, 0))
                                     .shutdownAndExit(9));
  const rapidjson::Value& hover = resultOf(session, 2);
  CHECK(toJson(hover["range"]) ==
        R"({"start":{"line":8,"character":24},"end":{"line":8,"character":28}})");
  // The version's logical ID comes from `samshift expand`: the function's ID and 10 hex digits.
  std::string text =
      std::regex_replace(std::string(hover["contents"]["value"].GetString()),
                         std::regex("`OrdersVersion[0-9a-f]{10}`"), "`OrdersVersion<hash>`");
  CHECK(text ==
        "SAM publishes a version of `Orders` on every deploy that changes it, and points alias "
        "`live` at it. "
        "Resources it generates:\n\n"
        "| logical id | type |\n|---|---|\n"
        "| `OrdersVersion<hash>` | AWS::Lambda::Version |\n"
        "| `OrdersAliaslive` | AWS::Lambda::Alias |\n"
        "| `ServerlessDeploymentApplication` | AWS::CodeDeploy::Application (one per template) |\n"
        "| `OrdersDeploymentGroup` | AWS::CodeDeploy::DeploymentGroup |\n"
        "| `CodeDeployServiceRole` | AWS::IAM::Role (unless every preference has a `Role`) |\n\n"
        "The version's suffix is a hash of the code and properties: it changes with every change "
        "that publishes "
        "a new version. Refer to them as `!Ref Orders.Alias` and `!Ref Orders.Version`.\n");
  // Nothing to say on `Transform`.
  CHECK(resultOf(session, 3).IsNull());
}

TEST_CASE("lsp hover: alias logical ids and state machines", "[lsp]") {
  CHECK(samshift::sam::aliasLogicalId("Fn", "under_score-dash") == "FnAliasunderUscoreDdash");
  std::string text =
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  Flow:\n"
      "    Type: AWS::Serverless::StateMachine\n    Properties:\n      AutoPublishAlias: prod\n"
      "      DefinitionUri: s3://bucket/flow.json\n";
  auto hover = samshift::lsp::autoPublishAliasHover(analyzed(text), offsetOf(text, "prod"));
  REQUIRE(hover);
  CHECK(hover->markdown ==
        "SAM publishes a version of `Flow` on every deploy that changes it, and points alias "
        "`prod` at it. "
        "Resources it generates:\n\n| logical id | type |\n|---|---|\n"
        "| `FlowVersion` | AWS::StepFunctions::StateMachineVersion |\n"
        "| `FlowAliasprod` | AWS::StepFunctions::StateMachineAlias |\n");
}

TEST_CASE("lsp hover: when the function does not expand, the version's hash is left open",
          "[lsp]") {
  // samshift expands only s3:// code; and SAM rejects `Other` (a preference without an alias),
  // which does not change `Fn`'s version.
  std::string text =
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: "
      "AWS::Serverless::Function\n"
      "    Properties: {CodeUri: ./src, Handler: a.b, Runtime: python3.12, AutoPublishAlias: "
      "v-1_x}\n"
      "  Other:\n    Type: AWS::Serverless::Function\n"
      "    Properties: {CodeUri: s3://b/k.zip, Handler: a.b, Runtime: python3.12,\n"
      "                 DeploymentPreference: {Type: AllAtOnce}}\n";
  auto hover = samshift::lsp::autoPublishAliasHover(analyzed(text), offsetOf(text, "v-1_x"));
  REQUIRE(hover);
  CHECK(hover->markdown.find("| `FnVersion`*hash* | AWS::Lambda::Version |\n| `FnAliasvD1Ux` | "
                             "AWS::Lambda::Alias |\n") != std::string::npos);
  // No deployment preference: no CodeDeploy resources.
  CHECK(hover->markdown.find("CodeDeploy") == std::string::npos);
}

TEST_CASE("lsp hover: a Type in Globals describes the configuration by name", "[lsp]") {
  std::string text =
      "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    AutoPublishAlias: live\n"
      "    DeploymentPreference:\n      Type: Linear10PercentEvery2Minutes\nResources:\n  Fn:\n"
      "    Type: AWS::Serverless::Function\n    Properties: {CodeUri: s3://b/k.zip, Handler: a.b, "
      "Runtime: python3.12}\n";
  auto hover = samshift::lsp::deploymentTypeHover(analyzed(text), offsetOf(text, "Linear10"));
  REQUIRE(hover);
  CHECK(hover->markdown ==
        "**Linear10PercentEvery2Minutes** (CodeDeployDefault.LambdaLinear10PercentEvery2Minutes): "
        "10% at once, then "
        "10% more every 2 minutes, 100% after 18 minutes.\n\n"
        "Set in `Globals`: every function with an `AutoPublishAlias` uses it.\n");
}

TEST_CASE("lsp hover: a finding shows its rule's documentation", "[lsp]") {
  std::string text = readFile("tests/lsp/references.yaml");
  samshift::lsp::Analysis analysis = analyzed(text);
  auto hover = samshift::lsp::diagnosticHover(analysis, offsetOf(text, "MissingTable") + 3);
  REQUIRE(hover);
  CHECK(hover->markdown.rfind("**T005** `unresolved-reference` (error)\n\n", 0) == 0);
  CHECK(hover->markdown.find("## What it does") != std::string::npos);
  CHECK(hover->span.begin == offsetOf(text, "MissingTable"));
  CHECK_FALSE(samshift::lsp::diagnosticHover(analysis, offsetOf(text, "AWS::SQS::Queue")));
}

TEST_CASE("lsp completion: deployment types, keys and logical ids", "[lsp]") {
  std::string text = readFile("tests/lsp/completion.yaml");
  Session session = runInProcess(
      Script()
          .initialize()
          .open(kCanary, text)
          .request(2, "textDocument/completion", position(kCanary, 7, 17))   // Type: Can|
          .request(3, "textDocument/completion", position(kCanary, 9, 13))   // Hooks: Pre|
          .request(4, "textDocument/completion", position(kCanary, 10, 8))   // empty key
          .request(5, "textDocument/completion", position(kCanary, 13, 21))  // !Ref Ord|
          .request(6, "textDocument/completion", position(kCanary, 14, 21))  // !GetAtt |
          .request(7, "textDocument/completion", position(kCanary, 7, 14))   // Type: |
          .request(8, "textDocument/completion", position(kCanary, 3, 10))   // elsewhere
          .shutdownAndExit(9));
  const rapidjson::Value& types = resultOf(session, 2);
  CHECK(labels(types) ==
        std::vector<std::string>{"Canary10Percent5Minutes", "Canary10Percent10Minutes",
                                 "Canary10Percent15Minutes", "Canary10Percent30Minutes"});
  CHECK(
      toJson(types[0]) ==
      R"({"label":"Canary10Percent5Minutes","kind":20,"detail":"10% at once, the remaining 90% after 5 minutes",)"
      R"("textEdit":{"range":{"start":{"line":7,"character":14},"end":{"line":7,"character":17}},)"
      R"("newText":"Canary10Percent5Minutes"},"documentation":"CodeDeployDefault.LambdaCanary10Percent5Minutes"})");
  CHECK(
      toJson(resultOf(session, 3)) ==
      R"([{"label":"PreTraffic","kind":10,"detail":"A Lambda function CodeDeploy runs before shifting any traffic",)"
      R"("textEdit":{"range":{"start":{"line":9,"character":10},"end":{"line":9,"character":13}},)"
      R"("newText":"PreTraffic: "}}])");
  CHECK(labels(resultOf(session, 4)) ==
        std::vector<std::string>{"Type", "Enabled", "Hooks", "Alarms", "Role",
                                 "TriggerConfigurations", "PassthroughCondition"});
  CHECK(labels(resultOf(session, 5)) ==
        std::vector<std::string>{"Orders", "Orders.Alias", "Orders.Version"});
  CHECK(labels(resultOf(session, 6)) == std::vector<std::string>{"Orders", "Custom"});
  const rapidjson::Value& all = resultOf(session, 7);
  std::vector<std::string> allLabels = labels(all);
  REQUIRE(allLabels.size() == 11);
  CHECK(allLabels[8] == "AllAtOnce");
  // The template's own configuration: by `!Ref` to its resource, or by its name.
  CHECK(
      toJson(all[9]) ==
      R"({"label":"Custom","kind":18,"detail":"custom AWS::CodeDeploy::DeploymentConfig","textEdit":)"
      R"({"range":{"start":{"line":7,"character":14},"end":{"line":7,"character":14}},"newText":"!Ref Custom"}})");
  CHECK(allLabels[10] == "TenPercentEveryMinute");
  CHECK(toJson(resultOf(session, 8)) == "[]");
}

TEST_CASE("lsp completion: context from the text of a buffer that does not parse", "[lsp]") {
  using Kind = samshift::lsp::CompletionContext::Kind;
  std::string text =
      "Resources:\n  Fn:\n    Properties:\n      DeploymentPreference:\n        Hooks:\n          "
      "- bad: [\n"
      "          Post\n        Type: \"Lin\n      Other:\n        Type: Can\n";
  CHECK(samshift::lsp::completionContext(text, offsetOf(text, "Post") + 4).kind == Kind::kHooksKey);
  auto type = samshift::lsp::completionContext(text, offsetOf(text, "Lin") + 3);
  CHECK(type.kind == Kind::kDeploymentType);
  CHECK(type.prefix == "Lin");
  CHECK(samshift::lsp::completionContext(text, offsetOf(text, "Can") + 3).kind == Kind::kNone);
  auto sub = samshift::lsp::completionContext("      Value: !Sub \"arn:${AWS::Reg", 33);
  CHECK(sub.kind == Kind::kRef);
  CHECK(sub.prefix == "AWS::Reg");
  std::string json = R"({"Resources": {"A": {"Properties": {"X": {"Ref": "Fo)";
  auto ref = samshift::lsp::completionContext(json, static_cast<uint32_t>(json.size()));
  CHECK(ref.kind == Kind::kRef);
  CHECK(ref.prefix == "Fo");
}

TEST_CASE("lsp completion: context on lone CR and CRLF lines", "[lsp]") {
  using Kind = samshift::lsp::CompletionContext::Kind;
  for (std::string_view lineBreak : {"\r", "\r\n"}) {
    std::string text =
        "Resources:\n  Fn:\n    Properties:\n      DeploymentPreference:\n        Hooks:\n"
        "          Post\n        Type: Lin\n      Other:\n        Type: Can\n";
    text = std::regex_replace(text, std::regex("\n"), std::string(lineBreak));
    CHECK(samshift::lsp::completionContext(text, offsetOf(text, "Post") + 4).kind ==
          Kind::kHooksKey);
    auto type = samshift::lsp::completionContext(text, offsetOf(text, "Lin") + 3);
    CHECK(type.kind == Kind::kDeploymentType);
    CHECK(type.prefix == "Lin");
    CHECK(samshift::lsp::completionContext(text, offsetOf(text, "Can") + 3).kind == Kind::kNone);
  }
}

TEST_CASE("lsp code actions: each quick fix, applied, removes its finding", "[lsp]") {
  std::string text = readFile("tests/lsp/fixable.yaml");
  Session session = runInProcess(Script()
                                     .initialize()
                                     .open(kFixable, text)
                                     .request(2, "textDocument/codeAction", range(kFixable, 9, 16))
                                     .request(3, "textDocument/codeAction", range(kFixable, 18, 25))
                                     .shutdownAndExit(9));
  CHECK(codesOf(*session.lastDiagnostics(kFixable)) == expectCodes({"D001", "D002", "T005"}));
  const rapidjson::Value& onType = resultOf(session, 2);
  std::vector<std::string> titles;
  for (const auto& action : onType.GetArray()) titles.push_back(action["title"].GetString());
  std::vector<std::string> expected = {
      "Add `AutoPublishAlias: live` to `Orders`",
      "Replace `Canary10Percent20Minutes` with `Canary10Percent10Minutes`",
      "Replace `Canary10Percent20Minutes` with `Canary10Percent30Minutes`"};
  // D001 covers the whole preference, so the cursor on `Type` is on both findings.
  if (d001Registered()) expected.push_back("Ignore D001 here (`# samshift: ignore[D001]`)");
  expected.push_back("Ignore D002 here (`# samshift: ignore[D002]`)");
  CHECK(titles == expected);
  CHECK(toJson(onType[1]["edit"]) ==
        R"({"changes":{"file:///work/fixable.yaml":[{"range":{"start":{"line":9,"character":14},)"
        R"("end":{"line":9,"character":38}},"newText":"Canary10Percent10Minutes"}]}})");
  CHECK(std::string(onType[1]["diagnostics"][0]["code"].GetString()) == "D002");
  CHECK(onType[1]["isPreferred"].GetBool());
  if (d001Registered())
    CHECK(std::string(onType[0]["diagnostics"][0]["code"].GetString()) == "D001");
  const rapidjson::Value& onRef = resultOf(session, 3);
  REQUIRE(onRef.Size() == 1);
  CHECK(toJson(onRef[0]["edit"]) ==
        R"({"changes":{"file:///work/fixable.yaml":[{"range":{"start":{"line":18,"character":0},)"
        R"("end":{"line":18,"character":0}},"newText":"          # samshift: ignore[T005]\n"}]}})");

  // Apply each fix, as an editor would, and lint the result.
  std::string step1 = applyEdit(text, onType[0]["edit"], kFixable);
  CHECK(step1.find("      AutoPublishAlias: live\n      DeploymentPreference:\n") !=
        std::string::npos);
  std::string step2 = applyEdit(text, onType[1]["edit"], kFixable);
  std::string step3 = applyEdit(text, onRef[0]["edit"], kFixable);
  Session after = runInProcess(Script()
                                   .initialize()
                                   .open("file:///work/1.yaml", step1)
                                   .open("file:///work/2.yaml", step2)
                                   .open("file:///work/3.yaml", step3)
                                   .shutdownAndExit(9));
  CHECK(codesOf(*after.lastDiagnostics("file:///work/1.yaml")) == expectCodes({"D002", "T005"}));
  CHECK(codesOf(*after.lastDiagnostics("file:///work/2.yaml")) == expectCodes({"D001", "T005"}));
  CHECK(codesOf(*after.lastDiagnostics("file:///work/3.yaml")) == expectCodes({"D001", "D002"}));
}

TEST_CASE("lsp code actions: an existing ignore comment is extended; JSON gets no comments",
          "[lsp]") {
  std::string text =
      "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    # samshift: ignore[D]\n"
      "    DependsOn: Nothing\n";
  samshift::lsp::Analysis analysis = analyzed(text);
  uint32_t at = offsetOf(text, "Nothing");
  auto actions = samshift::lsp::codeActions(analysis, {at, at});
  REQUIRE(actions.size() == 1);
  REQUIRE(actions[0].edits.size() == 1);
  CHECK(actions[0].edits[0].span.begin == offsetOf(text, "D]\n") + 1);
  CHECK(actions[0].edits[0].newText == ", T005");

  std::string json =
      R"({"Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": )"
      R"({"CodeUri": "s3://b/k.zip", "DeploymentPreference": {"Type": "AllAtOnse"}}}}})";
  samshift::lsp::Analysis jsonAnalysis = samshift::lsp::analyze("t.json", json, {});
  auto jsonActions = samshift::lsp::codeActions(
      jsonAnalysis, {offsetOf(json, "AllAtOnse"), offsetOf(json, "AllAtOnse")});
  std::vector<std::string> titles;
  for (const auto& action : jsonActions) titles.push_back(action.title);
  CHECK(titles == std::vector<std::string>{"Add `AutoPublishAlias: live` to `Fn`",
                                           "Replace `AllAtOnse` with `AllAtOnce`"});
  CHECK(jsonActions[0].edits[0].newText == "\"AutoPublishAlias\": \"live\", ");
  CHECK(jsonActions[0].edits[0].span.begin == offsetOf(json, "\"DeploymentPreference\""));
  CHECK(jsonActions[1].edits[0].span.begin == offsetOf(json, "AllAtOnse"));
}

TEST_CASE("lsp hover: JSON templates", "[lsp]") {
  std::string json =
      R"({"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Fn": {"Type": "AWS::Serverless::Function",)"
      R"( "Properties": {"CodeUri": "s3://b/k.zip", "Handler": "a.b", "Runtime": "python3.12",)"
      R"( "AutoPublishAlias": "live", "DeploymentPreference": {"Type": "Linear10PercentEvery1Minute"}}}}})";
  samshift::lsp::Analysis analysis = samshift::lsp::analyze("t.json", json, {});
  auto hover = samshift::lsp::deploymentTypeHover(
      analysis, offsetOf(json, "Linear10PercentEvery1Minute") + 2);
  REQUIRE(hover);
  CHECK(hover->markdown.rfind(
            "**Linear10PercentEvery1Minute** traffic shifting for `Fn`, alias `live`\n\n"
            "10% at once, then 10% more every minute, 100% after 9 minutes.\n",
            0) == 0);
  auto alias = samshift::lsp::autoPublishAliasHover(analysis, offsetOf(json, "\"live\""));
  REQUIRE(alias);
  CHECK(alias->markdown.find("| `FnAliaslive` | AWS::Lambda::Alias |\n") != std::string::npos);
}

TEST_CASE("lsp code actions: AutoPublishAlias in flow mappings and for a preference from Globals",
          "[lsp]") {
  std::string flow =
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: "
      "AWS::Serverless::Function\n"
      "    Properties: {CodeUri: s3://b/k.zip, DeploymentPreference: {Type: AllAtOnce}}\n";
  auto actions =
      samshift::lsp::codeActions(analyzed(flow), {offsetOf(flow, "Fn:"), offsetOf(flow, "Fn:")});
  REQUIRE(!actions.empty());
  CHECK(actions[0].title == "Add `AutoPublishAlias: live` to `Fn`");
  REQUIRE(actions[0].edits.size() == 1);
  CHECK(actions[0].edits[0].span.begin == offsetOf(flow, "DeploymentPreference"));
  CHECK(actions[0].edits[0].newText == "AutoPublishAlias: live, ");

  std::string globals =
      "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    DeploymentPreference:\n"
      "      Type: AllAtOnce\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
      "    Properties:\n      CodeUri: s3://b/k.zip\n";
  auto fromGlobals = samshift::lsp::codeActions(
      analyzed(globals), {offsetOf(globals, "Fn:"), offsetOf(globals, "Fn:")});
  REQUIRE(!fromGlobals.empty());
  CHECK(fromGlobals[0].title == "Add `AutoPublishAlias: live` to `Fn`");
  // Added to this function's own Properties, first, not to Globals (which other functions share).
  CHECK(fromGlobals[0].edits[0].span.begin == offsetOf(globals, "      CodeUri"));
  CHECK(fromGlobals[0].edits[0].newText == "      AutoPublishAlias: live\n");
}

namespace {

// `text` with its i-th line break replaced by breaks[i % breaks.size()].
std::string withBreaks(const std::string& text, const std::vector<std::string>& breaks) {
  std::string out;
  size_t line = 0;
  for (char c : text) {
    if (c == '\n') {
      out += breaks[line++ % breaks.size()];
    } else {
      out += c;
    }
  }
  return out;
}

// `text` with `line` inserted before the line that starts with `before`, ended by the break
// that ends that line.
std::string insertLineBefore(const std::string& text, std::string_view before,
                             std::string_view line) {
  size_t at = text.find(before);
  REQUIRE(at != std::string::npos);
  size_t end = text.find_first_of("\r\n", at);
  std::string lineBreak = text.compare(end, 2, "\r\n") == 0 ? "\r\n" : text.substr(end, 1);
  return text.substr(0, at) + std::string(line) + lineBreak + text.substr(at);
}

}  // namespace

TEST_CASE("lsp code actions: quick fixes on lone CR and mixed line breaks are byte-exact",
          "[lsp]") {
  std::string lf = readFile("tests/lsp/fixable.yaml");
  for (const std::vector<std::string>& breaks :
       {std::vector<std::string>{"\r"}, std::vector<std::string>{"\r", "\r\n", "\n"},
        std::vector<std::string>{"\n", "\r"}}) {
    std::string text = withBreaks(lf, breaks);
    INFO("line breaks: " << jsonQuote(text.substr(0, 80)));
    Session session =
        runInProcess(Script()
                         .initialize()
                         .open(kFixable, text)
                         .request(2, "textDocument/codeAction", range(kFixable, 9, 16))
                         .request(3, "textDocument/codeAction", range(kFixable, 18, 25))
                         .shutdownAndExit(9));
    // Findings sit on the same lines and columns as in the LF file.
    const rapidjson::Value& published = *session.lastDiagnostics(kFixable);
    std::vector<std::string> ranges;
    for (const auto& d : published["diagnostics"].GetArray()) {
      if (std::string(d["code"].GetString()) == "T005") ranges.push_back(toJson(d["range"]));
    }
    CHECK(ranges ==
          std::vector<std::string>{
              R"({"start":{"line":18,"character":22},"end":{"line":18,"character":33}})"});
    const rapidjson::Value& onType = resultOf(session, 2);
    REQUIRE(onType.Size() >= 2);
    CHECK(std::string(onType[0]["title"].GetString()) ==
          "Add `AutoPublishAlias: live` to `Orders`");
    CHECK(applyEdit(text, onType[0]["edit"], kFixable) ==
          insertLineBefore(text, "      DeploymentPreference:", "      AutoPublishAlias: live"));
    CHECK(applyEdit(text, onType[1]["edit"], kFixable) ==
          std::regex_replace(text, std::regex("Canary10Percent20Minutes"),
                             "Canary10Percent10Minutes"));
    const rapidjson::Value& onRef = resultOf(session, 3);
    REQUIRE(onRef.Size() == 1);
    CHECK(applyEdit(text, onRef[0]["edit"], kFixable) ==
          insertLineBefore(text, "          TABLE: !Ref", "          # samshift: ignore[T005]"));
  }
}
