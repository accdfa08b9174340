// SAM's connector profiles (src/sam/data/connector_profiles.json, SAM v1.110.0) as src/sam reads
// them, SAM's substitution of their variables, and what `expand` does with connectors SAM fails
// on or samshift cannot foresee: never a crash, never a guess.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include <string>

#include "expand/expander.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/connector_profiles.h"
#include "sam/embedded_data.h"
#include "sam/parameter_values.h"
#include "test_support.h"

using namespace samshift;
using model::Node;

namespace {

Node parse(const std::string& yaml) { return testing::parseYaml(yaml); }

struct Outcome {
  std::string unsupported;
  std::string firstError;
};

Outcome expandResources(const std::string& resources) {
  model::Document document =
      load::loadText("t.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n" + resources);
  REQUIRE(document.parsed);
  model::Template templ(document.root);
  sam::ParameterValues params(templ, {}, "us-east-1");
  expand::ExpandResult result = expand::expandTemplate(document.root, params);
  return {result.unsupported.value_or(""),
          result.errors.empty() ? std::string() : result.errors.front().message};
}

const std::string kFunction =
    "  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: python3.12, "
    "Handler: app.handler, CodeUri: s3://bucket/fn.zip}\n  Queue:\n    Type: AWS::SQS::Queue\n";

}  // namespace

TEST_CASE("every connector profile has a type SAM generates resources for", "[sam][connectors]") {
  rapidjson::Document document;
  std::string_view json = sam::embeddedSamData("connector_profiles");
  document.Parse(json.data(), json.size());
  REQUIRE_FALSE(document.HasParseError());
  size_t profiles = 0;
  for (const auto& source : document["Permissions"].GetObject()) {
    for (const auto& destination : source.value.GetObject()) {
      INFO(source.name.GetString() << " -> " << destination.name.GetString());
      std::optional<Node> profile =
          sam::connectorProfile(source.name.GetString(), destination.name.GetString());
      REQUIRE(profile);
      const Node* type = profile->get("Type");
      REQUIRE(type);
      CHECK((type->isString("AWS_IAM_ROLE_MANAGED_POLICY") ||
             type->isString("AWS_SQS_QUEUE_POLICY") || type->isString("AWS_SNS_TOPIC_POLICY") ||
             type->isString("AWS_LAMBDA_PERMISSION")));
      CHECK(profile->get("Properties")->get("AccessCategories")->isMapping());
      ++profiles;
    }
  }
  CHECK(profiles > 30);
  CHECK_FALSE(sam::connectorProfile("AWS::Fancy::CoolType", "AWS::Lambda::Function"));
  CHECK(sam::connectorResourceProperties("AWS::SQS::Queue", "Q")
            .get("Outputs")
            ->get("Url")
            ->sameValue(parse("{Ref: Q}")));
  CHECK(sam::connectorResourceProperties("AWS::Fancy::CoolType", "Q").entries().empty());
}

TEST_CASE("profile variables become values or Fn::Sub as in SAM's profile_replace",
          "[sam][connectors]") {
  Node arn = parse("{Fn::GetAtt: [Q, Arn]}");
  Node name = Node::string("prod");
  std::vector<sam::ProfileVariable> variables = {
      {"Source.Arn", &arn}, {"Source.Qualifier", &name}, {"Destination.Arn", nullptr}};
  Node node = parse(
      "[\"%{Source.Arn}\", \"x/%{Source.Qualifier}/*\", \"arn:${AWS::Partition}:s3:::b\", "
      "\"${}\", plain, 3]");
  CHECK_FALSE(sam::replaceProfileVariables(node, variables));
  CHECK(node.sameValue(
      parse("[{Fn::GetAtt: [Q, Arn]}, {Fn::Sub: [\"x/${SourceQualifier}/*\", "
            "{SourceQualifier: prod}]}, {Fn::Sub: \"arn:${AWS::Partition}:s3:::b\"}, "
            "\"${}\", plain, 3]")));
  Node missing = parse("{Resource: [\"%{Destination.Arn}\"]}");
  CHECK(sam::replaceProfileVariables(missing, variables) == "Destination.Arn is missing.");
  CHECK(sam::hasProfileVariables(parse("{a: \"x%{Other.Thing}\"}")));
  CHECK_FALSE(sam::hasProfileVariables(parse("{a: \"x%{}\", b: \"%{a b}\"}")));
}

