// `samshift expand`: the Python-compatible JSON and hashes of docs/sam-semantics.md §4.5, and the
// golden cases under fixtures/expand/<case>/ (input.yaml → output.json, or errors.txt for a
// template SAM rejects; region.txt, when present, names the region instead of us-east-1).
// SAMSHIFT_UPDATE_SNAPSHOTS=1 rewrites the golden files; review the diff.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "expand/expander.h"
#include "expand/json_output.h"
#include "expand/python_json.h"
#include "expand/python_keys.h"
#include "expand/version_hash.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/deployment_model.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;
using model::Node;

namespace {

Node parse(const std::string& yaml) { return testing::parseYaml(yaml); }

// Expands `input` (no overrides) that SAM accepts: the JSON text.
std::string expandText(const std::string& path, const std::string& text,
                       const std::string& region = "us-east-1") {
  model::Document document = load::loadText(path, text);
  REQUIRE(document.parsed);
  expand::pythonJsonKeys(document.root);  // as `samshift expand` reads a template
  model::Template templ(document.root);
  sam::ParameterValues params(templ, {}, region);
  expand::ExpandResult result = expand::expandTemplate(document.root, params);
  REQUIRE_FALSE(result.unsupported.has_value());
  REQUIRE(result.errors.empty());
  core::Result<std::string> json = expand::toJson(result.output);
  REQUIRE(json);
  return *json;
}

}  // namespace

TEST_CASE("Python float repr", "[expand][python_json]") {
  CHECK(expand::pythonFloatRepr(1.0) == "1.0");
  CHECK(expand::pythonFloatRepr(2.5) == "2.5");
  CHECK(expand::pythonFloatRepr(0.1) == "0.1");
  CHECK(expand::pythonFloatRepr(1e-05) == "1e-05");
  CHECK(expand::pythonFloatRepr(0.0001) == "0.0001");
  CHECK(expand::pythonFloatRepr(1e16) == "1e+16");
  CHECK(expand::pythonFloatRepr(1234567890123456.0) == "1234567890123456.0");
  CHECK(expand::pythonFloatRepr(-80.0) == "-80.0");
  CHECK(expand::pythonFloatRepr(1.5e300) == "1.5e+300");
}

TEST_CASE("Python json.dumps with sorted keys and ensure_ascii", "[expand][python_json]") {
  CHECK(expand::pythonJson(parse("{b: 1, a: [true, null, 2.5], c: 'x\"y\\'}")) ==
        R"({"a":[true,null,2.5],"b":1,"c":"x\"y\\"})");
  // Non-ASCII → \uXXXX lowercase; astral → surrogate pair; controls and DEL; `/` unescaped.
  CHECK(expand::pythonJson(Node::string("\xe2\x80\x98 \xf0\x9f\x98\x80 \x01\t/\x7f")) ==
        "\"\\u2018 \\ud83d\\ude00 \\u0001\\t/\\u007f\"");
  // PyYAML typing: 1e3 is a string, 1.0e+3 a float, 010 the int 8.
  CHECK(expand::pythonJson(parse("[1e3, 1.0e+3, 010, no]")) == R"(["1e3",1000.0,8,false])");
}

