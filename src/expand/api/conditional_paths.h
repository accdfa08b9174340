#pragma once
// Api events of a function with a Condition on an API SAM manages: the implicit API plugin makes
// a path conditional when every method on it comes from a conditional function
// (_maybe_add_conditions_to_implicit_api_paths), and the implicit API itself when every method on
// it does (_maybe_add_condition_to_implicit_api); and SwaggerEditor.add_lambda_integration wraps
// the method and its URI in an Fn::If on the function's Condition (make_conditional).

#include <optional>
#include <string>
#include <vector>

#include "expand/api/api_state.h"
#include "expand/api/swagger.h"
#include "expand/context.h"

namespace samshift::expand::api {

// conditionalContents (swagger.h) as a list: none for an Fn::If that is not a list.
std::vector<PyObject*> conditionalContents(PyObject& item);

// make_conditional(condition, value): {"Fn::If": [condition, value, {"Ref": "AWS::NoValue"}]},
// the condition a template string (u'…') unless SAM named it.
PyObject pyConditional(const std::string& condition, PyObject value, bool templateString = true);

// _maybe_add_condition_to_implicit_api, then _maybe_add_conditions_to_implicit_api_paths on every
// REST API SAM manages, between the copies its editor makes; several Conditions are combined
// into one SAM adds to the template. False after refusing.
bool addPathConditions(ExpandContext& ctx);
// The same for the implicit HTTP API (ServerlessHttpApiCondition), whose body is not hashed.
bool addHttpPathConditions(ExpandContext& ctx);

// add_lambda_integration with a condition: the integration (with the credentials the API's Auth
// gives) goes into each branch of the path.
void addConditionalLambdaIntegration(PyObject& body, const std::string& path,
                                     const MethodKey& method, PyObject uri,
                                     const std::string& condition,
                                     std::optional<PyObject> credentials);

// add_state_machine_integration with a condition: the integration goes into each branch of the
// path, its URI and then the method wrapped in the Fn::If.
void addConditionalStateMachineIntegration(PyObject& body, const std::string& path,
                                           const MethodKey& method, PyObject uri,
                                           const std::string& condition, PyObject credentials,
                                           PyObject requestTemplates);

}  // namespace samshift::expand::api
