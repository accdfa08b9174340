// `samshift plan --view routes`: who calls each function and what the call reaches. Goldens of
// the text, JSON and SVG renderings beside the fixtures of fixtures/plan/routes
// (SAMSHIFT_UPDATE_SNAPSHOTS=1 rewrites them), the seed scenario of issue #18 pinned route by
// route, the JSON checked against docs/plan-routes.schema.json with valijson, the code-lens
// summaries of plan::stageRoutes, and what SAM's events invoke (sam::samEventCallers).

// valijson's adapter first: it defines RAPIDJSON_ASSERT for every RapidJSON header after it.
#include <valijson/adapters/rapidjson_adapter.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "load/loader.h"
#include "model/template.h"
#include "plan/report.h"
#include "plan/routes.h"
#include "sam/deployment_model.h"
#include "sam/event_callers.h"
#include "sam/globals.h"
#include "sam/parameter_values.h"
#include "schema/valijson.h"
#include "test_support.h"

using samshift::testing::compareSnapshot;
using samshift::testing::readFile;
using samshift::testing::runSamshift;

namespace {

const char* const kFixtures[] = {"seed", "edges", "wrong_types", "none"};

std::string fixture(const std::string& name) { return "fixtures/plan/routes/" + name + ".yaml"; }

rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

// The errors valijson finds in `instance` against docs/plan-routes.schema.json (strict types).
std::vector<std::string> schemaErrors(const rapidjson::Document& instance) {
  rapidjson::Document schemaDocument = parseJson(readFile("docs/plan-routes.schema.json"));
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::RapidJsonAdapter schemaAdapter(schemaDocument);
  parser.populateSchema(schemaAdapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::RapidJsonAdapter instanceAdapter(instance);
  validator.validate(schema, instanceAdapter, &results);
  std::vector<std::string> errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string where;
    for (const std::string& part : error.context) where += part;
    errors.push_back(where + ": " + error.description);
  }
  return errors;
}

struct Loaded {
  samshift::model::Document document;
};

Loaded load(const std::string& path) {
  auto loaded = samshift::load::loadFile(path);
  REQUIRE(loaded.ok());
  return Loaded{std::move(loaded).value()};
}

}  // namespace

TEST_CASE("plan routes in text, JSON and SVG match their goldens", "[plan][routes][cli]") {
  for (const char* name : kFixtures) {
    INFO(name);
    for (const char* format : {"text", "json", "svg"}) {
      INFO(format);
      auto result =
          runSamshift(std::string("plan --view routes --format ") + format + " " + fixture(name));
      CHECK(result.exitCode == 0);
      CHECK(result.err.empty());
      std::string extension = std::string(format) == "text" ? "txt" : format;
      compareSnapshot(result.out, "fixtures/plan/routes/" + std::string(name) + "." + extension);
    }
  }
}

TEST_CASE("plan --view all shows the deployments, then the routes", "[plan][routes][cli]") {
  for (const char* format : {"text", "json", "svg"}) {
    INFO(format);
    auto result =
        runSamshift(std::string("plan --view all --format ") + format + " " + fixture("seed"));
    CHECK(result.exitCode == 0);
    std::string extension = std::string(format) == "text" ? "txt" : format;
    compareSnapshot(result.out, "fixtures/plan/routes/seed.all." + extension);
  }
  // The default view is unchanged: deployments only.
  auto plain = runSamshift("plan " + fixture("seed"));
  auto deployments = runSamshift("plan --view deployments " + fixture("seed"));
  CHECK(plain.out == deployments.out);
  CHECK(plain.out.find("rest api") == std::string::npos);
  CHECK(runSamshift("plan --view paths " + fixture("seed")).exitCode == 3);
}

