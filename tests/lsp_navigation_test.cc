// Definition, references, rename and document symbols: through the feature functions (the exact
// bytes of each name) and through the in-process server (the LSP JSON an editor reads).

#include <catch2/catch.hpp>

#include <algorithm>

#include "lsp/client.h"
#include "lsp/code_lenses.h"
#include "lsp/completion.h"
#include "lsp/document_symbols.h"
#include "lsp/hover.h"
#include "lsp/navigation.h"
#include "test_support.h"

using samshift::lsp::Analysis;
using samshift::testing::readFile;
using samshift::testing::runInProcess;
using samshift::testing::Script;
using samshift::testing::Session;
using samshift::testing::toJson;

namespace {

const char* const kFixture = "tests/lsp/navigation.yaml";

Analysis analysisOf(const std::string& text, std::string path = "template.yaml") {
  return samshift::lsp::analyze(std::move(path), text, {});
}

// The offset of the `nth` (0-based) occurrence of `needle`, plus `into` bytes.
uint32_t at(const std::string& text, std::string_view needle, int nth = 0, size_t into = 0) {
  size_t found = text.find(needle);
  for (int i = 0; i < nth && found != std::string::npos; ++i) found = text.find(needle, found + 1);
  REQUIRE(found != std::string::npos);
  return static_cast<uint32_t>(found + into);
}

std::string textOf(const std::string& text, samshift::core::Span span) {
  REQUIRE(span.known());
  return text.substr(span.begin, span.end - span.begin);
}

// "line:column" (1-based) of each span, in order.
std::vector<std::string> places(const Analysis& analysis,
                                const std::vector<samshift::core::Span>& spans) {
  std::vector<std::string> out;
  for (samshift::core::Span span : spans) {
    samshift::core::Position p = analysis.document.source.position(span.begin);
    out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column));
  }
  return out;
}

std::string applied(std::string text, const std::vector<samshift::lsp::TextEdit>& edits) {
  for (auto it = edits.rbegin(); it != edits.rend(); ++it)
    text.replace(it->span.begin, it->span.end - it->span.begin, it->newText);
  return text;
}

}  // namespace

TEST_CASE("lsp definition: every reference form leads to what it names", "[lsp][navigation]") {
  std::string text = readFile(kFixture);
  Analysis analysis = analysisOf(text);
  auto definitionLine = [&](uint32_t offset) -> int {
    auto span = samshift::lsp::definitionAt(analysis, offset);
    if (!span) return 0;
    return static_cast<int>(analysis.document.source.position(span->begin).line);
  };
  // Ref to a parameter, in a condition and in FindInMap's key.
  CHECK(definitionLine(at(text, "!Ref Stage, prod", 0, 6)) == 4);
  CHECK(definitionLine(at(text, "[Sizes, !Ref Stage", 0, 13)) == 4);
  // {Condition: X}, a resource's and an output's Condition, Fn::If's first argument.
  CHECK(definitionLine(at(text, "{Condition: IsProd}", 0, 12)) == 8);
  CHECK(definitionLine(at(text, "Condition: IsProd", 1, 11)) == 8);
  CHECK(definitionLine(at(text, "Condition: IsProd", 2, 11)) == 8);
  CHECK(definitionLine(at(text, "!If [IsProd", 0, 6)) == 8);
  // FindInMap's map.
  CHECK(definitionLine(at(text, "[Sizes", 0, 2)) == 11);
  // DependsOn, a list and a string.
  CHECK(definitionLine(at(text, "[Table, CheckOrders]", 0, 9)) == 36);
  CHECK(definitionLine(at(text, "DependsOn: Table", 0, 12)) == 48);
  // Ref, GetAtt in both forms, Sub variables in the string and the list form.
  CHECK(definitionLine(at(text, "!Ref Table", 0, 5)) == 48);
  CHECK(definitionLine(at(text, "!GetAtt Table.Arn", 0, 9)) == 48);
  CHECK(definitionLine(at(text, "${Table.Arn}", 0, 3)) == 48);
  CHECK(definitionLine(at(text, "${Table}", 0, 3)) == 48);
  CHECK(definitionLine(at(text, "\"${Stage}", 0, 4)) == 4);
  // A name SAM generates from a function leads to the function.
  CHECK(definitionLine(at(text, "[OrdersRole", 0, 3)) == 14);
  CHECK(definitionLine(at(text, "!Ref Orders.Alias", 0, 6)) == 14);
  CHECK(definitionLine(at(text, "!Ref Orders.Version", 0, 15)) == 14);
  // Hooks and alarms: by Ref, by the function's or alarm's name.
  CHECK(definitionLine(at(text, "!Ref CheckOrders", 0, 6)) == 36);
  CHECK(definitionLine(at(text, "PostTraffic: check-after", 0, 15)) == 42);
  CHECK(definitionLine(at(text, "!Ref ErrorsAlarm", 0, 6)) == 50);
  CHECK(definitionLine(at(text, ", orders-latency]", 0, 4)) == 52);
  // On a definition itself; on a Sub variable its own map defines, a pseudo parameter, a value.
  CHECK(definitionLine(at(text, "  Table:", 0, 3)) == 48);
  CHECK(definitionLine(at(text, "${Local}", 0, 3)) == 0);
  CHECK(definitionLine(at(text, "${AWS::Region}", 0, 4)) == 0);
  CHECK(definitionLine(at(text, "app.handler", 0, 2)) == 0);
}

