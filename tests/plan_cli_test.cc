// `samshift plan` as users meet it: the text and JSON renderings of every fixture of
// fixtures/plan (snapshots beside the fixtures; SAMSHIFT_UPDATE_SNAPSHOTS=1 rewrites them),
// options, overrides and exit codes.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::compareSnapshot;
using samshift::testing::readFile;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

const char* const kFixtures[] = {"predefined",         "custom",   "state_machines",
                                 "globals_parameters", "disabled", "explicit_aliases"};

}  // namespace

TEST_CASE("plan text output of every fixture matches its snapshot", "[plan][cli]") {
  for (const char* name : kFixtures) {
    INFO(name);
    std::string path = std::string("fixtures/plan/") + name + ".yaml";
    auto result = runSamshift("plan " + path);
    CHECK(result.exitCode == 0);
    CHECK(result.err.empty());
    compareSnapshot(result.out, std::string("fixtures/plan/") + name + ".txt");
  }
}

TEST_CASE("plan JSON output of every fixture matches its snapshot", "[plan][cli]") {
  for (const char* name : kFixtures) {
    INFO(name);
    std::string path = std::string("fixtures/plan/") + name + ".yaml";
    auto result = runSamshift("plan --format json " + path);
    CHECK(result.exitCode == 0);
    compareSnapshot(result.out, std::string("fixtures/plan/") + name + ".json");
  }
}

