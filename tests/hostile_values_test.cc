// Values that once crashed samshift: shapes valijson could not read (`Properties: []`) and
// parameters whose value refers to itself. Every command, and the language server, must answer
// with findings or an honest refusal, never a signal.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "lsp/client.h"
#include "test_support.h"

using samshift::testing::runBinary;
using samshift::testing::runSamshift;
using samshift::testing::Script;
using samshift::testing::Session;
using samshift::testing::TempDir;
using samshift::testing::toJson;
using samshift::testing::writeFile;

namespace {

struct Shape {
  const char* name;
  const char* yaml;
  const char* finding;  // the line lint must print (after the file name)
};

const char* kAliasWithListConfigs =
    "Resources:\n"
    "  Fn:\n"
    "    Type: AWS::Lambda::Function\n"
    "    Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: r}\n"
    "  Alias:\n"
    "    Type: AWS::Lambda::Alias\n"
    "    Properties:\n"
    "      FunctionName: !Ref Fn\n"
    "      FunctionVersion: '1'\n"
    "      Name: live\n"
    "      RoutingConfig: []\n"
    "      ProvisionedConcurrencyConfig: []\n";

// Each resource type with a schema, given a list where its Properties mapping belongs.
const std::vector<Shape> kListShapes = {
    {"CodeDeploy application",
     "Resources:\n  R:\n    Type: AWS::CodeDeploy::Application\n    Properties: []\n",
     ":4:17: error D012 [codedeploy-shape] `Properties` must be a mapping, not a list"},
    {"CodeDeploy deployment group",
     "Resources:\n  R:\n    Type: AWS::CodeDeploy::DeploymentGroup\n    Properties: []\n",
     ":4:17: error D012 [codedeploy-shape] `Properties` must be a mapping, not a list"},
    {"CodeDeploy deployment config",
     "Resources:\n  R:\n    Type: AWS::CodeDeploy::DeploymentConfig\n    Properties: []\n",
     ":4:17: error D012 [codedeploy-shape] `Properties` must be a mapping, not a list"},
    {"Lambda alias", "Resources:\n  R:\n    Type: AWS::Lambda::Alias\n    Properties: []\n",
     ":4:17: error A009 [alias-shape] `Properties` must be a mapping, not a list"},
    {"Lambda version", "Resources:\n  R:\n    Type: AWS::Lambda::Version\n    Properties: []\n",
     ":4:17: error V010 [version-shape] `Properties` must be a mapping, not a list"},
    {"alias RoutingConfig", kAliasWithListConfigs,
     ":11:22: error A009 [alias-shape] `RoutingConfig` must be a mapping, not a list"},
    {"alias ProvisionedConcurrencyConfig", kAliasWithListConfigs,
     ":12:37: error A009 [alias-shape] `ProvisionedConcurrencyConfig` must be a mapping, not a "
     "list"},
};

// The params of a request about a position in a document.
std::string positionIn(const std::string& uri, int line, int character) {
  return R"({"textDocument":{"uri":")" + uri + R"("},"position":{"line":)" + std::to_string(line) +
         R"(,"character":)" + std::to_string(character) + "}}";
}

}  // namespace

TEST_CASE("lint: a list where a schema expects a mapping is a finding, not an abort",
          "[values][schema]") {
  TempDir dir;
  for (const Shape& shape : kListShapes) {
    INFO(shape.name);
    auto path = dir.path() / "t.yaml";
    writeFile(path, shape.yaml);
    auto result = runSamshift("lint --color never " + path.string());
    CHECK(result.exitCode == 1);
    CHECK(result.err == "");
    CHECK(result.out.find(path.string() + shape.finding + "\n") != std::string::npos);
  }
}

