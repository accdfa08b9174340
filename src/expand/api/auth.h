#pragma once
// An API's `Auth` (samtranslator/model/api/api_generator.py `_add_auth`, swagger/swagger.py
// `set_path_default_authorizer`, `set_path_default_apikey_required`): so far the AWS_IAM default
// authorizer, ApiKeyRequired, the two CORS-preflight switches and InvokeRole, on a body SAM
// manages. Authorizers, ResourcePolicy and UsagePlan are not supported yet.

#include <optional>
#include <string>

#include "expand/api/py_object.h"
#include "expand/api/swagger.h"
#include "expand/context.h"

namespace samshift::expand::api {

// Whether samshift expands the API's (truthy) Auth; false after refusing the template.
bool checkAuth(ExpandContext& ctx, const std::string& id, const RestApi& api);

// SwaggerEditor.add_lambda_integration: the `credentials` of a Lambda integration whose event's
// Authorizer is AWS_IAM, or on an API whose DefaultAuthorizer is AWS_IAM (the event has no Auth),
// when there are some.
std::optional<PyObject> iamIntegrationCredentials(const ExpandContext& ctx, const RestApi& api,
                                                  const model::Node* eventAuth);

// An Api event's own Auth as SwaggerEditor.add_auth_to_method applies it.
struct MethodAuth {
  std::optional<std::string> authorizer;
  std::optional<PyObject> scopes;  // the security entry's value, when not []
  std::optional<bool> apiKeyRequired;
  // The event's truthy Auth.ResourcePolicy, and the stage its statements name.
  std::optional<model::Node> resourcePolicy;
  PyObject stage;
  bool onDefinitionBody = false;  // OverrideApiAuth on an API with a DefinitionBody of its own
};

// The event's Auth, or nothing after refusing the template (what SAM rejects is not supported
// yet, as are ResourcePolicy and an API with a DefinitionBody).
std::optional<MethodAuth> methodAuth(ExpandContext& ctx, const std::string& eventId,
                                     const RestApi& api, const model::Node& eventAuth);

// add_auth_to_swagger on the event's method, after its integration, with the securityDefinitions
// the editor hands back.
// False where SwaggerEditor fails on the body (src/sam reports it).
bool addMethodAuth(PyObject& body, const std::string& path, const MethodKey& method,
                   const MethodAuth& auth);

// _add_auth: the security of every method with an integration and the securityDefinitions,
// between the editor's two copies.
// False after refusing the template.
bool addAuth(ExpandContext& ctx, const std::string& id, RestApi& api);

// The API's StageName as ApiGenerator hands it to the editor: the implicit API's plain 'Prod',
// else the template's value.
PyObject editorStage(const RestApi& api);

// _construct_authorizer_lambda_permission: `<Api><Authorizer>AuthorizerPermission` for each
// Lambda authorizer that keeps its default permission.
void addAuthorizerPermissions(ExpandContext& ctx, const std::string& id, const RestApi& api,
                              const PassThrough& pass);

}  // namespace samshift::expand::api