TEST_CASE("the seed scenario: each stage reaches its alias, versions and weights",
          "[plan][routes]") {
  auto result = runSamshift("plan --view routes --format json " + fixture("seed"));
  REQUIRE(result.exitCode == 0);
  rapidjson::Document json = parseJson(result.out);
  const auto& routes = json["routes"];
  REQUIRE(routes.Size() == 5);
  struct Expected {
    const char* stage;
    const char* alias;
    std::vector<std::pair<std::string, int>> versions;
  };
  const Expected kStages[] = {{"dev", "DEV", {{"$LATEST", 100}}},
                              {"test", "TEST", {{"OrdersV2", 100}}},
                              {"prod", "PROD", {{"OrdersV1", 95}, {"OrdersV2", 5}}}};
  for (rapidjson::SizeType i = 0; i < 3; ++i) {
    const auto& route = routes[i];
    INFO(kStages[i].stage);
    CHECK(std::string(route["api"].GetString()) == "OrdersApi");
    CHECK(std::string(route["stage"].GetString()) == kStages[i].stage);
    CHECK(std::string(route["via"].GetString()) == "GET /orders");
    CHECK(std::string(route["stageVariable"].GetString()) == "alias");
    CHECK(std::string(route["target"].GetString()) == "alias");
    CHECK(std::string(route["qualifier"].GetString()) == kStages[i].alias);
    REQUIRE(route["versions"].Size() == kStages[i].versions.size());
    for (rapidjson::SizeType k = 0; k < route["versions"].Size(); ++k) {
      CHECK(route["versions"][k]["version"].GetString() == kStages[i].versions[k].first);
      CHECK(route["versions"][k]["percent"].GetDouble() == kStages[i].versions[k].second);
    }
    CHECK_FALSE(route["bypassesAlias"].GetBool());
  }
  const auto& payments = routes[3];
  CHECK(std::string(payments["api"].GetString()) == "ServerlessRestApi");
  CHECK(std::string(payments["stage"].GetString()) == "Prod");
  CHECK(std::string(payments["via"].GetString()) == "POST /pay");
  CHECK(std::string(payments["qualifier"].GetString()) == "live");
  CHECK(std::string(payments["aliasResource"].GetString()) == "PaymentsFnAliaslive");
  REQUIRE(payments["deployment"].IsObject());
  CHECK(std::string(payments["deployment"]["config"].GetString()) == "Canary10Percent5Minutes");
  CHECK(payments["deployment"]["steps"].Size() == 2);
  // Without OpenApiVersion, SAM's REST API has a second stage, "Stage", reaching the same alias.
  CHECK(std::string(routes[4]["stage"].GetString()) == "Stage");
  CHECK(std::string(routes[4]["qualifier"].GetString()) == "live");
}

TEST_CASE("plan routes JSON validates against docs/plan-routes.schema.json",
          "[plan][routes][schema]") {
  for (const char* name : kFixtures) {
    for (const char* view : {"routes", "all"}) {
      INFO(name << " --view " << view);
      auto result =
          runSamshift(std::string("plan --format json --view ") + view + " " + fixture(name));
      REQUIRE(result.exitCode == 0);
      CHECK(schemaErrors(parseJson(result.out)) == std::vector<std::string>{});
    }
  }
  // The deployments of --view all are PLAN JSON's: every plan fixture's, under the same schema.
  for (const char* name : {"predefined", "custom", "state_machines", "globals_parameters",
                           "disabled", "explicit_aliases"}) {
    INFO(name);
    auto result =
        runSamshift(std::string("plan --format json --view all fixtures/plan/") + name + ".yaml");
    REQUIRE(result.exitCode == 0);
    CHECK(schemaErrors(parseJson(result.out)) == std::vector<std::string>{});
  }
  // The schema is not a rubber stamp: a weight above 100%, a missing key, an unknown kind fail.
  auto seed = runSamshift("plan --format json --view routes " + fixture("seed"));
  rapidjson::Document broken = parseJson(seed.out);
  broken["routes"][0]["versions"][0]["percent"].SetInt(150);
  CHECK(schemaErrors(broken).size() >= 1);
  broken = parseJson(seed.out);
  broken["routes"][1].RemoveMember("stage");
  CHECK(schemaErrors(broken).size() >= 1);
  broken = parseJson(seed.out);
  broken["routes"][2]["kind"].SetString("websocket");
  CHECK(schemaErrors(broken).size() >= 1);
}

