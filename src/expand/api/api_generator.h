#pragma once
// AWS::Serverless::Api and the implicit APIs (docs/sam-semantics.md §8.1): collected before the
// functions so their events can add integrations, emitted after every event was seen.

#include <string>

#include "expand/context.h"

namespace samshift::expand::api {

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
