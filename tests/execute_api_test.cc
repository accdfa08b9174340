// What an API Gateway permission's SourceArn allows (sam/execute_api_arns.h), and rule R006 on
// the CloudFormation SAM writes for `Api` events: SAM's own permissions are never reported.

#include <catch2/catch.hpp>
#include <string>

#include "load/loader.h"
#include "model/template.h"
#include "sam/execute_api_arns.h"
#include "sam/parameter_values.h"
#include "test_support.h"

using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace samshift {

namespace {

// The pattern of `SourceArn: <sourceArn>` in a template with the APIs `Api` and `Other` and
// two parameters, one with a value.
std::optional<std::string> patternOf(const std::string& sourceArn) {
  std::string yaml =
      "Parameters:\n  Stage: {Type: String, Default: prod}\n  Unset: {Type: String}\n"
      "Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n"
      "  Other:\n    Type: AWS::ApiGatewayV2::Api\n  Perm:\n"
      "    Type: AWS::Lambda::Permission\n    Properties:\n      SourceArn: " +
      sourceArn + "\n";
  model::Document document = load::loadText("t.yaml", yaml);
  REQUIRE(document.parsed);
  model::Template templ(document.root);
  sam::ParameterValues params(templ);
  const model::Node* arn = templ.resource("Perm")->property("SourceArn");
  REQUIRE(arn);
  return sam::executeApiSourcePattern(*arn, templ, params);
}

std::optional<std::string> describedPattern(const std::string& sourceArn) {
  std::optional<std::string> pattern = patternOf(sourceArn);
  return pattern ? std::optional(sam::describeExecuteApiPattern(*pattern)) : std::nullopt;
}

bool allows(const std::string& sourceArn, const std::string& method, const std::string& path,
            std::optional<std::string> stage = std::string("prod")) {
  std::optional<std::string> pattern = patternOf(sourceArn);
  REQUIRE(pattern);
  return sam::executeApiAllows(*pattern, sam::ExecuteApiCall{"Api", stage, method, path});
}

}  // namespace

TEST_CASE("A SourceArn reads as a pattern over API_ID/STAGE/METHOD/PATH", "[execute-api]") {
  CHECK(describedPattern(
            "!Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/x") ==
        "${Api}/*/GET/x");
  CHECK(describedPattern("!Join ['', ['arn:aws:execute-api:', !Ref AWS::Region, ':', !Ref "
                         "AWS::AccountId, ':', !Ref Api, '/', !Ref Stage, '/POST/x']]") ==
        "${Api}/prod/POST/x");
  // SAM's form: the API and the stage bound in the Sub's variables.
  CHECK(
      describedPattern("!Sub ['arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
                       "${__ApiId__}/${__Stage__}/GET/orders/*', {__ApiId__: !Ref Api, __Stage__: "
                       "'*'}]") == "${Api}/*/GET/orders/*");
  // What cannot be read allows anything there; a path parameter in the pattern too.
  CHECK(describedPattern(
            "!Sub arn:aws:execute-api:us-east-1:1:${Unset}/${Api.RootResourceId}/GET/{id}") ==
        "*/*/GET/*");
  // Not an execute-api ARN, or not one samshift can split: no pattern.
  CHECK_FALSE(describedPattern("!GetAtt Api.Arn"));
  CHECK_FALSE(describedPattern("arn:aws:sns:us-east-1:1:topic"));
  CHECK_FALSE(describedPattern("[a, b]"));
  CHECK_FALSE(describedPattern("!If [C, a, b]"));
}

TEST_CASE("A SourceArn pattern allows calls as StringLike does", "[execute-api]") {
  const std::string prefix = "!Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}";
  // `*` crosses `/`: one wildcard allows every stage, method and path.
  CHECK(allows(prefix + "/*", "GET", "/a/b/c"));
  CHECK(allows(prefix + "/*/*", "POST", "/orders/{id}"));
  CHECK(allows(prefix + "/*/GET/orders/*", "GET", "/orders/{id}/items"));
  CHECK_FALSE(allows(prefix + "/*/GET/orders/*", "GET", "/orders"));
  CHECK_FALSE(allows(prefix + "/*/POST/orders", "GET", "/orders"));
  CHECK_FALSE(allows(prefix + "/dev/GET/orders", "GET", "/orders"));
  CHECK(allows(prefix + "/prod/GET/orders", "GET", "/orders"));
  // `?` is one character.
  CHECK(allows(prefix + "/pro?/GET/orders", "GET", "/orders"));
  CHECK_FALSE(allows(prefix + "/pr?/GET/orders", "GET", "/orders"));
  // A path parameter takes any value: only a wildcard (or the same parameter) allows it.
  CHECK_FALSE(allows(prefix + "/*/GET/orders/123", "GET", "/orders/{id}"));
  CHECK(allows(prefix + "/*/GET/orders/{id}", "GET", "/orders/{id}"));
  // ANY: `*` (SAM's) or `ANY`; a single method leaves the others out.
  CHECK(allows(prefix + "/*/*/items", "ANY", "/items"));
  CHECK(allows(prefix + "/*/ANY/items", "ANY", "/items"));
  CHECK_FALSE(allows(prefix + "/*/GET/items", "ANY", "/items"));
  // The root path.
  CHECK(allows(prefix + "/*/GET/", "GET", "/"));
  // No finding rests on case alone.
  CHECK(allows(prefix + "/*/get/Orders", "GET", "/orders"));
  // An unknown stage: the stage the pattern names could be it; the rest still counts.
  CHECK(allows(prefix + "/dev/GET/orders", "GET", "/orders", std::nullopt));
  CHECK_FALSE(allows(prefix + "/dev/POST/orders", "GET", "/orders", std::nullopt));
  // The API's logical ID written as text, as SAM writes a RestApiId given as a string.
  CHECK(allows("!Sub ['arn:aws:execute-api:r:1:${A}/*/GET/x', {A: Api}]", "GET", "/x"));
  // Another API does not allow this one's calls.
  CHECK_FALSE(allows("!Sub arn:aws:execute-api:us-east-1:1:${Other}/*", "GET", "/x"));
}

TEST_CASE("R006 never reports the permissions SAM writes for Api events", "[execute-api]") {
  TempDir dir;
  writeFile(dir.path() / "sam.yaml",
            "Transform: AWS::Serverless-2016-10-31\n"
            "Resources:\n"
            "  Orders:\n"
            "    Type: AWS::Serverless::Function\n"
            "    Properties:\n"
            "      Runtime: python3.12\n"
            "      Handler: app.handler\n"
            "      CodeUri: s3://bucket/code.zip\n"
            "      AutoPublishAlias: live\n"
            "      Events:\n"
            "        GetOrder: {Type: Api, Properties: {Path: '/orders/{id}', Method: get}}\n"
            "        AnyItem: {Type: Api, Properties: {Path: '/items/{proxy+}', Method: any}}\n"
            "        Root: {Type: Api, Properties: {Path: /, Method: post}}\n"
            "        Http: {Type: HttpApi, Properties: {Path: '/h/{id}', Method: put}}\n");
  std::string sam = (dir.path() / "sam.yaml").string();
  testing::CommandResult input = runSamshift("lint --select R006 " + sam);
  CHECK(input.exitCode == 0);
  CHECK(input.out.empty());
  testing::CommandResult expanded = runSamshift("expand " + sam);
  REQUIRE(expanded.exitCode == 0);
  writeFile(dir.path() / "out.json", expanded.out);
  testing::CommandResult output =
      runSamshift("lint --select R006 " + (dir.path() / "out.json").string());
  CHECK(output.exitCode == 0);
  CHECK(output.out.empty());
  // The same output with one of SAM's permissions narrowed is reported (a warning): the check
  // ran.
  std::string narrowed = expanded.out;
  std::string::size_type at = narrowed.find("/GET/orders/*");
  REQUIRE(at != std::string::npos);
  narrowed.replace(at, 13, "/GET/orders");
  writeFile(dir.path() / "narrowed.json", narrowed);
  testing::CommandResult reported =
      runSamshift("lint --select R006 " + (dir.path() / "narrowed.json").string());
  CHECK(reported.out.find("allows `GET /orders/{id}` of `ServerlessRestApi`") != std::string::npos);
}

namespace {

// R006's findings on a template with one GET integration of `Fn`, whose permission allows POST
// only, and `extra` resources.
std::string r006With(const std::string& extra) {
  TempDir dir;
  writeFile(dir.path() / "t.yaml",
            "Resources:\n"
            "  Fn:\n"
            "    Type: AWS::Lambda::Function\n"
            "    Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}}\n"
            "  Api:\n"
            "    Type: AWS::ApiGateway::RestApi\n"
            "  Get:\n"
            "    Type: AWS::ApiGateway::Method\n"
            "    Properties:\n"
            "      RestApiId: !Ref Api\n"
            "      ResourceId: !GetAtt Api.RootResourceId\n"
            "      HttpMethod: GET\n"
            "      Integration: {Type: AWS_PROXY, Uri: !GetAtt Fn.Arn}\n"
            "  Post:\n"
            "    Type: AWS::Lambda::Permission\n"
            "    Properties:\n"
            "      FunctionName: !Ref Fn\n"
            "      Principal: apigateway.amazonaws.com\n"
            "      SourceArn: !Sub "
            "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/POST/\n" +
                extra);
  return runSamshift("lint --select R006 " + (dir.path() / "t.yaml").string()).out;
}

}  // namespace

// A SourceArn that does not allow the GET either: silence comes from not knowing the permission.
const std::string kPutOnly =
    "      SourceArn: !Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/PUT/\n";

TEST_CASE("R006 stays silent when another permission may allow the call", "[execute-api]") {
  CHECK(r006With("").find("allows `GET /` of `Api`") != std::string::npos);
  // A permission of a function outside the template changes nothing.
  CHECK(r006With("  External:\n    Type: AWS::Lambda::Permission\n    Properties:\n"
                 "      FunctionName: arn:aws:lambda:us-east-1:123456789012:function:other\n"
                 "      Principal: apigateway.amazonaws.com\n")
            .find("allows `GET /` of `Api`") != std::string::npos);
  // One whose function samshift cannot tell (here by its name) might be for Fn.
  CHECK(r006With("  ByName:\n    Type: AWS::Lambda::Permission\n    Properties:\n"
                 "      FunctionName: !ImportValue fn-name\n"
                 "      Principal: apigateway.amazonaws.com\n" +
                 kPutOnly) == "");
  // Nor one whose principal is not a literal, or whose qualifier is unknown.
  CHECK(r006With(
            "  AnyPrincipal:\n    Type: AWS::Lambda::Permission\n    Properties:\n"
            "      FunctionName: !Ref Fn\n      Principal: !Sub apigateway.${AWS::URLSuffix}\n") ==
        "");
  CHECK(r006With("  Qualified:\n    Type: AWS::Lambda::Permission\n    Properties:\n"
                 "      FunctionName: !Join [':', [!GetAtt Fn.Arn, !Ref AliasName]]\n"
                 "      Principal: apigateway.amazonaws.com\n" +
                 kPutOnly) == "");
}

}  // namespace samshift
