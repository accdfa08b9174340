// SimpleTable and Application in `samshift expand`: what the goldens under fixtures/expand cannot
// show — an application SAM asks AWS about is not expanded, whatever else the template holds,
// unless SAM stops at the template's structure first.

#include <catch2/catch.hpp>

#include <string>

#include "expand/expander.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"

using namespace samshift;

namespace {

expand::ExpandResult expandYaml(const std::string& text, const std::string& region = "us-east-1") {
  model::Document document = load::loadText("t.yaml", text);
  REQUIRE(document.parsed);
  model::Template templ(document.root);
  sam::ParameterValues params(templ, {}, region);
  return expand::expandTemplate(document.root, params);
}

const std::string kRepoApp =
    "  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n"
    "        ApplicationId: !Ref AppId\n        SemanticVersion: 1.0.0\n";
const std::string kAppIdParameter =
    "Parameters:\n  AppId:\n    Type: String\n    Default: "
    "arn:aws:serverlessrepo:us-east-1:123456789012:applications/app\n";

}  // namespace

TEST_CASE("an application SAM asks AWS about is not expanded, even beside a rejection",
          "[expand][application]") {
  // The table's rejection comes after the plugin's call to AWS, which may end the transform.
  expand::ExpandResult result = expandYaml(
      kAppIdParameter + "Resources:\n" + kRepoApp +
      "  Table:\n    Type: AWS::Serverless::SimpleTable\n    Properties: {Color: blue}\n");
  REQUIRE(result.unsupported.has_value());
  CHECK(*result.unsupported ==
        "Location of application App names a Serverless Application Repository application, "
        "whose TemplateURL SAM asks AWS for");
  CHECK(result.errors.empty());
}

TEST_CASE("a rejection of the template's structure comes before the application's call to AWS",
          "[expand][application]") {
  expand::ExpandResult result =
      expandYaml(kAppIdParameter + "Resources:\n" + kRepoApp + "  Broken: []\n");
  CHECK_FALSE(result.unsupported.has_value());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].code == "resource-not-object");
}

TEST_CASE("an application in a region the repository's list lacks is not expanded",
          "[expand][application]") {
  // Whether SAM rejects it depends on the endpoint data of the botocore it runs with.
  expand::ExpandResult result =
      expandYaml(kAppIdParameter + "Resources:\n" + kRepoApp, "eu-south-1");
  REQUIRE(result.unsupported.has_value());
  CHECK(result.unsupported->find("eu-south-1") != std::string::npos);
}

TEST_CASE("an application whose Location values SAM resolves to an intrinsic is rejected, not sent",
          "[expand][application]") {
  expand::ExpandResult result = expandYaml(
      "Resources:\n  App:\n    Type: AWS::Serverless::Application\n    Properties:\n"
      "      Location: {ApplicationId: !GetAtt Other.Arn, SemanticVersion: 1.0.0}\n");
  CHECK_FALSE(result.unsupported.has_value());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].code == "application-location-unresolved");
}

TEST_CASE("a GraphQL API samshift does not read makes the other rejections not SAM's whole answer",
          "[expand][graphql]") {
  // SAM could reject the API too: the list of rejections would differ.
  expand::ExpandResult result = expandYaml(
      "Resources:\n  Table:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n"
      "      PrimaryKey: {Name: id, Type: Text}\n"
      "  Api:\n    Type: AWS::Serverless::GraphQLApi\n    Properties:\n"
      "      SchemaInline: 'type Query { a: String }'\n      Auth: {Type: API_KEY}\n"
      "      Functions: {F: {Sync: {ConflictHandler: NONE}}}\n");
  REQUIRE(result.unsupported.has_value());
  CHECK(*result.unsupported == "a Sync SAM's model may refuse (F) (Api)");
  CHECK(result.errors.empty());
}

TEST_CASE("a GraphQL API SAM rejects by its property types is SAM's answer however it is written",
          "[expand][graphql]") {
  expand::ExpandResult result = expandYaml(
      "Resources:\n  Api:\n    Type: AWS::Serverless::GraphQLApi\n    Properties:\n"
      "      SchemaInline: 'type Query { a: String }'\n"
      "      DataSources: {DynamoDb: {}}\n");
  CHECK_FALSE(result.unsupported.has_value());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].message ==
        "Resource with id [Api] is invalid. Missing required property 'Auth'.");
}