TEST_CASE("plan JSON pins the documented shape", "[plan][cli]") {
  auto result = runSamshift("plan -f json -",
                            "Transform: AWS::Serverless-2016-10-31\n"
                            "Resources:\n"
                            "  Fn:\n"
                            "    Type: AWS::Serverless::Function\n"
                            "    Properties:\n"
                            "      AutoPublishAlias: live\n"
                            "      DeploymentPreference:\n"
                            "        Type: Canary10Percent5Minutes\n"
                            "        Hooks: {PreTraffic: !Ref Pre}\n"
                            "        Alarms: [a1]\n");
  CHECK(result.exitCode == 0);
  CHECK(result.out ==
        "{\n"
        "  \"template\": \"<stdin>\",\n"
        "  \"deployments\": [\n"
        "    {\n"
        "      \"resource\": \"Fn\",\n"
        "      \"kind\": \"function\",\n"
        "      \"alias\": \"live\",\n"
        "      \"config\": \"Canary10Percent5Minutes\",\n"
        "      \"planned\": true,\n"
        "      \"reason\": null,\n"
        "      \"description\": \"10% at once, the remaining 90% after 5 minutes\",\n"
        "      \"steps\": [\n"
        "        {\n"
        "          \"minute\": 0,\n"
        "          \"percent\": 10\n"
        "        },\n"
        "        {\n"
        "          \"minute\": 5,\n"
        "          \"percent\": 100\n"
        "        }\n"
        "      ],\n"
        "      \"hooks\": {\n"
        "        \"preTraffic\": \"Pre\",\n"
        "        \"postTraffic\": null\n"
        "      },\n"
        "      \"alarms\": [\n"
        "        \"a1\"\n"
        "      ],\n"
        "      \"rollback\": \"CodeDeploy rolls back when an alarm fires, a hook fails or the "
        "deployment is stopped\",\n"
        "      \"totalMinutes\": 5,\n"
        "      \"notes\": []\n"
        "    }\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("plan --parameter-overrides takes both sam deploy spellings", "[plan][cli]") {
  auto plain = runSamshift(
      "plan -f json --parameter-overrides 'Env=prod DeployType=AllAtOnce' "
      "fixtures/plan/globals_parameters.yaml");
  CHECK(plain.exitCode == 0);
  CHECK(plain.out.find("\"config\": \"Canary10Percent30Minutes\"") !=
        std::string::npos);  // ByCondition
  CHECK(plain.out.find(
            "\"resource\": \"FromParameter\",\n      \"kind\": \"function\",\n      \"alias\": "
            "\"live\",\n      \"config\": \"AllAtOnce\"") != std::string::npos);
  auto keyed = runSamshift(
      "plan --parameter-overrides ParameterKey=Stage,ParameterValue=green "
      "--parameter-overrides Shifting=false fixtures/plan/globals_parameters.yaml");
  CHECK(keyed.exitCode == 0);
  CHECK(keyed.out.find("FromGlobals  function, alias green\n") != std::string::npos);
  CHECK(keyed.out.find(
            "FromParameter  function, alias green\n  no plan   DeploymentPreference is disabled "
            "(Enabled: !Ref Shifting, which is false)\n") != std::string::npos);
  auto region = runSamshift("plan --region eu-west-1 fixtures/plan/globals_parameters.yaml");
  CHECK(region.out.find("ByRegion  function, alias live\n  config    AllAtOnce\n") !=
        std::string::npos);
}

TEST_CASE("plan usage and input errors", "[plan][cli]") {
  CHECK(runSamshift("plan").exitCode == 3);
  CHECK(runSamshift("plan --format xml fixtures/plan/custom.yaml").exitCode == 3);
  CHECK(runSamshift("plan a.yaml b.yaml").exitCode == 3);
  auto bad = runSamshift("plan --parameter-overrides novalue fixtures/plan/custom.yaml");
  CHECK(bad.exitCode == 3);
  CHECK(bad.err.rfind("samshift plan: --parameter-overrides takes Key=Value pairs, got 'novalue'\n",
                      0) == 0);
  auto help = runSamshift("plan --help");
  CHECK(help.exitCode == 0);
  CHECK(help.out.rfind("usage: samshift plan [OPTIONS] TEMPLATE\n", 0) == 0);
  auto missing = runSamshift("plan fixtures/plan/missing.yaml");
  CHECK(missing.exitCode == 2);
  auto broken = runSamshift("plan -", "Resources: [\n");
  CHECK(broken.exitCode == 2);
  CHECK(broken.err.rfind("<stdin>:2:1: error T001 [syntax-error] ", 0) == 0);  // as lint shows it
  auto empty = runSamshift("plan -", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
  CHECK(empty.exitCode == 0);
  CHECK(empty.out ==
        "<stdin>: no traffic shifting (no DeploymentPreference, CodeDeploy alias update policy or "
        "alias routing "
        "weights)\n");
}

TEST_CASE("plan --output writes the file", "[plan][cli]") {
  TempDir dir;
  auto path = dir.path() / "plan.txt";
  auto result = runSamshift("plan -o " + path.string() + " fixtures/plan/disabled.yaml");
  CHECK(result.exitCode == 0);
  CHECK(result.out.empty());
  CHECK(readFile(path) == readFile("fixtures/plan/disabled.txt"));
}

TEST_CASE("--parameter-overrides never takes the template, a misspelt key or an open quote",
          "[plan][cli]") {
  TempDir dir;
  fs::create_directories(dir.path() / "env=prod");
  fs::copy_file("fixtures/plan/globals_parameters.yaml", dir.path() / "env=prod" / "template.yaml");
  std::string inEnvDirectory = (dir.path() / "env=prod" / "template.yaml").string();
  // Was exit 3 "plan needs a TEMPLATE": the path, a Key=Value word, was taken as a pair.
  auto pathAfter = runSamshift("plan --parameter-overrides Stage=prod Env=dev " + inEnvDirectory);
  CHECK(pathAfter.exitCode == 0);
  CHECK(pathAfter.out.find("FromGlobals  function, alias prod\n") != std::string::npos);
  CHECK(runSamshift("plan --parameter-overrides Stage=prod -- " + inEnvDirectory).exitCode == 0);

  // Was exit 0 with the default `live`: CloudFormation rejects a parameter the template lacks.
  auto misspelt = runSamshift(
      "plan --parameter-overrides Stge=prod Stage=x fixtures/plan/globals_parameters.yaml");
  CHECK(misspelt.exitCode == 3);
  CHECK(misspelt.out.empty());
  CHECK(misspelt.err ==
        "samshift plan: --parameter-overrides: `Stge` is not a parameter of "
        "fixtures/plan/globals_parameters.yaml "
        "(its parameters: Stage, DeployType, Shifting, Region, Env)\n");

  // Was accepted as `Stage=prod`.
  auto unclosed = runSamshift(
      "plan --parameter-overrides \"Stage='prod\" fixtures/plan/globals_parameters.yaml");
  CHECK(unclosed.exitCode == 3);
  CHECK(unclosed.err.rfind("samshift plan: --parameter-overrides: unclosed ' in 'Stage='prod'\n",
                           0) == 0);

  // expand follows SAM's transform, which takes values for any name: a warning, not an error.
  auto expanded =
      runSamshift("expand --parameter-overrides Stge=prod fixtures/plan/globals_parameters.yaml");
  CHECK(expanded.exitCode == 0);
  CHECK(expanded.err ==
        "samshift expand: warning: --parameter-overrides: `Stge` is not a parameter of "
        "fixtures/plan/globals_parameters.yaml (its parameters: Stage, DeployType, Shifting, "
        "Region, Env)\n");
}
