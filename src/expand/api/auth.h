#pragma once
// An API's `Auth` (samtranslator/model/api/api_generator.py `_add_auth`, swagger/swagger.py
// `set_path_default_authorizer`, `set_path_default_apikey_required`): so far the AWS_IAM default
// authorizer, ApiKeyRequired, the two CORS-preflight switches and InvokeRole, on a body SAM
// manages. Authorizers, ResourcePolicy and UsagePlan are not supported yet.

#include <optional>
#include <string>

#include "expand/api/py_object.h"
#include "expand/context.h"

namespace samshift::expand::api {

// Whether samshift expands the API's (truthy) Auth; false after refusing the template.
bool checkAuth(ExpandContext& ctx, const std::string& id, const RestApi& api);

// SwaggerEditor.add_lambda_integration: the `credentials` of a Lambda integration on an API whose
// DefaultAuthorizer is AWS_IAM (the event has no Auth of its own), when there is one.
std::optional<PyObject> iamIntegrationCredentials(const ExpandContext& ctx, const RestApi& api);

// _add_auth: the security of every method with an integration and the securityDefinitions,
// between the editor's two copies.
void addAuth(const ExpandContext& ctx, RestApi& api);

// _construct_authorizer_lambda_permission: `<Api><Authorizer>AuthorizerPermission` for each
// Lambda authorizer that keeps its default permission.
void addAuthorizerPermissions(ExpandContext& ctx, const std::string& id, const RestApi& api,
                              const PassThrough& pass);

}  // namespace samshift::expand::api
