#pragma once
// AWS::Serverless::HttpApi, explicit and implicit (ServerlessHttpApi), as SAM's HttpApiGenerator
// builds it (samtranslator/model/api/http_api_generator.py) for an API whose OpenAPI body SAM
// manages: the AWS::ApiGatewayV2::Api and its Stage.

#include <string>

#include "expand/api/api_state.h"
#include "expand/context.h"

namespace samshift::expand::api {

// The explicit HttpApi, with `Globals: HttpApi`, into ctx.apis.http; not supported beyond what
// the generator here models.
void collectExplicitHttpApi(ExpandContext& ctx, const model::ResourceView& resource);
// The implicit API the plugin creates for HttpApi events, with `Globals: HttpApi` merged in.
// False (after ctx.notSupported) when its properties are not modelled.
bool createImplicitHttpApi(ExpandContext& ctx, HttpApi& api);
void emitHttpApi(ExpandContext& ctx, const std::string& id, const HttpApi& api);

}  // namespace samshift::expand::api