TEST_CASE("lsp references: every use, with the declaration when asked", "[lsp][navigation]") {
  std::string text = readFile(kFixture);
  Analysis analysis = analysisOf(text);
  uint32_t onTable = at(text, "!Ref Table", 0, 6);
  std::vector<std::string> expected = {"17:17", "25:23", "26:24", "27:32", "27:41", "38:16"};
  CHECK(places(analysis, samshift::lsp::referencesAt(analysis, onTable, false)) == expected);
  expected.insert(expected.begin(), "48:3");
  CHECK(places(analysis, samshift::lsp::referencesAt(analysis, onTable, true)) == expected);
  // From the definition: the same list.
  CHECK(places(analysis, samshift::lsp::referencesAt(analysis, at(text, "  Table:", 0, 2), true)) ==
        expected);
  // A condition: its four uses (IsProd in NotProd, Orders, LiveAlias's Condition and Fn::If).
  CHECK(places(analysis, samshift::lsp::referencesAt(analysis, at(text, "IsProd:", 0, 1), false)) ==
        std::vector<std::string>{"9:30", "16:16", "58:16", "59:17"});
  // The function: the generated names and the hook named by ID... not CheckAfter's name.
  CHECK(
      places(analysis, samshift::lsp::referencesAt(analysis, at(text, "  Orders:", 0, 3), false)) ==
      std::vector<std::string>{"29:26", "59:30", "61:17"});
  CHECK(places(analysis, samshift::lsp::referencesAt(analysis, at(text, "  CheckAfter:", 0, 3),
                                                     false)) == std::vector<std::string>{"35:24"});
  CHECK(samshift::lsp::referencesAt(analysis, at(text, "app.handler"), true).empty());
}

TEST_CASE("lsp rename: every form is rewritten and the result still means the same",
          "[lsp][navigation]") {
  std::string text = readFile(kFixture);
  Analysis analysis = analysisOf(text);
  auto renamed = samshift::lsp::renameAt(analysis, at(text, "!GetAtt Table.Arn", 0, 9), "Orders2");
  REQUIRE(renamed.ok());
  std::string out = applied(text, *renamed);
  CHECK(renamed->size() == 7);
  CHECK(out.find("!Ref Table") == std::string::npos);
  CHECK(out.find("DependsOn: Table") == std::string::npos);
  CHECK(out.find("DependsOn: [Orders2, CheckOrders]") != std::string::npos);
  CHECK(out.find("!GetAtt Orders2.Arn") != std::string::npos);
  CHECK(out.find("https://${Orders2}/${Orders2.Arn}/${AWS::Region}/${Local}") != std::string::npos);
  CHECK(out.find("  Orders2:\n    Type: AWS::DynamoDB::Table") != std::string::npos);

  // A function: its generated names follow, the hook named by its function name does not.
  auto function = samshift::lsp::renameAt(analysis, at(text, "!Ref Orders.Alias", 0, 6), "Sales");
  REQUIRE(function.ok());
  out = applied(text, *function);
  CHECK(out.find("!GetAtt [SalesRole, Arn]") != std::string::npos);
  CHECK(out.find("!Ref Sales.Alias") != std::string::npos);
  CHECK(out.find("!Ref Sales.Version") != std::string::npos);
  CHECK(out.find("  Sales:\n") != std::string::npos);

  // A parameter and a condition.
  out = applied(text, *samshift::lsp::renameAt(analysis, at(text, "Stage:"), "Env"));
  CHECK(out.find("Stage") == std::string::npos);
  CHECK(out.find(R"(!Sub ["${Env}-${Local}", {Local: !Ref Env}])") != std::string::npos);
  out = applied(text, *samshift::lsp::renameAt(analysis, at(text, "IsProd:"), "Production"));
  CHECK(out.find("IsProd") == std::string::npos);
  CHECK(out.find("!If [Production, ") != std::string::npos);

  // The renamed template has the same references, by the new name.
  Analysis after = analysisOf(applied(text, *renamed));
  CHECK(samshift::lsp::referencesAt(after, at(applied(text, *renamed), "  Orders2:", 0, 3), true)
            .size() == 7);
}