TEST_CASE("version hashes of docs/sam-semantics.md §4.5", "[expand][hash]") {
  CHECK(expand::versionHash(parse("{S3Bucket: sam-demo-bucket, S3Key: hello.zip}")) ==
        "640128d35d");
  CHECK(expand::versionHash(parse(
            "{S3Bucket: sam-demo-bucket, S3Key: hello.zip, MemorySize: 1024}")) == "7eab81fa22");
  CHECK(expand::versionHash(parse("{S3Bucket: sam-demo-bucket, S3Key: hello.zip, SnapStart: "
                                  "{ApplyOn: PublishedVersions}}")) == "0abd29242e");
  CHECK(expand::versionHash(
            parse("{S3Bucket: sam-demo-bucket, S3Key: hello.zip, Variables: {ENV: {Ref: "
                  "Environment}, TEAM: {Ref: Team}}, MemorySize: 512}")) == "e5501c4cce");
  CHECK(expand::versionHash(
            parse("{ZipFile: \"exports.handler = async () => \\u2018Hello World!'\\n\"}")) ==
        "bd19bb9f99");
  CHECK(expand::versionHash(parse(
            "{Code: {S3Bucket: sam-demo-bucket, S3Key: hello.zip}, Handler: hello.handler, "
            "Runtime: python2.7, Tags: [{Key: 'lambda:createdBy', Value: SAM}]}")) == "62bebcf0c1");
  CHECK(expand::versionHash(parse("{Code: {S3Bucket: sam-demo-bucket, S3Key: hello.zip}, Handler: "
                                  "hello.handler, Layers: [{Ref: "
                                  "TestEnvLayer}], Runtime: python3.10, Tags: [{Key: "
                                  "'lambda:createdBy', Value: SAM}], TestEnvLayer: "
                                  "{ContentUri: 's3://bucket/key', Description: Dependencies for "
                                  "test env implementation, LayerName: "
                                  "test-env-dependencies, PublishLambdaVersion: true}}")) ==
        "046dad86da");
}

TEST_CASE("partition of a region", "[expand]") {
  CHECK(sam::partitionOfRegion("us-east-1") == "aws");
  CHECK(sam::partitionOfRegion("cn-north-1") == "aws-cn");
  CHECK(sam::partitionOfRegion("us-gov-west-1") == "aws-us-gov");
  CHECK(sam::partitionOfRegion("us-iso-east-1") == "aws-iso");
  CHECK(sam::partitionOfRegion("us-isob-east-1") == "aws-iso-b");
}

TEST_CASE("output JSON keeps integral floats and is stable", "[expand]") {
  Node root = parse("{a: 80.0, b: [1, 2.5], c: {}}");
  CHECK(*expand::toJson(root) ==
        "{\n  \"a\": 80.0,\n  \"b\": [\n    1,\n    2.5\n  ],\n  \"c\": {}\n}\n");
}

TEST_CASE("golden expansions in fixtures/expand", "[expand][golden]") {
  bool update = std::getenv("SAMSHIFT_UPDATE_SNAPSHOTS") != nullptr;
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator("fixtures/expand")) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 15);
  for (const fs::path& dir : cases) {
    std::string name = dir.filename().string();
    bool error = name.rfind("error_", 0) == 0;
    fs::path expectedPath = dir / (error ? "errors.txt" : "output.json");
    std::string region = "us-east-1";
    if (fs::exists(dir / "region.txt")) {
      region = testing::readFile(dir / "region.txt");
      while (!region.empty() && (region.back() == '\n' || region.back() == '\r')) region.pop_back();
    }
    std::string actual;
    if (error) {
      // SAM's rejections as users see them: each the finding of the rule lint reports it with.
      const fs::path input = dir / "input.yaml";
      // The transform's own reading: local paths are rejections (a Zip function without code).
      testing::CommandResult run = testing::runSamshift("expand --strict-uris --region " + region +
                                                        " " + input.generic_string());
      CHECK(run.exitCode == 1);
      CHECK(run.out.empty());
      actual = run.err;
    } else {
      actual = expandText("input.yaml", testing::readFile(dir / "input.yaml"), region);
    }
    if (update) testing::writeFile(expectedPath, actual);
    INFO("case " << name);
    CHECK(actual == testing::readFile(expectedPath));
  }
}

TEST_CASE("YAML output reads back as the same template", "[expand][yaml]") {
  for (const auto& entry : fs::directory_iterator("fixtures/expand")) {
    fs::path output = entry.path() / "output.json";
    if (!fs::exists(output)) continue;
    model::Document json = load::loadText("output.json", testing::readFile(output));
    REQUIRE(json.parsed);
    std::string yaml = expand::toYaml(json.root);
    model::Document back = load::loadText("output.yaml", yaml);
    INFO(entry.path().string() << "\n" << yaml);
    REQUIRE(back.parsed);
    CHECK(back.root.sameValue(json.root));
  }
  // Short-form tags, and scalars that YAML would otherwise type quoted.
  CHECK(expand::toYaml(parse(
            "{a: {Ref: X}, b: {Fn::GetAtt: [R, Arn]}, c: 'yes', d: '1e3', e: '', f: 'x: y'}")) ==
        "a: !Ref X\nb: !GetAtt\n  - R\n  - Arn\nc: \"yes\"\nd: \"1e3\"\ne: \"\"\nf: \"x: y\"\n");
}

