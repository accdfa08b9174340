#pragma once
// The `Auth` of an AWS::Serverless::HttpApi whose OpenAPI body SAM manages, and the Auth of its
// HttpApi events (docs/sam-semantics.md §8.1): the authorizers' securitySchemes, each route's
// `security`, and the Lambda permissions of the Lambda authorizers
// (samtranslator/model/api/http_api_generator.py `_add_auth`,
// `_construct_authorizer_lambda_permission`; open_api/open_api.py; model/eventsources/push.py
// HttpApi._add_auth_to_openapi_integration). What SAM rejects is sam/http_api_auth.h's.

#include <string>

#include "expand/api/api_state.h"
#include "expand/api/py_object.h"
#include "expand/api/swagger.h"
#include "expand/context.h"

namespace samshift::expand::api {

// Whether samshift expands the API's Auth (`api.properties`); false after ctx.notSupported.
bool checkHttpApiAuth(ExpandContext& ctx, const std::string& id, const HttpApi& api);

// _add_auth_to_openapi_integration: the `security` of the event's method, once its integration
// is in the body. False after ctx.notSupported.
bool addHttpEventAuth(ExpandContext& ctx, const std::string& eventId, const std::string& apiId,
                      HttpApi& api, const std::string& path, const MethodKey& method,
                      const model::Node& eventAuth);

// _add_auth on `body` (SAM's, or a user's SAM found valid): the authorizers' securitySchemes,
// and the default authorizer on every method with an integration and no `security` of its own.
// False after ctx.notSupported for a body whose shape is not modelled (conditional paths).
bool addHttpApiAuth(ExpandContext& ctx, const std::string& id, const HttpApi& api, PyObject& body);

// The `<Api><Authorizer>AuthorizerPermission` of each Lambda authorizer with
// `EnableFunctionDefaultPermissions: true`, with the API's pass-through attributes.
void addHttpAuthorizerPermissions(ExpandContext& ctx, const std::string& id, const HttpApi& api,
                                  const PassThrough& pass);

}  // namespace samshift::expand::api