TEST_CASE("lsp rename: refuses names that collide, are not alphanumeric or are pseudo parameters",
          "[lsp][navigation]") {
  std::string text = readFile(kFixture);
  Analysis analysis = analysisOf(text);
  uint32_t onTable = at(text, "!Ref Table", 0, 6);
  auto message = [&](uint32_t offset, std::string_view name) {
    auto result = samshift::lsp::renameAt(analysis, offset, name);
    return result.ok() ? std::string("renamed") : result.error().message;
  };
  CHECK(message(onTable, "Orders") == "`Orders` is already defined in `Resources`");
  CHECK(message(onTable, "Stage") == "`Stage` is already defined in `Parameters`");
  CHECK(message(onTable, "OrdersRole") ==
        "`OrdersRole` is a logical ID the SAM transform generates");
  CHECK(message(onTable, "My-Table") ==
        "`My-Table` is not a valid name: CloudFormation takes letters and digits only");
  CHECK(message(onTable, "") ==
        "`` is not a valid name: CloudFormation takes letters and digits only");
  CHECK(message(onTable, "AWS::Region") ==
        "`AWS::Region` is a pseudo parameter: pick another name");
  CHECK(message(at(text, "IsProd:"), "NotProd") == "`NotProd` is already defined in `Conditions`");
  // A condition may take a resource's name: they do not share a namespace.
  CHECK(message(at(text, "IsProd:"), "Table") == "renamed");
  CHECK(message(at(text, "${AWS::Region}", 0, 4), "Region") ==
        "`AWS::Region` is a pseudo parameter: it cannot be renamed");
  CHECK(message(at(text, "app.handler"), "X") ==
        "Only a parameter, condition, mapping, resource or output can be renamed");
  CHECK(message(at(text, "PostTraffic: check-after", 0, 15), "X") ==
        "`CheckAfter` is named here by its name, not its logical ID: rename it at its definition");
  // The same name: nothing to edit.
  REQUIRE(samshift::lsp::renameAt(analysis, onTable, "Table").ok());
  CHECK(samshift::lsp::renameAt(analysis, onTable, "Table")->empty());
}

TEST_CASE("lsp rename: quoted, escaped, block and JSON names", "[lsp][navigation]") {
  std::string yaml =
      "Resources:\n"
      "  \"Bucket\":\n"
      "    Type: AWS::S3::Bucket\n"
      "  Copy:\n"
      "    Type: AWS::S3::Bucket\n"
      "    DependsOn: 'Bucket'\n"
      "    Properties:\n"
      "      BucketName: !Sub |\n"
      "        ${Bucket}-copy\n"
      "        ${Bucket.Arn}\n"
      "      Tags: [{Key: a, Value: !GetAtt \"Bucket.Arn\"}]\n";
  Analysis analysis = analysisOf(yaml);
  auto prepared = samshift::lsp::prepareRename(analysis, at(yaml, "${Bucket}", 0, 2));
  REQUIRE(prepared.ok());
  CHECK(textOf(yaml, prepared->span) == "Bucket");
  auto renamed = samshift::lsp::renameAt(analysis, at(yaml, "Bucket"), "Store");
  REQUIRE(renamed.ok());
  CHECK(applied(yaml, *renamed) ==
        "Resources:\n"
        "  \"Store\":\n"
        "    Type: AWS::S3::Bucket\n"
        "  Copy:\n"
        "    Type: AWS::S3::Bucket\n"
        "    DependsOn: 'Store'\n"
        "    Properties:\n"
        "      BucketName: !Sub |\n"
        "        ${Store}-copy\n"
        "        ${Store.Arn}\n"
        "      Tags: [{Key: a, Value: !GetAtt \"Store.Arn\"}]\n");

  // An escape inside a name: found, but not edited.
  std::string escaped =
      "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Copy:\n    Type: AWS::S3::Bucket\n"
      "    DependsOn: \"Buck\\x65t\"\n";
  Analysis escapedAnalysis = analysisOf(escaped);
  CHECK(samshift::lsp::referencesAt(escapedAnalysis, at(escaped, "Bucket"), false).size() == 1);
  auto refused = samshift::lsp::renameAt(escapedAnalysis, at(escaped, "Bucket"), "Store");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message ==
        "`Bucket` is written with an escape sequence at line 6: samshift cannot edit it");

  std::string json = R"({"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"},
  "Copy": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${Bucket}-x"},
  "Tags": [{"Key": "a", "Value": {"Fn::GetAtt": ["Bucket", "Arn"]}}]}}}})";
  Analysis jsonAnalysis = analysisOf(json, "template.json");
  auto jsonRenamed = samshift::lsp::renameAt(jsonAnalysis, at(json, "Bucket", 0, 1), "Store");
  REQUIRE(jsonRenamed.ok());
  CHECK(applied(json, *jsonRenamed) == R"({"Resources": {"Store": {"Type": "AWS::S3::Bucket"},
  "Copy": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${Store}-x"},
  "Tags": [{"Key": "a", "Value": {"Fn::GetAtt": ["Store", "Arn"]}}]}}}})");
}

