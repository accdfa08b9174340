#pragma once
// The custom domain of an AWS::Serverless::Api (`Domain`): the AWS::ApiGateway::DomainName, its
// BasePathMappings and the Route53 RecordSetGroup SAM's ApiGenerator._construct_api_domain makes
// (samtranslator/model/api/api_generator.py).

#include <string>

#include "expand/context.h"

namespace samshift::expand::api {

// The domain resources of REST API `apiId`, after its Stage `stageId`; record sets wait in
// ctx.apis for emitRecordSetGroups (route53.h). Refuses (not supported) what samshift does not
// expand exactly. `propagatedTags`: the tag list the API propagates (SamApi.propagate_tags gives it
// to the DomainName and the access association), or null.
void emitRestDomain(ExpandContext& ctx, const std::string& apiId, const RestApi& api,
                    const std::string& stageId, const PassThrough& pass,
                    const model::Node* propagatedTags);

// The part of make_auto_deployable's hash input after OpenApiVersion: `||json.dumps(Domain)`, the
// Domain as _construct_api_domain has amended it; empty without a Domain.
std::string domainHashPart(ExpandContext& ctx, const RestApi& api);

}  // namespace samshift::expand::api