TEST_CASE("numbers are written as SAM's Python writes them, or refused", "[expand][numbers]") {
  // YAML 1.1 spells NaN and the infinities `.nan` and `.inf`, and reads `1e-07` as a string.
  CHECK(expand::toYaml(parse("{a: .nan, b: .inf, c: -.inf, d: 1.0e-7, e: 1.0e+16, f: "
                             "123456789012345678901234567890}")) ==
        "a: .nan\nb: .inf\nc: -.inf\nd: 1.0e-07\ne: 1.0e+16\nf: 123456789012345678901234567890\n");
  CHECK(*expand::toJson(parse("[-1_000_000_000_000_000_000_000, 1.0e-7]")) ==
        "[\n  -1000000000000000000000,\n  1e-07\n]\n");
  // json.dumps would write NaN, which is not JSON.
  core::Result<std::string> json = expand::toJson(parse("{a: {b: [1, -.inf]}}"));
  REQUIRE_FALSE(json);
  CHECK(json.error().message ==
        "a.b[1] is -.inf, which JSON cannot hold (SAM would write -Infinity, which CloudFormation "
        "rejects; "
        "--format yaml can write it)");

  auto unsupported = [](const std::string& value) {
    model::Document document =
        load::loadText("t.yaml",
                       "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                       "      CodeUri: s3://b/k\n      Handler: h\n      Runtime: python3.12\n"
                       "      Environment: {Variables: {X: " +
                           value + "}}\n");
    REQUIRE(document.parsed);
    model::Template templ(document.root);
    sam::ParameterValues params(templ, {}, "us-east-1");
    return expand::expandTemplate(document.root, params).unsupported.value_or("");
  };
  CHECK(unsupported("123456789012345678901234567890").empty());
  CHECK(unsupported("0x1234567890abcdef1234567890abcdef") ==
        "an integer beyond 64 bits not written in decimal "
        "(Resources.Fn.Properties.Environment.Variables.X)");
  CHECK(unsupported(std::string(4300, '9')).empty());
  CHECK(unsupported(std::string(4301, '9')) ==
        "an integer of more than 4300 digits, which SAM's Python does not read "
        "(Resources.Fn.Properties.Environment.Variables.X)");
}

