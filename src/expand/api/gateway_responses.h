#pragma once
// An API's `GatewayResponses`: the x-amazon-apigateway-gateway-responses of its Swagger body
// (samtranslator/model/api/api_generator.py `_add_gateway_responses`, model/apigateway.py
// ApiGatewayResponse).

#include <string>

#include "expand/context.h"

namespace samshift::expand::api {

// Adds the responses to the API's body, between the editor's two copies. False, after refusing
// the template, where SAM rejects it.
bool addGatewayResponses(ExpandContext& ctx, const std::string& id, RestApi& api,
                         const model::Node& responses);

}  // namespace samshift::expand::api
