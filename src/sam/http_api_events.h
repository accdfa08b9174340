#pragma once
// Facts about HttpApi events SAM settles before it translates them
// (samtranslator/plugins/api/implicit_http_api_plugin.py).

#include <optional>
#include <string>

#include "model/node.h"

namespace samshift::sam {

// The route ImplicitHttpApiPlugin gives an HttpApi event with neither Path nor Method.
inline constexpr const char* kHttpApiDefaultPath = "$default";
inline constexpr const char* kHttpApiAnyMethod = "x-amazon-apigateway-any-method";

// _process_api_events: an HttpApi event whose Properties are absent, or a map whose Path and
// Method are both falsy, becomes the default route (`$default`, any method). `properties` is the
// event's Properties, null when it has none; Properties that are not a map are not a default
// route (SAM rejects them).
bool isHttpApiDefaultRoute(const model::Node* properties);

// What HttpApi.from_dict (model/eventsources/push.py) rejects in an HttpApi event's properties: an
// undeclared one (`unknown`), or one of the wrong type, in property_types order. nullopt too
// when something ImplicitHttpApiPlugin reads first is in doubt (Path, Method, ApiId or Stage
// that is not a string or a Ref, RouteSettings that is not a map).
struct HttpApiEventPropertyProblem {
  bool unknown = false;
  std::string message;
  const model::Node* node = nullptr;
};
std::optional<HttpApiEventPropertyProblem> httpApiEventPropertyProblem(const model::Node& event);

}  // namespace samshift::sam
