#pragma once
// The edits SAM's SwaggerEditor / OpenApiEditor make to an API body, with SAM's key order and
// string kinds, so that the body's str() — hashed for the Deployment ID — is SAM's.

#include <optional>
#include <string>
#include <vector>

#include "expand/api/py_object.h"

namespace samshift::expand::api {

// SwaggerEditor.gen_skeleton / OpenApiEditor.gen_skeleton.
PyObject swaggerSkeleton();
PyObject openApiSkeleton();

// SwaggerEditor._OPENAPI_VERSION_3_REGEX on a str.
bool isOpenApi3(const std::string& version);
// SwaggerEditor.is_valid: a `paths` map and a true `swagger`, or an OpenAPI 3 `openapi`. False too
// for an `openapi` that is not a string (SAM matches its str()).
bool isValidSwagger(const PyObject& body);

// A method as the editors key it: lower case (a template str), `any` → the any-method extension.
struct MethodKey {
  std::string name;
  bool unicode = true;
};
MethodKey methodKey(const std::string& method);

// BaseEditor.get_conditional_contents: both branches of an Fn::If (without AWS::NoValue), or the
// item itself. False where SAM rejects an Fn::If that is not a list.
bool conditionalContents(PyObject* item, std::vector<PyObject*>& out);

// add_path: the path and method entries, created empty when absent.
void addPath(PyObject& body, const std::string& path, const MethodKey& method);
// Whether the method already has an x-amazon-apigateway-integration.
bool hasIntegration(const PyObject& body, const std::string& path, const MethodKey& method);

// SwaggerEditor.add_lambda_integration (REST, aws_proxy); `streaming` for the RESPONSE_STREAM
// invoke mode, and the integration's credentials when the API's Auth gives some.
void addLambdaIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                          PyObject uri, bool streaming = false,
                          std::optional<PyObject> credentials = std::nullopt);
// OpenApiEditor.add_lambda_integration (HTTP API, payload format 2.0 unless changed later).
PyObject& addHttpLambdaIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                                   PyObject uri);
// SwaggerEditor.add_state_machine_integration (REST, aws, StartExecution): what it writes in the
// method's definition, and the whole edit.
void fillStateMachineMethod(PyObject& target, PyObject uri, PyObject credentials,
                            PyObject requestTemplates);
void addStateMachineIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                                PyObject uri, PyObject credentials, PyObject requestTemplates);

// {"Fn::Sub": text} as SAM's fnSub writes it.
PyObject pySub(std::string text);

}  // namespace samshift::expand::api
