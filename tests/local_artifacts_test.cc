// Local artifact paths (sam/local_artifacts.h): the placeholders `sam validate` writes, expand's
// default and its --strict-uris, golden expansions of real templates as written
// (fixtures/expand_local/<case>/: input.yaml → output.json, checked against the SAM transform's
// output of the packaged template), and, when ../shared is present, every serverless-patterns
// template expanded as written against its packaged copy expanded strictly.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "expand/expander.h"
#include "expand/json_output.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/local_artifacts.h"
#include "sam/parameter_values.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;
using model::Node;

namespace {

std::string text(const Node* node) { return node && node->isString() ? node->text() : "<none>"; }

const Node* property(const Node& root, const char* resource, const char* name) {
  const Node* props = root.get("Resources")->get(resource)->get("Properties");
  return props ? props->get(name) : nullptr;
}

// What expand gives: the JSON, or the rejection, or why it is not supported.
std::string expandOutcome(Node& root, bool replace) {
  if (replace) sam::replaceLocalArtifacts(root);
  model::Template templ(root);
  sam::ParameterValues params(templ, {}, "us-east-1");
  expand::ExpandResult result = expand::expandTemplate(root, params);
  if (!result.errors.empty()) return "rejected: " + expand::overallErrorMessage(result.errors);
  if (result.unsupported) return "not supported: " + *result.unsupported;
  core::Result<std::string> json = expand::toJson(result.output);
  return json ? *json : "no JSON: " + json.error().message;
}

}  // namespace

TEST_CASE("sam validate's placeholders for local artifacts", "[expand][local]") {
  Node root = testing::parseYaml(R"(Globals:
  Function:
    Timeout: 3
Resources:
  Local:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: hello_world/, Handler: app.handler, Runtime: python3.12}
  Missing:
    Type: AWS::Serverless::Function
    Properties: {Handler: app.handler, Runtime: python3.12}
  NoProperties:
    Type: AWS::Serverless::Function
  Uploaded:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: s3://bucket/key, Handler: app.handler, Runtime: python3.12}
  Location:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: {Bucket: b, Key: k}, Handler: app.handler, Runtime: python3.12}
  Https:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: 'https://example.com/code.zip', Handler: a.b, Runtime: python3.12}
  Layer:
    Type: AWS::Serverless::LayerVersion
    Properties: {}
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties: {DefinitionUri: statemachine/flow.asl.json}
  InlineMachine:
    Type: AWS::Serverless::StateMachine
    Properties: {Definition: {}}
  Api:
    Type: AWS::Serverless::Api
    Properties: {StageName: prod}
  Plain:
    Type: AWS::Lambda::Function
    Properties: {Code: src/}
)");
  std::vector<std::string> replaced = sam::replaceLocalArtifacts(root);
  CHECK(replaced == std::vector<std::string>{"Globals.Function.CodeUri",
                                             "Resources.Local.Properties.CodeUri",
                                             "Resources.Layer.Properties.ContentUri",
                                             "Resources.Machine.Properties.DefinitionUri"});
  CHECK(text(root.get("Globals")->get("Function")->get("CodeUri")) == "s3://bucket/value");
  CHECK(text(property(root, "Local", "CodeUri")) == "s3://bucket/value");
  // It takes the placeholder of Globals.
  CHECK(property(root, "Missing", "CodeUri") == nullptr);
  // SAM CLI writes into `resource.get("Properties", {})`: a fresh mapping, then lost.
  CHECK(root.get("Resources")->get("NoProperties")->get("Properties") == nullptr);
  CHECK(text(property(root, "Uploaded", "CodeUri")) == "s3://bucket/key");
  // A URL is no local path: SAM's rejection stands (`sam validate` would hide it).
  CHECK(text(property(root, "Https", "CodeUri")) == "https://example.com/code.zip");
  CHECK(property(root, "Location", "CodeUri")->isMapping());
  CHECK(text(property(root, "Layer", "ContentUri")) == "s3://bucket/value");
  CHECK(property(root, "InlineMachine", "DefinitionUri") == nullptr);
  CHECK(property(root, "Api", "DefinitionUri") == nullptr);
  CHECK(text(property(root, "Plain", "Code")) == "src/");
}

TEST_CASE("a function without CodeUri keeps an S3 URI of Globals", "[expand][local]") {
  Node root = testing::parseYaml(R"(Globals:
  Function:
    CodeUri: s3://bucket/code.zip
Resources:
  Inherits:
    Type: AWS::Serverless::Function
    Properties: {Handler: app.handler, Runtime: python3.12}
  NoGlobals:
    Type: AWS::Serverless::LayerVersion
    Properties: {LayerName: deps}
)");
  std::vector<std::string> replaced = sam::replaceLocalArtifacts(root);
  CHECK(replaced == std::vector<std::string>{"Resources.NoGlobals.Properties.ContentUri"});
  CHECK(text(root.get("Globals")->get("Function")->get("CodeUri")) == "s3://bucket/code.zip");
  CHECK(property(root, "Inherits", "CodeUri") == nullptr);
}

