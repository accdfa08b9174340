#pragma once
// AWS::Serverless::Api and the implicit APIs (docs/sam-semantics.md §8.1): collected before the
// functions so their events can add integrations, emitted after every event was seen.

#include <optional>
#include <string>
#include <vector>

#include "expand/context.h"

namespace samshift::expand::api {

// Python's str.isalnum() on an ASCII name: a stage name that goes into a logical ID as it is.
bool isAlnum(const std::string& text);

// Api.get_rest_api_id_string: the API a RestApiId (or an HttpApi event's ApiId) names, by a Ref
// or by its logical ID.
std::optional<std::string> apiName(const model::Node& apiId);

// DefinitionUri as SAM's BodyS3Location: `s3://bucket/key` or {Bucket, Key[, Version]}; nullopt
// for another form (a ?versionId query is not modelled).
std::optional<PyObject> s3Location(const model::Node& uri);

// The attributes an explicit API's own resource (RestApi, or an HTTP API's Api) takes, as
// Resource.from_dict sets its resource_attributes and depends_on: DependsOn, then DeletionPolicy,
// UpdatePolicy, Condition, UpdateReplacePolicy, Metadata. The other resources take its
// pass-through attributes (passThroughOf).
void setApiResourceAttributes(model::Node& resource, const model::ResourceView& view);

// The attributes of an implicit API and of the resources made from it: the Condition SAM gave it,
// and the strongest DeletionPolicy / UpdateReplacePolicy of the resources with an event on it
// (_maybe_add_deletion_policy_to_implicit_api, _maybe_add_update_replace_policy_to_implicit_api).
PassThrough implicitApiPassThrough(const std::optional<model::Node>& condition,
                                   const std::vector<const model::Node*>& deletionPolicies,
                                   const std::vector<const model::Node*>& updateReplacePolicies);

// Explicit AWS::Serverless::Api resources, then SAM's implicit API plugins: every Api / HttpApi
// event without an API gets its path in ServerlessRestApi / ServerlessHttpApi.
void collectApis(ExpandContext& ctx);

// The REST API an Api event reaches (implicit when `restApiId` is null); null, after refusing
// the template, when samshift cannot expand it.
RestApi* restApiOf(ExpandContext& ctx, const model::Node* restApiId, const std::string& eventId,
                   std::string& apiId);

// The RestApi, Deployment and Stage of every REST API; the Api and default Stage of every HTTP API.
void emitApis(ExpandContext& ctx);

}  // namespace samshift::expand::api