TEST_CASE("parameter overrides choose the alias and the branch a route takes",
          "[plan][routes][cli]") {
  auto result = runSamshift("plan --view routes --parameter-overrides AliasName=green Env=dev " +
                            fixture("edges"));
  REQUIRE(result.exitCode == 0);
  // The URL's Qualifier and AutoPublishAlias both read AliasName.
  CHECK(result.out.find("function url JobsUrl: TargetFunctionArn\n"
                        "  invokes     JobsFn, alias green (JobsFnAliasgreen)\n") !=
        std::string::npos);
  // IsProd is false: the mapping takes the unqualified branch and bypasses the alias.
  CHECK(result.out.find("event source ProdOnlyMapping: FunctionName\n"
                        "  invokes     JobsFn unqualified\n") != std::string::npos);
  // An explicit alias named by the parameter is found under its new name.
  CHECK(result.out.find("event source ReportsRule: Targets.Arn\n"
                        "  invokes     ReportsFn, alias green (ReportsAlias)\n") !=
        std::string::npos);
  // Stage blue still names alias `blue`, which no longer exists.
  CHECK(result.out.find("alias `blue` of `JobsFn` is not defined in this template") !=
        std::string::npos);
}

TEST_CASE("routes of wrong-typed values are listed, never a crash", "[plan][routes]") {
  auto result = runSamshift("plan --view routes " + fixture("wrong_types"));
  CHECK(result.exitCode == 0);
  CHECK(result.out.find("stage variable `v` is not set on stage `{a: b}`") != std::string::npos);
  CHECK(result.out.find("the name of the alias of `Fn` cannot be read") != std::string::npos);
  // A resource path that loops is unknown, not walked for ever.
  CHECK(result.out.find("rest api Api stage s: ? ? (Method)") != std::string::npos);
  auto none = runSamshift("plan --view routes " + fixture("none"));
  CHECK(none.out == "fixtures/plan/routes/none.yaml: no callers of a Lambda function\n");
}

