#pragma once
// The `Auth` of an AWS::Serverless::HttpApi as SAM reads it, and what it rejects there: the API's
// authorizers and default authorizer (model/api/http_api_generator.py `_add_auth`,
// `_get_authorizers`, `_set_default_authorizer`; model/apigatewayv2.py ApiGatewayV2Authorizer),
// and an HttpApi event's own `Auth` (model/eventsources/push.py
// HttpApi._add_auth_to_openapi_integration).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// ApiGatewayV2Authorizer._get_auth_type.
enum class HttpAuthorizerType { kAwsIam, kJwt, kRequest };

struct HttpAuthorizer {
  std::string name;
  HttpAuthorizerType type = HttpAuthorizerType::kRequest;
  const model::Node* config = nullptr;  // the user's map; null for the built-in AWS_IAM
};

struct HttpApiAuth {
  // In SAM's order: the built-in AWS_IAM first when EnableIamAuthorizer is true (a user's
  // authorizer of that name replaces it in place), then the user's.
  std::vector<HttpAuthorizer> authorizers;
  std::string defaultAuthorizer;  // empty: none
  const HttpAuthorizer* find(std::string_view name) const;
};

// What the generator makes of an HttpApi's truthy Auth: the authorizers, SAM's rejection, or why
// samshift does not model it (`unsupported`, for an intrinsic where SAM takes a map, say).
struct HttpApiAuthReading {
  std::optional<HttpApiAuth> auth;
  std::optional<SamProblem> problem;
  std::string unsupported;
};

// `auth`: the API's Auth after Globals (null when absent); `hasBody`: SAM gives the API a
// DefinitionBody (its own skeleton, or the user's), `validBody`: OpenApiEditor.is_valid of it.
// Nodes of problems point into `auth`. nullopt when SAM adds no Auth (it is absent or falsy).
std::optional<HttpApiAuthReading> readHttpApiAuth(const model::Node* auth, bool hasBody,
                                                  bool validBody = true);

// OpenApiEditor.is_valid of a user's DefinitionBody; nullopt when samshift cannot tell (an
// intrinsic, an `openapi` that is not a string).
std::optional<bool> openApiBodyValidity(const model::Node& body);

// _add_auth, met after SAM accepted the properties before it (the definitions, CorsConfiguration):
// its problem appended to `out` (true; nodes may point into `merged`), true when SAM adds the Auth,
// false when samshift cannot follow SAM there.
bool judgeHttpApiAuth(const model::Node& merged, std::vector<SamProblem>& out);

// The route SAM gives an HttpApi event (ImplicitHttpApiPlugin._process_api_events), as its
// messages name it: the path, and the method in lower case.
struct HttpRoute {
  std::string path;
  std::string method;
};
std::optional<HttpRoute> httpEventRoute(const model::Node& eventProperties);

// The API an HttpApi event of a function names: its ID ("ServerlessHttpApi" when it has no
// ApiId) and its properties after Globals (the `Globals: HttpApi` section for the implicit API);
// nullopt when it is not an HttpApi whose body SAM manages, or a valid user's body without the
// route (or a default route) yet.
struct LinkedHttpApi {
  std::string id;
  model::Node properties;
};
std::optional<LinkedHttpApi> linkedHttpApi(const model::Template& templ,
                                           const model::Node& eventProperties,
                                           const HttpRoute& route);

// What _add_auth_to_openapi_integration rejects in the truthy Auth of an HttpApi event on a
// SAM-managed API: `message` without "Event with id [...] is invalid.", or, when `apiId` is
// set, a rejection of that API's own Auth (reported under its ID). `unsupported`: a case
// samshift does not model.
struct HttpEventAuthRejection {
  std::string message;
  const model::Node* node = nullptr;
  std::string apiId;
};
struct HttpEventAuthReading {
  std::optional<HttpEventAuthRejection> rejection;
  std::string unsupported;
  std::string authorizer;  // the authorizer the method gets ("NONE" and "AWS_IAM" included)
};
HttpEventAuthReading readHttpEventAuth(const model::Template& templ, const model::Node& eventAuth,
                                       const HttpRoute& route, const LinkedHttpApi& api);

// The rejection of an HttpApi event of a function, as a SamProblem for the function (nullopt when
// none, or when samshift does not know).
std::optional<SamProblem> httpApiEventAuthProblem(const model::Template& templ,
                                                  const std::string& eventName,
                                                  const model::Node& event);

}  // namespace samshift::sam