TEST_CASE("an Image function keeps Globals' CodeUri and gets a placeholder image",
          "[expand][local]") {
  Node root = testing::parseYaml(R"(Globals:
  Function:
    CodeUri: src/
Resources:
  Built:
    Type: AWS::Serverless::Function
    Metadata: {Dockerfile: Dockerfile, DockerContext: ./src}
    Properties: {PackageType: Image, CodeUri: src/}
  Pulled:
    Type: AWS::Serverless::Function
    Metadata: {Dockerfile: Dockerfile}
    Properties: {PackageType: Image, ImageUri: repo:latest}
  NoDockerfile:
    Type: AWS::Serverless::Function
    Metadata: {Dockerfile: ''}
    Properties: {PackageType: Image}
)");
  std::vector<std::string> replaced = sam::replaceLocalArtifacts(root);
  CHECK(replaced == std::vector<std::string>{"Resources.Built.Properties.ImageUri"});
  // Not every resource is Zip: Globals.Function.CodeUri stays.
  CHECK(text(root.get("Globals")->get("Function")->get("CodeUri")) == "src/");
  CHECK(text(property(root, "Built", "CodeUri")) == "src/");
  CHECK(text(property(root, "Built", "ImageUri")) ==
        "111111111111.dkr.ecr.region.amazonaws.com/repository");
  CHECK(text(property(root, "Pulled", "ImageUri")) == "repo:latest");
  CHECK(property(root, "NoDockerfile", "ImageUri") == nullptr);
}

TEST_CASE("expand writes placeholders by default, refuses local paths with --strict-uris",
          "[expand][local]") {
  const std::string input =
      "fixtures/expand_local/lambda-durable-parallel-execution-python-sam/"
      "input.yaml";
  testing::CommandResult lenient = testing::runSamshift("expand " + input);
  CHECK(lenient.exitCode == 0);
  CHECK(lenient.err ==
        "samshift expand: note: local artifact paths given sam validate's placeholders "
        "(Resources.MathFunction.Properties.CodeUri): the logical IDs SAM hashes from them "
        "(versions, layers, API deployments) differ from those a real `sam package` gives; "
        "--strict-uris refuses them\n");
  testing::CommandResult strict = testing::runSamshift("expand --strict-uris " + input);
  CHECK(strict.exitCode == 1);
  CHECK(strict.out.empty());
  CHECK(strict.err.find("'CodeUri' is not a valid S3 Uri") != std::string::npos);
  // Nothing hashed from the code: no note.
  testing::CommandResult image =
      testing::runSamshift("expand fixtures/expand_local/lambda-ecs-durable-python-sam/input.yaml");
  CHECK(image.exitCode == 0);
  CHECK(image.err.empty());
}

TEST_CASE("golden expansions of real templates with local paths", "[expand][local][golden]") {
  bool update = std::getenv("SAMSHIFT_UPDATE_SNAPSHOTS") != nullptr;
  size_t cases = 0;
  for (const auto& entry : fs::directory_iterator("fixtures/expand_local")) {
    fs::path dir = entry.path();
    testing::CommandResult run = testing::runSamshift("expand " + (dir / "input.yaml").string());
    INFO("case " << dir.filename().string() << "\n" << run.err);
    CHECK(run.exitCode == 0);
    if (update) testing::writeFile(dir / "output.json", run.out);
    CHECK(run.out == testing::readFile(dir / "output.json"));
    ++cases;
  }
  CHECK(cases >= 4);
}

TEST_CASE("serverless-patterns as written expand as their packaged copies do",
          "[expand][local][corpus]") {
  if (!testing::corpusPresent()) {
    WARN("../shared/corpus is absent: local-paths corpus test skipped");
    return;
  }
  fs::path corpus = testing::corpusRoot() / "serverless-patterns";
  size_t compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus / "templates")) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    fs::path packaged = corpus / "packaged" / fs::relative(entry.path(), corpus / "templates");
    if (!fs::exists(packaged)) continue;
    model::Document written =
        load::loadText(entry.path().string(), testing::readFile(entry.path()));
    model::Document prepared = load::loadText(packaged.string(), testing::readFile(packaged));
    if (!written.parsed || !prepared.parsed) continue;
    INFO(entry.path().string());
    CHECK(expandOutcome(written.root, true) == expandOutcome(prepared.root, false));
    ++compared;
  }
  CHECK(compared >= 450);
}