TEST_CASE("routes of every fixture and fuzz regression render without a crash", "[plan][routes]") {
  // Rule fixtures are full of callers written every way the R rules know, and the fuzz
  // regressions of values that once crashed samshift; routes must read them all.
  std::vector<std::filesystem::path> paths;
  for (const char* root : {"fixtures/rules", "fixtures/plan", "fuzz/regressions"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      std::string extension = entry.path().extension().string();
      if (extension == ".yaml" || extension == ".json") paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  REQUIRE(paths.size() > 100);
  size_t routed = 0;
  for (const std::filesystem::path& path : paths) {
    INFO(path.string());
    auto loaded = samshift::load::loadFile(path.string());
    if (!loaded.ok() || !loaded.value().parsed || !loaded.value().root.isMapping()) continue;
    samshift::model::Template templ(loaded.value().root);
    samshift::sam::ParameterValues params(templ, {}, "us-east-1");
    auto deployments = samshift::plan::findDeployments(templ, params);
    auto routes = samshift::plan::findRoutes(templ, params, deployments);
    routed += routes.empty() ? 0 : 1;
    CHECK_FALSE(samshift::plan::renderRoutesText(routes, path.string()).empty());
    CHECK_FALSE(samshift::plan::renderRoutesJson(routes, &deployments, path.string()).empty());
    CHECK_FALSE(samshift::plan::renderRoutesSvg(routes, path.string()).empty());
    samshift::plan::stageRoutes(templ, params);
  }
  CHECK(routed > 10);  // the walk reaches templates with callers (16 today)
}

TEST_CASE("stageRoutes gives one code-lens line per API stage", "[plan][routes]") {
  Loaded loaded = load(fixture("seed"));
  samshift::model::Template templ(loaded.document.root);
  samshift::sam::ParameterValues params(templ, {}, "us-east-1");
  std::vector<samshift::plan::StageRoute> stages = samshift::plan::stageRoutes(templ, params);
  REQUIRE(stages.size() == 5);
  CHECK(stages[0].summary == "dev \xE2\x86\x92 DEV \xE2\x86\x92 $LATEST");
  CHECK(stages[1].summary == "test \xE2\x86\x92 TEST \xE2\x86\x92 OrdersV2");
  CHECK(stages[2].summary ==
        "prod \xE2\x86\x92 PROD \xE2\x86\x92 OrdersV1 95% \xC2\xB7 OrdersV2 5%");
  CHECK(stages[3].summary ==
        "Prod \xE2\x86\x92 live \xE2\x86\x92 PaymentsFn.Version (Canary10Percent5Minutes)");
  CHECK(stages[4].summary ==
        "Stage \xE2\x86\x92 live \xE2\x86\x92 PaymentsFn.Version (Canary10Percent5Minutes)");
  // Each lens sits on the stage's definition: DevStage's logical ID, and for the implicit API
  // the Api event that makes it.
  const std::string& text = loaded.document.source.text();
  CHECK(text.substr(stages[0].span.begin, 8) == "DevStage");
  CHECK(text.substr(stages[2].span.begin, 9) == "ProdStage");
  CHECK(text.substr(stages[3].span.begin, 4) == "Type");
}

TEST_CASE("OpenApiVersion removes the extra stage SAM gives a REST API", "[plan][routes][sam]") {
  auto stagesOf = [](const std::string& yaml) {
    auto document = samshift::load::loadText("t.yaml", yaml);
    REQUIRE(document.parsed);
    samshift::model::Template templ(document.root);
    samshift::sam::ParameterValues params(templ, {}, "us-east-1");
    std::vector<std::string> names;
    for (const auto& stage : samshift::plan::stageRoutes(templ, params))
      names.push_back(stage.api + "/" + stage.stage);
    return names;
  };
  const std::string functions = R"(
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
      Events:
        Implicit: {Type: Api, Properties: {Path: /a, Method: get}}
        Explicit: {Type: Api, Properties: {Path: /b, Method: get, RestApiId: !Ref Api}}
  Api:
    Type: AWS::Serverless::Api
    Properties: {StageName: v1)";
  CHECK(stagesOf("Resources:" + functions + "}\n") ==
        std::vector<std::string>{"ServerlessRestApi/Prod", "ServerlessRestApi/Stage", "Api/v1",
                                 "Api/Stage"});
  CHECK(stagesOf("Resources:" + functions + ", OpenApiVersion: '3.0.1'}\n") ==
        std::vector<std::string>{"ServerlessRestApi/Prod", "ServerlessRestApi/Stage", "Api/v1"});
  CHECK(stagesOf("Globals: {Api: {OpenApiVersion: '3.0.1'}}\nResources:" + functions + "}\n") ==
        std::vector<std::string>{"ServerlessRestApi/Prod", "Api/v1"});
}

TEST_CASE("SAM points a function's events and URL at its AutoPublishAlias alias",
          "[plan][routes][sam]") {
  auto document = samshift::load::loadText("t.yaml", R"(Resources:
  Aliased:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
      FunctionUrlConfig: {AuthType: NONE}
      Events:
        Get: {Type: Api, Properties: {Path: /a, Method: get}}
        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
  Plain:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Http: {Type: HttpApi}
)");
  REQUIRE(document.parsed);
  samshift::model::Template templ(document.root);
  samshift::sam::ParameterValues params(templ);
  auto callersOf = [&](std::string_view id) {
    const samshift::model::ResourceView& resource = *templ.resource(id);
    static samshift::model::Node properties;  // the callers point into it
    properties = samshift::sam::propertiesWithGlobals(templ, resource);
    return samshift::sam::samEventCallers(
        properties, samshift::sam::readDeploymentModel(templ, resource, params));
  };
  auto aliased = callersOf("Aliased");
  REQUIRE(aliased.size() == 3);
  for (const auto& caller : aliased) {
    CHECK(caller.throughAlias);
    CHECK(caller.alias == "live");
  }
  CHECK(aliased[0].type == "Api");
  CHECK(aliased[0].api == "ServerlessRestApi");
  CHECK(aliased[0].method == "GET");
  CHECK(aliased[0].path == "/a");
  CHECK(aliased[2].type == "FunctionUrl");
  auto plain = callersOf("Plain");
  REQUIRE(plain.size() == 1);
  CHECK_FALSE(plain[0].throughAlias);
  CHECK(plain[0].api == "ServerlessHttpApi");
  CHECK(plain[0].path == "$default");
}