TEST_CASE("lsp document symbols: sections, names, types and ranges", "[lsp][navigation]") {
  std::string text = readFile(kFixture);
  Analysis analysis = analysisOf(text);
  std::vector<samshift::lsp::OutlineSymbol> outline = samshift::lsp::documentOutline(analysis);
  std::string shown;
  for (const auto& section : outline) {
    shown += section.name + " " + std::to_string(static_cast<int>(section.kind)) + " " +
             places(analysis,
                    {section.range.begin == section.selection.begin ? section.range
                                                                    : samshift::core::Span{}})[0] +
             "\n";
    for (const auto& child : section.children) {
      samshift::core::Position end = analysis.document.source.position(child.range.end);
      shown += "  " + child.name + " " + std::to_string(static_cast<int>(child.kind)) + " " +
               child.detail + " to " + std::to_string(end.line) + "\n";
    }
  }
  CHECK(shown ==
        "Parameters 3 3:1\n"
        "  Stage 13 String to 6\n"
        "Conditions 3 7:1\n"
        "  IsProd 17  to 8\n"
        "  NotProd 17  to 9\n"
        "Mappings 3 10:1\n"
        "  Sizes 19  to 12\n"
        "Resources 3 13:1\n"
        "  Orders 5 AWS::Serverless::Function to 35\n"
        "  CheckOrders 5 AWS::Serverless::Function to 41\n"
        "  CheckAfter 5 AWS::Serverless::Function to 47\n"
        "  Table 5 AWS::DynamoDB::Table to 49\n"
        "  ErrorsAlarm 5 AWS::CloudWatch::Alarm to 51\n"
        "  LatencyAlarm 5 AWS::CloudWatch::Alarm to 55\n"
        "Outputs 3 56:1\n"
        "  LiveAlias 7  to 59\n"
        "  Version 7  to 61\n");
  CHECK(samshift::lsp::documentOutline(analysisOf("Resources: [1, 2]\n")).empty());
  CHECK(samshift::lsp::documentOutline(analysisOf("Resources: {A: [\n")).empty());
}

namespace {

constexpr const char* kUri = "file:///work/navigation.yaml";

std::string positionParams(int line, int character, std::string_view extra = "") {
  return R"({"textDocument":{"uri":")" + std::string(kUri) + R"("},"position":{"line":)" +
         std::to_string(line) + R"(,"character":)" + std::to_string(character) + "}" +
         std::string(extra) + "}";
}

std::string answerOf(const Session& session, int id) {
  const rapidjson::Value* response = session.response(id);
  REQUIRE(response != nullptr);
  if (response->HasMember("error")) return "error " + toJson((*response)["error"]);
  return toJson((*response)["result"]);
}

}  // namespace