TEST_CASE("lsp binary: typing `[]` for Properties publishes a finding and the server lives on",
          "[values][schema][lsp]") {
  constexpr const char* kUri = "file:///work/alias.yaml";
  // The editor auto-closes the bracket: `Properties: [` becomes `Properties: []` in one change.
  std::string before = "Resources:\n  R:\n    Type: AWS::Lambda::Alias\n    Properties: \n";
  Session session = runBinary(Script()
                                  .initialize()
                                  .open(kUri, before)
                                  .changeRange(kUri, 2, 3, 16, 3, 16, "[]")
                                  .request(2, "textDocument/hover", positionIn(kUri, 3, 17))
                                  .shutdownAndExit(3));
  CHECK(session.exitCode == 0);
  const rapidjson::Value* published = session.lastDiagnostics(kUri);
  REQUIRE(published != nullptr);
  CHECK((*published)["version"].GetInt() == 2);
  CHECK(toJson((*published)["diagnostics"]).find("`Properties` must be a mapping, not a list") !=
        std::string::npos);
  CHECK(session.response(2) != nullptr);
}

namespace {

// The ways the issue found for a parameter's Default to refer back to the parameter.
struct Cycle {
  const char* name;
  const char* parameters;  // the Parameters section's entries
  const char* chain;
};

const std::vector<Cycle> kCycles = {
    {"a mapping", "  Stage:\n    Type: String\n    Default: {X: !Ref Stage}\n",
     "`Stage` → `Stage`"},
    {"a list", "  Stage:\n    Type: String\n    Default: [!Ref Stage]\n", "`Stage` → `Stage`"},
    {"a Sub variable",
     "  Stage:\n    Type: String\n    Default: !Sub [\"${X}\", {X: !Ref Stage}]\n",
     "`Stage` → `Stage`"},
    {"a FindInMap key", "  Stage:\n    Type: String\n    Default: !FindInMap [M, !Ref Stage, k]\n",
     "`Stage` → `Stage`"},
    {"two parameters",
     "  Stage:\n    Type: String\n    Default: {X: !Ref Other}\n  Other:\n    Type: String\n"
     "    Default: [!Ref Stage]\n",
     "`Stage` → `Other` → `Stage`"},
};

// Where SAM resolves the parameter.
struct Use {
  const char* name;
  const char* globals;     // the Globals section, if any
  const char* properties;  // the function's extra properties
  const char* key;
};

const std::vector<Use> kUses = {
    {"AutoPublishAlias", "",
     "      AutoPublishAlias: !Ref Stage\n      DeploymentPreference:\n        Type: AllAtOnce\n",
     "AutoPublishAlias"},
    {"DeploymentPreference Type", "",
     "      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: !Ref Stage\n",
     "Type"},
    {"DeploymentPreference Enabled", "",
     "      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: AllAtOnce\n"
     "        Enabled: !Ref Stage\n",
     "Enabled"},
    {"Globals",
     "Globals:\n  Function:\n    AutoPublishAlias: !Ref Stage\n    DeploymentPreference:\n"
     "      Type: AllAtOnce\n",
     "", "AutoPublishAlias"},
};

std::string cyclicTemplate(const Cycle& cycle, const Use& use) {
  return std::string("Transform: AWS::Serverless-2016-10-31\n") +
         "Mappings:\n  M:\n    a: {k: live}\n" + "Parameters:\n" + cycle.parameters + use.globals +
         "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
         "      Runtime: python3.12\n      Handler: index.handler\n"
         "      InlineCode: \"def handler(e, c): pass\"\n" +
         use.properties;
}

}  // namespace

TEST_CASE("a parameter whose value refers back to itself: lint, expand and plan answer",
          "[values][cycle]") {
  TempDir dir;
  auto path = dir.path() / "t.yaml";
  for (const Cycle& cycle : kCycles) {
    for (const Use& use : kUses) {
      INFO(std::string(cycle.name) + " used by " + use.name);
      writeFile(path, cyclicTemplate(cycle, use));
      std::string loop =
          std::string("parameter `Stage` whose value refers back to itself (") + cycle.chain + ")";
      std::string samFails = loop + ", on which SAM's transform fails (RecursionError)";

      auto lint = runSamshift("lint --color never " + path.string());
      CHECK(lint.exitCode == 1);
      CHECK(lint.out.find("error T005 [unresolved-reference] `" + std::string(use.key) +
                          "` cannot be resolved: " + samFails + "\n") != std::string::npos);

      auto expand = runSamshift("expand " + path.string());
      CHECK(expand.exitCode == 2);
      CHECK(expand.out == "");
      CHECK(expand.err ==
            "samshift expand: " + path.string() + ": not supported yet: " + samFails + "\n");

      auto plan = runSamshift("plan " + path.string());
      CHECK(plan.exitCode == 0);
      CHECK(plan.out.find("cannot be resolved: " + samFails) != std::string::npos);
    }
  }
}