TEST_CASE("samshift expand command line", "[expand][cli]") {
  testing::TempDir dir;
  std::string input = "fixtures/expand/alias_basic/input.yaml";
  SECTION("JSON on stdout, the same bytes every run") {
    testing::CommandResult first = testing::runSamshift("expand " + input);
    testing::CommandResult second = testing::runSamshift("expand " + input);
    CHECK(first.exitCode == 0);
    CHECK(first.err.empty());
    CHECK(first.out == testing::readFile("fixtures/expand/alias_basic/output.json"));
    CHECK(first.out == second.out);
  }
  SECTION("a NaN exits 2 in JSON, and is written in YAML") {
    std::string text = testing::readFile(input) + "Outputs:\n  Ratio:\n    Value: .nan\n";
    testing::CommandResult json = testing::runSamshift("expand -", text);
    CHECK(json.exitCode == 2);
    CHECK(json.out.empty());
    CHECK(json.err ==
          "samshift expand: <stdin>: Outputs.Ratio.Value is .nan, which JSON cannot hold (SAM "
          "would write "
          "NaN, which CloudFormation rejects; --format yaml can write it)\n");
    testing::CommandResult yaml = testing::runSamshift("expand --format yaml -", text);
    CHECK(yaml.exitCode == 0);
    CHECK(yaml.out.find("    Value: .nan\n") != std::string::npos);
  }
  SECTION("stdin, region and parameter overrides") {
    testing::CommandResult result =
        testing::runSamshift("expand --region cn-north-1 --parameter-overrides Stage=beta -",
                             testing::readFile("fixtures/expand/alias_from_parameter/input.yaml"));
    CHECK(result.exitCode == 0);
    CHECK(result.out.find("\"FnAliasbeta\"") != std::string::npos);
    CHECK(result.out.find("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole") !=
          std::string::npos);
  }
  SECTION("-o writes the file; a failed run leaves it untouched") {
    fs::path out = dir.path() / "out.json";
    CHECK(testing::runSamshift("expand -o " + out.string() + " " + input).exitCode == 0);
    std::string written = testing::readFile(out);
    CHECK(written == testing::readFile("fixtures/expand/alias_basic/output.json"));
    testing::CommandResult rejected = testing::runSamshift(
        "expand -o " + out.string() + " fixtures/expand/error_alias_name/input.yaml");
    CHECK(rejected.exitCode == 1);
    CHECK(testing::readFile(out) == written);
    size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
  }
  SECTION("a rejected template: exit 1, nothing on stdout, causes on stderr") {
    testing::CommandResult result =
        testing::runSamshift("expand fixtures/expand/error_alias_name/input.yaml");
    CHECK(result.exitCode == 1);
    CHECK(result.out.empty());
    CHECK(result.err.rfind(
              "fixtures/expand/error_alias_name/input.yaml:9:25: error V002 [invalid-alias-name] ",
              0) == 0);
  }
  SECTION("something not supported yet: exit 2 naming it") {
    testing::CommandResult result = testing::runSamshift(
        "expand -",
        "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: "
        "s3://b/k\n"
        "      Handler: h\n      Runtime: r\n      Events:\n        E:\n          Type: Api\n"
        "          Properties: {Path: /, Method: get, Auth: {ResourcePolicy: {Other: 1}}}\n");
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "samshift expand: <stdin>: not supported yet: API Gateway: Auth of Api event FE: "
          "ResourcePolicy property Other\n");
  }
  SECTION("an implicit API's refused Auth is not read while its events are expanded") {
    testing::CommandResult result = testing::runSamshift(
        "expand -",
        "Globals:\n  Api:\n    Auth: {Authorizers: {Ref: P}, DefaultAuthorizer: A}\n"
        "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: "
        "s3://b/k\n      Handler: h\n      Runtime: r\n      Events:\n        E:\n"
        "          Type: Api\n          Properties: {Path: /, Method: get, Auth: {Authorizer: "
        "A}}\n");
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("Auth of AWS::Serverless::Api ServerlessRestApi: Authorizers that are "
                          "not a map") != std::string::npos);
  }
  SECTION("usage errors: exit 3") {
    CHECK(testing::runSamshift("expand").exitCode == 3);
    CHECK(testing::runSamshift("expand --format xml " + input).exitCode == 3);
  }
}

TEST_CASE("SAM validation names the node that causes each problem", "[expand][validation]") {
  std::string text =
      "Globals:\n"
      "  Function:\n"
      "    AutoPublishAlias: bad*name\n"
      "Resources:\n"
      "  Fn:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties:\n"
      "      CodeUri: s3://b/k\n"
      "      Handler: h\n"
      "      Runtime: r\n";
  model::Document document = load::loadText("t.yaml", text);
  REQUIRE(document.parsed);
  model::Template templ(document.root);
  sam::ParameterValues params(templ, {}, "us-east-1");
  auto problems = sam::validateSamResource(templ, *templ.resource("Fn"), params);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "alias-name-invalid");
  core::Position at = document.source.position(problems[0].node->span().begin);
  CHECK(at.line == 3);
  CHECK(at.column == 23);
  CHECK(sam::samMessage(problems[0], "Fn") ==
        "Resource with id [Fn] is invalid. AutoPublishAlias name ('bad*name') must contain only "
        "alphanumeric "
        "characters, hyphens, or underscores matching (?!^[0-9]+$)([a-zA-Z0-9-_]+) pattern.");

  auto model = sam::readDeploymentModel(templ, *templ.resource("Fn"), params);
  REQUIRE(model.has_value());
  CHECK(model->autoPublishAlias.value.isString("bad*name"));
  CHECK(model->autoPublishAlias.node == problems[0].node);
}
