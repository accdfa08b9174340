#pragma once
// SAM's rejections of an AWS::Serverless::HttpApi (sam_resources.py SamHttpApi.property_types,
// model/api/http_api_generator.py HttpApiGenerator, model/api/apiv2_generator.py) and of the
// HttpApi events that name one (plugins/api/implicit_http_api_plugin.py, model/eventsources/
// push.py HttpApi), in the order SAM meets them.

#include <optional>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// The CorsProperties HttpApiGenerator._add_cors makes of a CorsConfiguration (after SAM resolved
// its parameters): `true` allows the origin "*", an intrinsic is the AllowOrigins, a map gives
// each property. Unset properties are null.
struct HttpCorsProperties {
  bool wildcardOrigins = false;
  const model::Node* allowOrigins = nullptr;
  const model::Node* allowHeaders = nullptr;
  const model::Node* allowMethods = nullptr;
  const model::Node* exposeHeaders = nullptr;
  const model::Node* maxAge = nullptr;
  const model::Node* allowCredentials = nullptr;
};
// False when SAM rejects the value (a key CorsProperties does not have, another type).
bool httpCorsProperties(const model::Node& cors, HttpCorsProperties& out);

// Whether SAM manages the HttpApi's body: DefaultDefinitionBodyPlugin gives SAM's skeleton to an
// API without a truthy DefinitionBody or DefinitionUri of its own.
bool httpApiManagedBody(const model::ResourceView& resource);

// The HttpApi's properties after Globals, with CorsConfiguration and Domain resolved as
// SamHttpApi.to_cloudformation resolves them; `unresolvable` when SAM's resolution is not
// followed.
struct HttpApiInput {
  model::Node props;
  bool unresolvable = false;
};
HttpApiInput httpApiInput(const model::Template& templ, const model::ResourceView& resource,
                          const ParameterValues& params);

// The first problem SAM meets in the HttpApi, appended to `out`.
void validateHttpApi(const model::Template& templ, const model::ResourceView& resource,
                     const HttpApiInput& input, std::vector<SamProblem>& out);

// ImplicitHttpApiPlugin's rejections of HttpApi events (Properties not a map, a missing or
// mistyped Path, Method or ApiId, an ApiId naming no resource, RouteSettings not a map), which
// stop the transform before Globals apply: the first of each function, when samshift knows which
// is first; none when it cannot tell.
std::vector<SamProblem> implicitHttpApiPluginProblems(const model::Template& templ);

// What the function's HttpApi event meets when SAM builds its permission: an API whose own
// DefinitionBody is not an OpenAPI document (reported under the API's ID).
std::optional<SamProblem> httpApiEventLinkProblem(const model::Template& templ,
                                                  const model::Node& event);

}  // namespace samshift::sam
