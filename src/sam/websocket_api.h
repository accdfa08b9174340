#pragma once
// AWS::Serverless::WebSocketApi as SAM reads it (samtranslator/model/sam_resources.py
// SamWebSocketApi, model/api/websocket_api_generator.py WebSocketApiGenerator): its
// properties, its rejections in the order SAM meets them, and the names of what it generates.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// The WebSocketApi's properties after Globals, with Auth, Domain and Routes resolved as SAM's
// parameter resolver does (SamWebSocketApi.to_cloudformation).
struct WebSocketApiInput {
  model::Node props;
  std::optional<std::string> unresolvable;  // why SAM's resolution could not be followed
};
WebSocketApiInput webSocketApiInput(const model::Template& templ,
                                    const model::ResourceView& resource,
                                    const ParameterValues& params);

// The part of a route's logical IDs SAM derives from its key
// (WebSocketApiGenerator._sanitize_route_key): "Connect", "Disconnect", "Default", or the
// alphanumeric key capitalized; nullopt when SAM rejects the key.
std::optional<std::string> webSocketRouteIdPart(std::string_view routeKey);

// The first problem SAM meets in the WebSocketApi, appended to `out`. `unsupported` receives
// why samshift cannot follow SAM past some point (a Domain, a value SAM's Python trips on):
// then no later problem is looked for.
void validateWebSocketApi(const model::Template& templ, const model::ResourceView& resource,
                          const WebSocketApiInput& input, std::vector<SamProblem>& out,
                          std::optional<std::string>* unsupported = nullptr);

}  // namespace samshift::sam