TEST_CASE("lsp navigation requests: the JSON an editor reads", "[lsp][navigation]") {
  std::string text = readFile(kFixture);
  // Line 25 (0-based 24) is `          TABLE: !Ref Table`; line 27 holds the Sub string.
  Session session = runInProcess(
      Script()
          .initialize()
          .open(kUri, text)
          .request(2, "textDocument/definition", positionParams(24, 23))
          .request(3, "textDocument/references",
                   positionParams(24, 23, R"(,"context":{"includeDeclaration":true})"))
          .request(4, "textDocument/references",
                   positionParams(24, 23, R"(,"context":{"includeDeclaration":false})"))
          .request(5, "textDocument/prepareRename", positionParams(26, 33))
          .request(6, "textDocument/rename", positionParams(26, 33, R"(,"newName":"Store")"))
          .request(7, "textDocument/rename", positionParams(26, 33, R"(,"newName":"Orders")"))
          .request(8, "textDocument/prepareRename", positionParams(26, 55))
          .request(9, "textDocument/documentSymbol",
                   R"({"textDocument":{"uri":")" + std::string(kUri) + R"("}})")
          .request(10, "textDocument/definition", positionParams(0, 0))
          .shutdownAndExit(11));
  CHECK(answerOf(session, 2) ==
        R"({"uri":")" + std::string(kUri) +
            R"(","range":{"start":{"line":47,"character":2},"end":{"line":47,"character":7}}})");
  const rapidjson::Value& all = (*session.response(3))["result"];
  REQUIRE(all.Size() == 7);
  CHECK(toJson(all[0]["range"]) ==
        R"({"start":{"line":47,"character":2},"end":{"line":47,"character":7}})");
  CHECK(toJson(all[5]["range"]) ==
        R"({"start":{"line":26,"character":40},"end":{"line":26,"character":45}})");
  CHECK((*session.response(4))["result"].Size() == 6);
  CHECK(
      answerOf(session, 5) ==
      R"({"range":{"start":{"line":26,"character":31},"end":{"line":26,"character":36}},"placeholder":"Table"})");
  const rapidjson::Value& edit = (*session.response(6))["result"];
  REQUIRE(edit.HasMember("changes"));
  CHECK(edit["changes"][kUri].Size() == 7);
  CHECK(answerOf(session, 7) ==
        R"(error {"code":-32803,"message":"`Orders` is already defined in `Resources`"})");
  CHECK(
      answerOf(session, 8) ==
      R"(error {"code":-32803,"message":"`AWS::Region` is a pseudo parameter: it cannot be renamed"})");
  const rapidjson::Value& symbols = (*session.response(9))["result"];
  REQUIRE(symbols.Size() == 5);
  CHECK(
      toJson(symbols[3]["children"][3]) ==
      R"({"name":"Table","detail":"AWS::DynamoDB::Table","kind":5,)"
      R"("range":{"start":{"line":47,"character":2},"end":{"line":48,"character":30}},)"
      R"("selectionRange":{"start":{"line":47,"character":2},"end":{"line":47,"character":7}},"children":[]})");
  CHECK(answerOf(session, 10) == "null");
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp navigation requests: malformed params, unknown documents, past the end",
          "[lsp][navigation]") {
  Session session = runInProcess(
      Script()
          .initialize()
          .open(kUri, "Resources:\n  A:\n    Type: AWS::S3::Bucket\n")
          .request(2, "textDocument/definition",
                   R"({"textDocument":{"uri":")" + std::string(kUri) + R"("}})")
          .request(3, "textDocument/references", R"({"position":{"line":0,"character":0}})")
          .request(4, "textDocument/rename", positionParams(1, 2, R"(,"newName":7)"))
          .request(5, "textDocument/rename", positionParams(99, 99, R"(,"newName":"B")"))
          .request(
              6, "textDocument/definition",
              R"({"textDocument":{"uri":"file:///elsewhere.yaml"},"position":{"line":0,"character":0}})")
          .request(7, "textDocument/documentSymbol", R"({"textDocument":[]})")
          .request(8, "textDocument/prepareRename", positionParams(1, 3))
          .request(9, "textDocument/references", positionParams(1, 3, R"(,"context":[])"))
          .shutdownAndExit(10));
  CHECK(answerOf(session, 2) ==
        R"(error {"code":-32602,"message":"definition needs a `position`"})");
  CHECK(answerOf(session, 3) ==
        R"(error {"code":-32602,"message":"`textDocument.uri` is required"})");
  CHECK(answerOf(session, 4) == R"(error {"code":-32602,"message":"rename needs a `newName`"})");
  CHECK(
      answerOf(session, 5) ==
      R"(error {"code":-32803,"message":"Only a parameter, condition, mapping, resource or output can be renamed"})");
  CHECK(answerOf(session, 6) == "null");
  CHECK(answerOf(session, 7) ==
        R"(error {"code":-32602,"message":"`textDocument.uri` is required"})");
  CHECK(
      answerOf(session, 8) ==
      R"({"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":3}},"placeholder":"A"})");
  CHECK(answerOf(session, 9) == "[]");
  CHECK(session.exitCode == 0);
}

TEST_CASE("lsp code lenses: the schedule above each DeploymentPreference and deployment group",
          "[lsp][lenses]") {
  std::string text = readFile("tests/lsp/lenses.yaml");
  Analysis analysis = analysisOf(text);
  std::string shown;
  for (const samshift::lsp::CodeLens& lens : samshift::lsp::codeLenses(analysis)) {
    shown +=
        places(analysis, {lens.span})[0] + " " + textOf(text, lens.span) + ": " + lens.title + "\n";
  }
  CHECK(shown ==
        "15:7 DeploymentPreference: 10% → 100% after 5 min · 2 alarms · PreTraffic\n"
        "20:3 Payments: +10% every 1 min → 100% after 9 min · no alarms\n"
        "31:7 DeploymentPreference: No deployment: DeploymentPreference is disabled (Enabled: "
        "false)\n"
        "57:3 LegacyGroup: 100% at once · no alarms\n"
        "76:7 DeploymentPreference: +20% every 2 min → 100% after 8 min · no alarms\n");
}

TEST_CASE("lsp code lenses: above each API stage, the alias and versions its routes reach",
          "[lsp][lenses]") {
  std::string text = readFile("fixtures/plan/routes/seed.yaml");
  Analysis analysis = analysisOf(text);
  std::string shown;
  for (const samshift::lsp::CodeLens& lens : samshift::lsp::codeLenses(analysis))
    shown += places(analysis, {lens.span})[0] + " " + lens.title + "\n";
  // The stages' logical IDs; the implicit API's two stages above the event that makes it.
  CHECK(shown ==
        "62:3 dev → DEV → $LATEST\n"
        "69:3 test → TEST → OrdersV2\n"
        "76:3 prod → PROD → OrdersV1 95% · OrdersV2 5%\n"
        "90:7 10% → 100% after 5 min · no alarms\n"
        "94:11 Prod → live → PaymentsFn.Version (Canary10Percent5Minutes)\n"
        "94:11 Stage → live → PaymentsFn.Version (Canary10Percent5Minutes)\n");
}

TEST_CASE("lsp hover: what a reference names, and the IDs SAM generates for a function",
          "[lsp][navigation]") {
  std::string text = readFile(kFixture);
  Analysis analysis = analysisOf(text);
  auto hover = [&](uint32_t offset) {
    auto shown = samshift::lsp::referenceHover(analysis, offset);
    return shown ? shown->markdown : std::string("none");
  };
  CHECK(hover(at(text, "!Ref Table", 0, 6)) ==
        "`Table`: `AWS::DynamoDB::Table`, defined at line 48 (`Resources`).\n");
  CHECK(hover(at(text, "!GetAtt Table.Arn", 0, 9)) ==
        "`Table`: `AWS::DynamoDB::Table`, defined at line 48 (`Resources`).\n");
  CHECK(hover(at(text, "[Sizes, !Ref Stage", 0, 14)) ==
        "`Stage`: parameter of type `String`, defined at line 4 (`Parameters`).\n");
  CHECK(hover(at(text, "!If [IsProd", 0, 6)) ==
        "`IsProd`: condition, defined at line 8 (`Conditions`).\n");
  CHECK(hover(at(text, "!Ref Orders.Alias", 0, 14)) ==
        "`Orders`: `AWS::Serverless::Function`, defined at line 14 (`Resources`).\n\n"
        "`Orders.Alias` is a name the SAM transform generates from `Orders`.\n");
  CHECK(hover(at(text, "app.handler")) == "none");
  // On the logical ID of a function with AutoPublishAlias: the version and alias SAM makes.
  auto function = [&](uint32_t offset) {
    auto shown = samshift::lsp::autoPublishAliasHover(analysis, offset);
    return shown ? shown->markdown : std::string("none");
  };
  std::string onFunction = function(at(text, "  Orders:", 0, 3));
  CHECK(onFunction.find("| `OrdersAliaslive` | AWS::Lambda::Alias |") != std::string::npos);
  CHECK(onFunction.find("| `OrdersVersion") != std::string::npos);
  CHECK(function(at(text, "  CheckOrders:", 0, 3)) == "none");
  CHECK(function(at(text, "  Table:", 0, 3)) == "none");
  // Through hoverAt, as the server answers.
  CHECK(samshift::lsp::hoverAt(analysis, at(text, "!Ref Table", 0, 6))->markdown ==
        "`Table`: `AWS::DynamoDB::Table`, defined at line 48 (`Resources`).\n");
}

TEST_CASE("lsp code lenses: the JSON an editor reads", "[lsp][lenses]") {
  std::string text = readFile("tests/lsp/lenses.yaml");
  Session session = runInProcess(
      Script()
          .initialize()
          .open(kUri, text)
          .request(2, "textDocument/codeLens",
                   R"({"textDocument":{"uri":")" + std::string(kUri) + R"("}})")
          .request(3, "textDocument/codeLens", R"({"textDocument":{"uri":"file:///other.yaml"}})")
          .request(4, "textDocument/codeLens", "[]")
          .shutdownAndExit(5));
  const rapidjson::Value& lenses = (*session.response(2))["result"];
  REQUIRE(lenses.Size() == 5);
  CHECK(toJson(lenses[0]) ==
        R"({"range":{"start":{"line":14,"character":6},"end":{"line":14,"character":26}},)"
        R"("command":{"title":"10% → 100% after 5 min · 2 alarms · PreTraffic","command":""}})");
  CHECK(answerOf(session, 3) == "[]");
  CHECK(answerOf(session, 4) ==
        R"(error {"code":-32602,"message":"`textDocument.uri` is required"})");
}

TEST_CASE("lsp completion: !GetAtt attributes, of CloudFormation and SAM-generated resources",
          "[lsp][completion]") {
  std::string text = readFile(kFixture);
  Analysis analysis = analysisOf(text);
  samshift::lsp::TemplateNames names = samshift::lsp::namesOf(analysis.document);
  auto labelsAfter = [&](std::string typed) {
    std::string buffer = text + "  Extra:\n    Value: " + typed;
    std::vector<std::string> out;
    for (const auto& item :
         samshift::lsp::completeAt(buffer, static_cast<uint32_t>(buffer.size()), names))
      out.push_back(item.label);
    return out;
  };
  CHECK(labelsAfter("!GetAtt Table.") == std::vector<std::string>{"Table.Arn", "Table.StreamArn"});
  CHECK(labelsAfter("!GetAtt Table.S") == std::vector<std::string>{"Table.StreamArn"});
  // A function: what SAM resolves first, then the attributes of its AWS::Lambda::Function.
  CHECK(labelsAfter("!GetAtt Orders.") ==
        std::vector<std::string>{"Orders.Alias", "Orders.Version", "Orders.DestinationTopic",
                                 "Orders.DestinationQueue", "Orders.Arn",
                                 "Orders.SnapStartResponse", "Orders.SnapStartResponse.ApplyOn",
                                 "Orders.SnapStartResponse.OptimizationStatus"});
  // Without AutoPublishAlias SAM makes no alias or version to refer to.
  CHECK(labelsAfter("!GetAtt CheckOrders.D") ==
        std::vector<std::string>{"CheckOrders.DestinationTopic", "CheckOrders.DestinationQueue"});
  // The attributes of the alias and version SAM generates.
  CHECK(labelsAfter("!GetAtt Orders.Alias.") == std::vector<std::string>{"Orders.Alias.AliasArn"});
  CHECK(labelsAfter("!GetAtt Orders.Version.V") ==
        std::vector<std::string>{"Orders.Version.Version"});
  CHECK(labelsAfter(R"({"Fn::GetAtt": "ErrorsAlarm.)") ==
        std::vector<std::string>{"ErrorsAlarm.Arn"});
  CHECK(labelsAfter("!GetAtt Nothing.").empty());
  CHECK(labelsAfter("!GetAtt Stage.").empty());  // a parameter has no attributes
}

TEST_CASE("lsp completion: !GetAtt attributes replace the whole typed name", "[lsp][completion]") {
  std::string text = readFile(kFixture) + "  Extra:\n    Value: !GetAtt Table.St";
  Session session = runInProcess(Script()
                                     .initialize()
                                     .open(kUri, text)
                                     .request(2, "textDocument/completion", positionParams(62, 27))
                                     .shutdownAndExit(3));
  CHECK(answerOf(session, 2) ==
        R"([{"label":"Table.StreamArn","kind":10,"detail":"AWS::DynamoDB::Table","textEdit":)"
        R"({"range":{"start":{"line":62,"character":19},"end":{"line":62,"character":27}},)"
        R"("newText":"Table.StreamArn"}}])");
}

TEST_CASE("lsp navigation: wrong-typed values anywhere, every offset, no crash",
          "[lsp][navigation]") {
  std::vector<std::string> templates = {
      // Sections and resources of the wrong shape.
      "Parameters: [1, 2]\nConditions: 7\nMappings: ~\nResources: [A, B]\nOutputs: x\n",
      "Resources:\n  A: [1]\n  B: ~\n  C: 5\n  ? [k]\n  : v\n",
      // Intrinsics with wrong-typed arguments.
      "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    DependsOn: {A: 1}\n    Condition: [X]\n"
      "    Properties:\n      X: !Ref [A]\n      Y: !GetAtt\n      Z: !Sub {a: b}\n"
      "      W: !Sub [[1], 5]\n      V: !If C\n      U: !If [[C], 1, 2]\n      T: !FindInMap A\n"
      "      S: {Condition: [1]}\n      R: !GetAtt [[A], B]\n      Q: !Sub '${'\n"
      "      P: !Sub '${A.B.C.D}${}${!A}${ A }'\n      O: !Ref\n",
      // SAM: a preference, hooks and alarms of every wrong type, Globals included.
      "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    DeploymentPreference: 5\n"
      "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      AutoPublishAlias: [live]\n      DeploymentPreference:\n        Hooks: [a]\n"
      "        Alarms: {a: b}\n  G:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      AutoPublishAlias: !Ref F\n      DeploymentPreference:\n"
      "        Hooks: {PreTraffic: [1], PostTraffic: ~}\n        Alarms: [~, [1], !Ref F, 7]\n"
      "        Type: !Ref Nope\n  H:\n    Type: AWS::Lambda::Alias\n    UpdatePolicy:\n"
      "      CodeDeployLambdaAliasUpdate: {DeploymentGroupName: [x]}\n",
      // JSON, and text that does not parse.
      R"({"Resources": {"A": {"Type": "AWS::S3::Bucket", "DependsOn": ["A", 1, null]}}})",
      "Resources:\n  A:\n    Type: [\n",
      "",
      "- just\n- a list\n",
  };
  for (const std::string& text : templates) {
    INFO(text);
    Analysis analysis = analysisOf(text, text.front() == '{' ? "t.json" : "t.yaml");
    samshift::lsp::TemplateNames names = samshift::lsp::namesOf(analysis.document);
    samshift::lsp::documentOutline(analysis);
    samshift::lsp::codeLenses(analysis);
    for (uint32_t offset = 0; offset <= text.size() + 2; ++offset) {
      samshift::lsp::definitionAt(analysis, offset);
      samshift::lsp::referencesAt(analysis, offset, true);
      (void)samshift::lsp::prepareRename(analysis, offset);
      auto renamed = samshift::lsp::renameAt(analysis, offset, "Renamed");
      if (renamed.ok()) {
        for (const auto& edit : *renamed) CHECK(edit.span.end <= text.size());
      }
      samshift::lsp::hoverAt(analysis, offset);
      samshift::lsp::completeAt(text, offset, names);
    }
  }
}

TEST_CASE("lsp definition: a state machine's alarms and a preference in Globals",
          "[lsp][navigation]") {
  std::string text =
      "Transform: AWS::Serverless-2016-10-31\n"
      "Globals:\n"
      "  Function:\n"
      "    DeploymentPreference:\n"
      "      Type: AllAtOnce\n"
      "      Alarms: [fn-errors]\n"
      "Resources:\n"
      "  Machine:\n"
      "    Type: AWS::Serverless::StateMachine\n"
      "    Properties:\n"
      "      AutoPublishAlias: live\n"
      "      DeploymentPreference:\n"
      "        Type: ALL_AT_ONCE\n"
      "        Alarms: [machine-errors]\n"
      "  A:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties: {AutoPublishAlias: live}\n"
      "  B:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties: {AutoPublishAlias: live}\n"
      "  FnErrors:\n"
      "    Type: AWS::CloudWatch::Alarm\n"
      "    Properties: {AlarmName: fn-errors}\n"
      "  MachineErrors:\n"
      "    Type: AWS::CloudWatch::Alarm\n"
      "    Properties: {AlarmName: machine-errors}\n";
  Analysis analysis = analysisOf(text);
  auto line = [&](uint32_t offset) -> int {
    auto span = samshift::lsp::definitionAt(analysis, offset);
    return span ? static_cast<int>(analysis.document.source.position(span->begin).line) : 0;
  };
  CHECK(line(at(text, "[machine-errors]", 0, 2)) == 24);
  CHECK(line(at(text, "[fn-errors]", 0, 2)) == 21);
  // The Globals preference is every function's: its alarm is one use, not one per function.
  CHECK(samshift::lsp::referencesAt(analysis, at(text, "  FnErrors:", 0, 3), false).size() == 1);
}

TEST_CASE("lsp rename: ranges in UTF-16 units after non-ASCII text on the line",
          "[lsp][navigation]") {
  // Ü and ï are one UTF-16 unit each (two bytes), the rocket two units (four bytes).
  std::string text =
      "Resources:\n"
      "  Table:\n"
      "    Type: AWS::DynamoDB::Table\n"
      "  Queue:\n"
      "    Type: AWS::SQS::Queue\n"
      "    Properties:\n"
      "      Tags: [{Key: Ünï🚀, Value: !Ref Table}, {Key: b, Value: !Sub 'é${Table}'}]\n";
  Session session = runInProcess(
      Script()
          .initialize()
          .open(kUri, text)
          .request(2, "textDocument/rename", positionParams(6, 39, R"(,"newName":"Store")"))
          .shutdownAndExit(3));
  CHECK(
      answerOf(session, 2) ==
      R"({"changes":{")" + std::string(kUri) +
          R"(":[{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":7}},"newText":"Store"},)"
          R"({"range":{"start":{"line":6,"character":38},"end":{"line":6,"character":43}},"newText":"Store"},)"
          R"({"range":{"start":{"line":6,"character":71},"end":{"line":6,"character":76}},"newText":"Store"}]}})");
}
