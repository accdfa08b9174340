#pragma once
// The custom domain of an AWS::Serverless::HttpApi or AWS::Serverless::WebSocketApi (`Domain`):
// the AWS::ApiGatewayV2::DomainName, its ApiMappings and Route53 records, as
// ApiV2Generator._construct_api_domain makes them (samtranslator/model/api/apiv2_generator.py).

#include <string>

#include "expand/context.h"

namespace samshift::expand::api {

// The order in which the template's dicts the generator copies iterate: the template's, Python
// 2.7's (the Properties of an HttpApi in a template SAM converts, sam::samConvertsToPy27), or not
// known (parts come from Globals SAM does not convert): then a value whose orders differ is
// refused.
enum class CopiedOrder { kTemplate, kPy27, kUnknown };

struct ApiV2DomainSettings {
  const char* createdByTag;  // the generator's default_tag_name
  // The tags propagate_tags gives the generated resources (the API's Tags with SAM's tag), or
  // null when it gives none.
  const model::Node* propagatedTags;
  CopiedOrder tagsOrder;
  CopiedOrder domainOrder;
  // HttpApi shares the translator's RecordSetGroups with REST APIs; WebSocketApi is handed a dict
  // of its own (SamWebSocketApi reads a kwarg the translator does not pass).
  bool sharedRecordSetGroups;
};

// The domain resources of API `apiId` whose Stage is `stageId`, from its Domain resolved as
// SAM resolves it (`domain`, not null), with the API's pass-through attributes. False after
// refusing (not supported).
bool emitApiV2Domain(ExpandContext& ctx, const std::string& apiId, const model::Node& domain,
                     const std::string& stageId, const ApiV2DomainSettings& settings,
                     const PassThrough& pass = {});

}  // namespace samshift::expand::api
