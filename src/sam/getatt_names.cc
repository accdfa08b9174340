#include "sam/getatt_names.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "sam/embedded_data.h"

namespace samshift::sam {

namespace {

// sam_resources.py: SamFunction, SamApi, SamHttpApi and SamWebSocketApi `referable_properties`.
constexpr std::array<ReferableProperty, 4> kFunctionProperties = {{
    {"Alias", "AWS::Lambda::Alias"},
    {"Version", "AWS::Lambda::Version"},
    {"DestinationTopic", "AWS::SNS::Topic"},
    {"DestinationQueue", "AWS::SQS::Queue"},
}};
constexpr std::array<ReferableProperty, 7> kApiProperties = {{
    {"Stage", "AWS::ApiGateway::Stage"},
    {"Deployment", "AWS::ApiGateway::Deployment"},
    {"DomainName", "AWS::ApiGateway::DomainName"},
    {"DomainNameV2", "AWS::ApiGateway::DomainNameV2"},
    {"UsagePlan", "AWS::ApiGateway::UsagePlan"},
    {"UsagePlanKey", "AWS::ApiGateway::UsagePlanKey"},
    {"ApiKey", "AWS::ApiGateway::ApiKey"},
}};
constexpr std::array<ReferableProperty, 2> kApiV2Properties = {{
    {"Stage", "AWS::ApiGatewayV2::Stage"},
    {"DomainName", "AWS::ApiGatewayV2::DomainName"},
}};

// The resource each macro's to_cloudformation gives the macro's own logical ID.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kUnderLogicalId = {{
    {"AWS::Serverless::Api", "AWS::ApiGateway::RestApi"},
    {"AWS::Serverless::Application", "AWS::CloudFormation::Stack"},
    {"AWS::Serverless::CapacityProvider", "AWS::Lambda::CapacityProvider"},
    {"AWS::Serverless::Connector", ""},
    {"AWS::Serverless::Function", "AWS::Lambda::Function"},
    {"AWS::Serverless::GraphQLApi", "AWS::AppSync::GraphQLApi"},
    {"AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api"},
    {"AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table"},
    {"AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"},
    {"AWS::Serverless::WebSocketApi", "AWS::ApiGatewayV2::Api"},
}};

using AttributeTable = std::map<std::string, std::vector<std::string>, std::less<>>;

const AttributeTable& attributeTable() {
  static const AttributeTable kTable = [] {
    AttributeTable table;
    rapidjson::Document document;
    std::string_view json = embeddedSamData("cloudformation_attributes");
    document.Parse(json.data(), json.size());
    if (document.HasParseError() || !document.IsObject()) return table;
    for (const auto& member : document.GetObject()) {
      std::vector<std::string>& names = table[member.name.GetString()];
      if (!member.value.IsArray()) continue;
      for (const auto& name : member.value.GetArray()) {
        if (name.IsString()) names.emplace_back(name.GetString(), name.GetStringLength());
      }
    }
    return table;
  }();
  return kTable;
}

}  // namespace

std::vector<std::string_view> cloudFormationAttributes(std::string_view type) {
  std::vector<std::string_view> out;
  auto found = attributeTable().find(type);
  if (found == attributeTable().end()) return out;
  out.assign(found->second.begin(), found->second.end());
  return out;
}

std::string_view typeUnderLogicalId(std::string_view type) {
  for (const auto& [serverless, underId] : kUnderLogicalId) {
    if (serverless == type) return underId;
  }
  // LayerVersion's own resource takes a hashed ID: nothing keeps the macro's.
  if (type == "AWS::Serverless::LayerVersion") return {};
  return type;
}

std::span<const ReferableProperty> referableProperties(std::string_view serverlessType) {
  if (serverlessType == "AWS::Serverless::Function") return kFunctionProperties;
  if (serverlessType == "AWS::Serverless::Api") return kApiProperties;
  if (serverlessType == "AWS::Serverless::HttpApi" ||
      serverlessType == "AWS::Serverless::WebSocketApi")
    return kApiV2Properties;
  return {};
}

}  // namespace samshift::sam
