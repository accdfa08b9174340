// Values that once crashed samshift: shapes valijson could not read (`Properties: []`) and
// parameters whose value refers to itself. Every command, and the language server, must answer
// with findings or an honest refusal, never a signal.

#include <catch2/catch.hpp>
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
  Session session = runBinary(
      Script()
          .initialize()
          .open(kUri, before)
          .changeRange(kUri, 2, 3, 16, 3, 16, "[]")
          .request(
              2, "textDocument/hover",
              R"({"textDocument":{"uri":"file:///work/alias.yaml"},"position":{"line":3,"character":17}})")
          .shutdownAndExit(3));
  CHECK(session.exitCode == 0);
  const rapidjson::Value* published = session.lastDiagnostics(kUri);
  REQUIRE(published != nullptr);
  CHECK((*published)["version"].GetInt() == 2);
  CHECK(toJson((*published)["diagnostics"]).find("`Properties` must be a mapping, not a list") !=
        std::string::npos);
  CHECK(session.response(2) != nullptr);
}
