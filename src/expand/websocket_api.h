#pragma once
// AWS::Serverless::WebSocketApi → an AWS::ApiGatewayV2::Api of protocol WEBSOCKET, a Route,
// Integration and Lambda Permission per route, its Stage, and a REQUEST authorizer for $connect
// (samtranslator/model/api/websocket_api_generator.py WebSocketApiGenerator._to_cloudformation).

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandWebSocketApi(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