TEST_CASE("a parameter whose Default is a Ref to itself or to its partner: SAM resolves one level",
          "[values][cycle]") {
  // SAM replaces a Ref by the parameter's value and walks only into what that value contains: a
  // Default that is itself `!Ref Stage` stays `{Ref: Stage}`. No loop, and SAM's answer is ours.
  TempDir dir;
  auto path = dir.path() / "t.yaml";
  const char* self = "  Stage:\n    Type: String\n    Default: !Ref Stage\n";
  const char* pair =
      "  Stage:\n    Type: String\n    Default: !Ref Other\n  Other:\n    Type: String\n"
      "    Default: !Ref Stage\n";
  for (const char* parameters : {self, pair}) {
    Cycle cycle{"one level", parameters, ""};
    writeFile(path, cyclicTemplate(cycle, kUses[0]));
    auto rejected = runSamshift("expand " + path.string());
    CHECK(rejected.exitCode == 1);
    CHECK(
        rejected.err.find("'AutoPublishAlias' must be a string or a Ref to a template parameter") !=
        std::string::npos);
    writeFile(path, cyclicTemplate(cycle, kUses[2]));  // Enabled: {Ref: …} is truthy
    auto expanded = runSamshift("expand " + path.string());
    CHECK(expanded.exitCode == 0);
    CHECK(expanded.out.find("\"FnDeploymentGroup\"") != std::string::npos);
  }
}

TEST_CASE("plan: self-referencing values in alias weights and state machine preferences",
          "[values][cycle][plan]") {
  TempDir dir;
  auto weights = dir.path() / "weights.yaml";
  writeFile(weights,
            "Parameters:\n  W:\n    Type: String\n    Default: [!Ref W]\n"
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
            "    Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: r}\n"
            "  Alias:\n    Type: AWS::Lambda::Alias\n    Properties:\n      FunctionName: !Ref Fn\n"
            "      FunctionVersion: '1'\n      Name: live\n      RoutingConfig:\n"
            "        AdditionalVersionWeights:\n          - FunctionVersion: '2'\n"
            "            FunctionWeight: !Ref W\n");
  auto weightPlan = runSamshift("plan " + weights.string());
  CHECK(weightPlan.exitCode == 0);
  CHECK(
      weightPlan.out.find("no plan   FunctionWeight cannot be resolved: parameter `W` whose value "
                          "refers back to itself (`W` → `W`)\n") != std::string::npos);

  auto machines = dir.path() / "machines.yaml";
  writeFile(
      machines,
      "Transform: AWS::Serverless-2016-10-31\n"
      "Parameters:\n  P:\n    Type: String\n    Default: {X: !Ref P}\n"
      "Resources:\n  SM:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
      "      Role: arn:aws:iam::1:role/r\n"
      "      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n"
      "      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: CANARY\n"
      "        Percentage: !Ref P\n        Interval: 5\n"
      "  SMA:\n    Type: AWS::StepFunctions::StateMachineAlias\n    Properties:\n      Name: a\n"
      "      DeploymentPreference:\n        StateMachineVersionArn: x\n        Type: LINEAR\n"
      "        Percentage: 10\n        Interval: !Ref P\n");
  auto machinePlan = runSamshift("plan " + machines.string());
  CHECK(machinePlan.exitCode == 0);
  std::string unknown =
      "schedule  unknown: DeploymentPreference cannot be resolved: parameter `P` whose value "
      "refers "
      "back to itself (`P` → `P`)\n";
  CHECK(machinePlan.out.find("SM  state machine, alias live\n  config    unknown\n  " + unknown) !=
        std::string::npos);
  CHECK(machinePlan.out.find("SMA  state machine alias, alias a\n  config    unknown\n  " +
                             unknown) != std::string::npos);
}

