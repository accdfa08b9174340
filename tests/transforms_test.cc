// Templates that declare AWS::LanguageExtensions beside (or instead of) the SAM transform:
// CloudFormation applies transforms in the order listed, and samshift applies only SAM's.

#include <catch2/catch.hpp>
#include <string>

#include "load/loader.h"
#include "model/template.h"
#include "sam/transforms.h"
#include "test_support.h"

using namespace samshift;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

sam::LanguageExtensions order(const std::string& transform) {
  model::Document document =
      load::loadText("t.yaml", "Transform: " + transform + "\nResources: {}\n");
  REQUIRE(document.parsed);
  return sam::languageExtensions(model::Template(document.root));
}

// One function made by an Fn::ForEach loop, one written out.
std::string functionBody(const std::string& indent) {
  std::string out;
  for (const char* line :
       {"Type: AWS::Serverless::Function", "Properties:", "  Runtime: python3.12",
        "  Handler: index.handler", "  InlineCode: x", "  AutoPublishAlias: live",
        "  DeploymentPreference: {Type: AllAtOnce}"}) {
    out += indent + line + "\n";
  }
  return out;
}
const std::string kResources =
    "Resources:\n  Fn::ForEach::Functions:\n    - Name\n    - [A, B]\n"
    "    - ${Name}Function:\n" +
    functionBody("        ") + "  Plain:\n" + functionBody("    ");

}  // namespace

TEST_CASE("where AWS::LanguageExtensions runs, from the order of Transform", "[transforms]") {
  CHECK(order("AWS::Serverless-2016-10-31") == sam::LanguageExtensions::kAbsent);
  CHECK(order("[AWS::LanguageExtensions, AWS::Serverless-2016-10-31]") ==
        sam::LanguageExtensions::kBeforeSam);
  CHECK(order("[AWS::Serverless-2016-10-31, AWS::LanguageExtensions]") ==
        sam::LanguageExtensions::kAfterSam);
  CHECK(order("AWS::LanguageExtensions") == sam::LanguageExtensions::kWithoutSam);
  CHECK(order("[AWS::LanguageExtensions]") == sam::LanguageExtensions::kWithoutSam);
}

TEST_CASE("expand and plan say AWS::LanguageExtensions is not supported; lint claims no rejection",
          "[transforms]") {
  TempDir dir;
  auto path = dir.path() / "t.yaml";
  const std::string before =
      "the AWS::LanguageExtensions transform, which CloudFormation applies before SAM's "
      "(Fn::ForEach and the other language extensions are not expanded)";
  for (const char* transform :
       {"[AWS::LanguageExtensions, AWS::Serverless-2016-10-31]", "AWS::LanguageExtensions"}) {
    INFO(transform);
    writeFile(path, std::string("Transform: ") + transform + "\n" + kResources);
    bool alone = std::string(transform) == "AWS::LanguageExtensions";
    std::string what =
        alone ? "the AWS::LanguageExtensions transform without SAM's (CloudFormation would "
                "not run the SAM transform at all)"
              : before;
    auto expand = runSamshift("expand " + path.string());
    CHECK(expand.exitCode == 2);
    CHECK(expand.out == "");
    CHECK(expand.err ==
          "samshift expand: " + path.string() + ": not supported yet: " + what + "\n");
    auto plan = runSamshift("plan " + path.string());
    CHECK(plan.exitCode == 2);
    CHECK(plan.out == "");
    CHECK(plan.err == "samshift plan: " + path.string() + ": not supported: " + what +
                          "; the deployments it generates or changes cannot be planned\n");
    auto lint = runSamshift("lint --color never " + path.string());
    CHECK(lint.exitCode == 0);
    CHECK(lint.out == "");
  }
}

TEST_CASE("AWS::LanguageExtensions after SAM: SAM reads the template as written", "[transforms]") {
  TempDir dir;
  auto path = dir.path() / "t.yaml";
  // SAM runs first and meets the loop (sam-translate: exit 1 with this message).
  writeFile(path,
            std::string("Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]\n") +
                kResources);
  auto rejected = runSamshift("expand " + path.string());
  CHECK(rejected.exitCode == 1);
  CHECK(rejected.err.find(
            "Invalid Serverless Application Specification document. Number of errors found: 1. "
            "Structure of the SAM template is invalid. All 'Resources' must be Objects.") !=
        std::string::npos);
  // Without a loop SAM succeeds, and then the other transform rewrites SAM's output.
  std::string plain(kResources);
  plain.erase(plain.find("  Fn::ForEach::Functions:"),
              plain.find("  Plain:") - plain.find("  Fn::ForEach::Functions:"));
  writeFile(path, "Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]\n" + plain);
  auto other = runSamshift("expand " + path.string());
  CHECK(other.exitCode == 2);
  CHECK(other.err ==
        "samshift expand: " + path.string() +
            ": not supported yet: the AWS::LanguageExtensions transform, which CloudFormation "
            "applies to SAM's output\n");
  auto plan = runSamshift("plan " + path.string());
  CHECK(plan.exitCode == 2);
}

TEST_CASE(
    "S001: a state machine's alias Ref is resolved first only when AWS::LanguageExtensions runs "
    "before SAM",
    "[transforms][rules]") {
  TempDir dir;
  auto path = dir.path() / "t.yaml";
  auto lint = [&](const std::string& transform) {
    writeFile(
        path,
        "Transform: " + transform +
            "\nParameters:\n  AliasName: {Type: String, Default: live}\nResources:\n  Machine:\n"
            "    Type: AWS::Serverless::StateMachine\n    Properties:\n"
            "      Role: arn:aws:iam::1:role/r\n"
            "      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n"
            "      AutoPublishAlias: !Ref AliasName\n");
    return runSamshift("lint --color never --select S001 " + path.string());
  };
  CHECK(lint("[AWS::LanguageExtensions, AWS::Serverless-2016-10-31]").out == "");
  // Listed after SAM's, SAM reads the Ref as written and puts it in a logical ID.
  CHECK(lint("[AWS::Serverless-2016-10-31, AWS::LanguageExtensions]").out ==
        path.string() +
            ":10:25: error S001 [state-machine-alias-required] `AutoPublishAlias` of a state "
            "machine must be a "
            "literal name: SAM puts it in a logical ID without resolving it\n");
}