TEST_CASE("connectors SAM fails on, or samshift cannot foresee, are not supported",
          "[expand][connectors]") {
  auto connector = [](const std::string& properties) {
    return "  Link:\n    Type: AWS::Serverless::Connector\n    Properties:\n" + properties;
  };
  // Resources added to kFunction, and what the reason names.
  const std::pair<std::string, std::string> kCases[] = {
      // SAM reads an intrinsic as the value it stands for.
      {connector("      Source: {Fn::If: [C, {Id: Fn}, {Id: Fn}]}\n"
                 "      Destination: {Id: Queue}\n      Permissions: [Write]\n"),
       "intrinsic"},
      {connector("      Source: {Id: Fn}\n      Destination: {Id: Queue}\n"
                 "      Permissions: !Ref P\n"),
       "intrinsic"},
      // A rule whose Targets SAM cannot iterate.
      {"  Rule:\n    Type: AWS::Events::Rule\n    Properties: {Targets: 3}\n" +
           connector("      Source: {Id: Rule}\n      Destination: {Id: Queue}\n"
                     "      Permissions: [Write]\n"),
       "Targets"},
      // An ID SAM may generate under a hash: found, or not, once expanded.
      {connector("      Source: {Id: Queue}\n      Destination: {Id: FnVersion0123456789}\n"
                 "      Permissions: [Read]\n"),
       "SAM rejects once the template is transformed"},
      // A user value that looks like a profile variable makes SAM fail.
      {connector("      Source: {Id: Fn}\n"
                 "      Destination: {Type: AWS::SQS::Queue, Arn: \"%{X}\"}\n"
                 "      Permissions: [Write]\n"),
       "%{"},
      // A key whose JSON form samshift does not compute.
      {"  Topic:\n    Type: AWS::SNS::Topic\n    Connectors:\n      0x1: "
       "{Properties: {Destination: {Id: Queue}, Permissions: [Write]}}\n",
       "JSON form"},
      // A connector that names another connector.
      {connector("      Source: {Id: Fn}\n      Destination: {Id: Other}\n"
                 "      Permissions: [Write]\n") +
           "  Other:\n    Type: AWS::Serverless::Connector\n    Properties: {Source: {Id: Fn}, "
           "Destination: {Id: Queue}, Permissions: [Write]}\n",
       "Other"},
  };
  for (const auto& [resources, reason] : kCases) {
    INFO(resources);
    CHECK(expandResources(kFunction + resources).unsupported.find(reason) != std::string::npos);
  }
}

TEST_CASE("connectors of odd shapes are SAM's rejections, not crashes", "[expand][connectors]") {
  // A resource SAM generates under a fixed ID, whose type the template implies.
  CHECK(expandResources(kFunction +
                        "  Link:\n    Type: AWS::Serverless::Connector\n    Properties: "
                        "{Source: {Id: Queue}, Destination: {Id: FnRole}, "
                        "Permissions: [Read]}\n")
            .firstError ==
        "Resource with id [Link] is invalid. Unable to create connector from "
        "AWS::SQS::Queue to AWS::IAM::Role; it's not supported or the template "
        "is invalid.");
  CHECK(expandResources(kFunction + "  Link:\n    Type: AWS::Serverless::Connector\n").firstError ==
        "Resource with id [Link] is invalid. Missing required property 'Source'.");
  CHECK(expandResources(kFunction + "  Topic:\n    Type: AWS::SNS::Topic\n    Connectors: []\n")
            .firstError ==
        "Resource with id [Topic] is invalid. Attribute 'Topic.Connectors' should be a map.");
  CHECK(expandResources(kFunction + "  Topic:\n    Connectors: {A: {Properties: {Destination: [3], "
                                    "Permissions: [Write]}}}\n")
            .firstError ==
        "Resource with id [TopicA] is invalid. Type of property 'Destination' is "
        "invalid.");
  CHECK(expandResources(kFunction +
                        "  Topic:\n    Type: AWS::SNS::Topic\n    Connectors: {A: {Properties: "
                        "{Destination: {Id: Queue}, Permissions: [Write], SourceReference: {Id: "
                        "X}}}}\n")
            .firstError ==
        "Resource with id [A] is invalid. 'Id' shouldn't be defined in "
        "'SourceReference'.");
}