TEST_CASE(
    "lsp binary: a self-referencing alias parameter gets T005 and a hover, and the server lives on",
    "[values][cycle][lsp]") {
  constexpr const char* kUri = "file:///work/cycle.yaml";
  std::string text = cyclicTemplate(kCycles[0], kUses[0]);
  // Line 13 (0-based) is `      AutoPublishAlias: !Ref Stage`.
  Session session = runBinary(Script()
                                  .initialize()
                                  .open(kUri, text)
                                  .request(2, "textDocument/hover", positionIn(kUri, 13, 8))
                                  .request(3, "textDocument/completion", positionIn(kUri, 13, 30))
                                  .shutdownAndExit(4));
  CHECK(session.exitCode == 0);
  const rapidjson::Value* published = session.lastDiagnostics(kUri);
  REQUIRE(published != nullptr);
  std::string diagnostics = toJson((*published)["diagnostics"]);
  CHECK(diagnostics.find(R"("code":"T005")") != std::string::npos);
  CHECK(diagnostics.find("`AutoPublishAlias` cannot be resolved: parameter `Stage` whose value "
                         "refers back to itself") != std::string::npos);
  REQUIRE(session.response(2) != nullptr);
  CHECK(session.response(2)->HasMember("result"));
  REQUIRE(session.response(3) != nullptr);
  CHECK(session.response(3)->HasMember("result"));
}

namespace {

// C0 … C<depth-1>, each an Fn::And of `fanOut` references to the next; the last is `leaf`.
std::string conditionChain(int depth, int fanOut, const std::string& leaf) {
  std::string out =
      "Transform: AWS::Serverless-2016-10-31\nParameters:\n  Stage: {Type: String, Default: prod}\n"
      "Conditions:\n";
  for (int i = 0; i < depth; ++i) {
    out += "  C" + std::to_string(i) + ": !And [";
    for (int j = 0; j < fanOut; ++j)
      out += (j ? ", " : "") + std::string("!Condition C") + std::to_string(i + 1);
    out += "]\n";
  }
  out += "  C" + std::to_string(depth) + ": " + leaf + "\n";
  return out +
         "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Condition: C0\n    "
         "Properties:\n"
         "      Runtime: python3.12\n      Handler: index.handler\n      InlineCode: x\n"
         "      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: AllAtOnce\n";
}

}  // namespace

TEST_CASE("plan: conditions referring to conditions are evaluated once each", "[values][plan]") {
  TempDir dir;
  auto path = dir.path() / "t.yaml";
  // 10^12 paths to the last condition, which cannot be decided (an account ID).
  writeFile(path, conditionChain(12, 10, "!Equals [!Ref AWS::AccountId, '123456789012']"));
  auto wide = runSamshift("plan " + path.string());
  CHECK(wide.exitCode == 0);
  CHECK(wide.out.find(
            "exists only when condition `C0` is true, which cannot be decided before deployment") !=
        std::string::npos);
  // A chain of 50 that holds with these parameters is decided, however long.
  writeFile(path, conditionChain(50, 2, "!Equals [!Ref Stage, prod]"));
  auto deep = runSamshift("plan " + path.string());
  CHECK(deep.out.find("condition `C0` is true with these parameters") != std::string::npos);
  // One that loops cannot be decided.
  writeFile(path, conditionChain(3, 2, "!Not [!Condition C0]"));
  auto loop = runSamshift("plan " + path.string());
  CHECK(loop.exitCode == 0);
  CHECK(loop.out.find(
            "exists only when condition `C0` is true, which cannot be decided before deployment") !=
        std::string::npos);
}

TEST_CASE("a template over CloudFormation's 1 MB body limit is a T007 error", "[rules]") {
  TempDir dir;
  std::string topic(2 * 1024 * 1024, 'x');
  writeFile(dir.path() / "big.yaml",
            "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
            "    Properties:\n      TopicName: " +
                topic + "\n");
  auto result = runSamshift("lint --select T007 " + (dir.path() / "big.yaml").string());
  CHECK(result.exitCode == 1);
  std::string bytes = std::to_string(std::filesystem::file_size(dir.path() / "big.yaml"));
  CHECK(result.out.find("T007 [over-cloudformation-limits] The template is " + bytes +
                        " bytes; CloudFormation accepts at most 1048576 (1 MB)") !=
        std::string::npos);
  writeFile(dir.path() / "small.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
  CHECK(runSamshift("lint --select T007 " + (dir.path() / "small.yaml").string()).exitCode == 0);
}
