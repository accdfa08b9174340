#pragma once
// SAM's rejections of an AWS::Serverless::Api's GatewayResponses (ApiGenerator.
// _add_gateway_responses and ApiGatewayResponse in samtranslator/model/apigateway.py), in the
// order SAM makes them.

#include <optional>

#include "model/node.h"
#include "sam/validation.h"

namespace samshift::sam {

// Whether SwaggerEditor.is_valid takes the API's body: unknown when samshift cannot tell.
enum class BodyValidity { kValid, kInvalid, kUnknown };

// _add_gateway_responses on `responses` (the property after Globals, truthy). `hasBody`: the API
// has an inline or SAM-made body. Problems point under `source` (the template node the property
// came from), at the node of the same position when there is one. nullopt when SAM adds them.
std::optional<SamProblem> gatewayResponsesProblem(const model::Node& responses, bool hasBody,
                                                  BodyValidity body, const model::Node* source);

}  // namespace samshift::sam
