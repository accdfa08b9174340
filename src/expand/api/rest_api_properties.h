#pragma once
// The properties of an AWS::Serverless::Api (and of the implicit ServerlessRestApi, which takes
// `Globals: Api`) that SAM's ApiGenerator turns into the RestApi, Deployment and Stage
// (samtranslator/model/api/api_generator.py, sam_resources.py SamApi).

#include <string>

#include "expand/context.h"

namespace samshift::expand::api {

// SamApi.property_types: false, after refusing the template, when a property is one samshift does
// not expand yet, has a type SAM rejects, or merges a Globals mapping with a local one (the merged
// Py27Dict's order is not modelled).
bool checkRestApiProperties(ExpandContext& ctx, const std::string& id, const RestApi& api,
                            const model::Node* globals, const model::Node* local);

// Globals.fix_openapi_definitions, first step: a SAM-managed API's numeric OpenApiVersion 3.x
// becomes a string; before checkRestApiProperties.
void normalizeManagedOpenApiVersion(RestApi& api);

// Globals.fix_openapi_definitions: a SAM-managed body takes an OpenApiVersion 3 as its `openapi`
// key in place of `swagger`, before the events add their integrations.
void applyManagedOpenApiVersion(RestApi& api);

// What _construct_rest_api does to an inline body after the events' integrations: binary media
// types, the execute-api endpoint extension, the OpenAPI 3 post-processing. False after refusing.
bool finishBody(ExpandContext& ctx, const std::string& id, RestApi& api);

// The part of make_auto_deployable's hash input after str(body): `||OpenApiVersion` when given.
std::string openApiVersionHashPart(const RestApi& api);
// Whether the Deployment keeps StageName "Stage" (it does not when OpenApiVersion is given).
bool deploymentHasStageName(const RestApi& api);

// The tags of the RestApi and the Stage: the explicit API's Tags, or the implicit API's
// propagated tags; `propagate` says whether the RestApi takes them too.
model::Node stageTags(const RestApi& api, bool& propagate);

// The RestApi's properties after Body / BodyS3Location, in ApiGatewayRestApi.property_types order.
void addRestApiProperties(ExpandContext& ctx, const RestApi& api, model::Node& props,
                          const model::Node& tags, bool propagate);

// The Stage's properties, in ApiGatewayStage.property_types order.
model::Node stageProperties(const RestApi& api, const std::string& apiId,
                            const std::string& deploymentId, const model::Node& tags);

}  // namespace samshift::expand::api
