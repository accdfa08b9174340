#pragma once
// The edits SAM's OpenApiEditor (samtranslator/open_api/open_api.py, base_editor.py) makes to an
// HTTP API's OpenAPI body, its own or the user's: paths and methods that may sit inside `Fn::If`,
// the events' Lambda integrations, CORS, tags, the execute-api endpoint switch.
//
// Where SAM's Python would fail or reject on a shape of the body (a path that is not a map, an
// `Fn::If` whose value is not a list, …), the edit returns false with `why` set, and the caller
// reports it as not supported: SAM's rejections are src/sam's to make.

#include <functional>
#include <string>

#include "expand/api/py_object.h"
#include "expand/api/swagger.h"
#include "model/node.h"

namespace samshift::expand::api {

// OpenApiEditor.is_valid: a truthy map with a `paths` map and an `openapi` 3.x version.
bool isOpenApiDocument(const PyObject& body);

// BaseEditor.has_integration, through the `Fn::If` branches of the path and of the method.
bool httpHasIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                        std::string& why);

// OpenApiEditor.add_lambda_integration of a method without an integration: the path and method
// (created when absent), the aws_proxy integration (payload format 2.0), `isDefaultRoute` on the
// default route; with the function's Condition, the URI and the method each wrapped in `Fn::If`.
bool addHttpIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                        const PyObject& uri, const model::Node* condition, std::string& why);

// Each definition of the method that has an integration (iter_on_method_definitions_for_path_at_
// method), edited in turn.
bool editHttpIntegratedMethods(PyObject& body, const std::string& path, const MethodKey& method,
                               const std::function<bool(PyObject& definition)>& edit,
                               std::string& why);

// add_path_parameters_to_method: each name gets `in: path, required: true`, an existing entry of
// the method's `parameters` updated, a new one appended.
bool addHttpPathParameters(PyObject& definition, const std::vector<std::string>& names,
                           std::string& why);

// OpenApiEditor.is_integration_function_logical_id_match on the default route ($default, any
// method): whether every integration URI there names `<functionId>.Arn` first.
bool defaultRouteInvokes(PyObject& body, const std::string& functionId, std::string& why);

// OpenApiEditor.add_cors with HttpApiGenerator._add_cors's properties: `cors` is the resolved
// CorsConfiguration (true, an intrinsic, or a map of CorsProperties keys).
bool addHttpCors(PyObject& body, const model::Node& cors, std::string& why);

// OpenApiEditor.add_tags: each tag replaces the value of a tag of that name in the body's `tags`
// list, or is appended to it.
bool addHttpTags(PyObject& body, const model::Node& tags, std::string& why);

// OpenApiEditor.add_endpoint_config: `disableExecuteApiEndpoint` in the
// x-amazon-apigateway-endpoint-configuration of each `servers` entry (one made when none).
bool addHttpEndpointConfig(PyObject& body, const model::Node& disable, std::string& why);

}  // namespace samshift::expand::api
