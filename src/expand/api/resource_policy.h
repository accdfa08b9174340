#pragma once
// An API's or an Api event's `Auth.ResourcePolicy` (samtranslator/swagger/swagger.py
// add_resource_policy, _add_iam_resource_policy_for_method, _add_ip_resource_policy_for_method,
// _add_vpc_resource_policy_for_method, add_custom_statements): statements in the body's
// x-amazon-apigateway-policy for every method of a path.

#include <string>

#include "expand/api/py_object.h"
#include "model/node.h"

namespace samshift::expand::api {

// Why samshift does not expand this truthy ResourcePolicy (its parameters resolved), or empty.
// What SAM rejects is refused too, until it is a SAM problem of its own.
std::string unsupportedResourcePolicy(const model::Node& policy);

// add_resource_policy for one path of the body, then add_custom_statements when the policy has
// some: `stage` is the API's StageName as SAM's editor gets it; `unicodePath` whether the path
// SAM passes is a template string.
void addResourcePolicy(PyObject& body, const model::Node& policy, const std::string& path,
                       const PyObject& stage, bool unicodePath);
void addCustomStatements(PyObject& body, const model::Node& policy);

}  // namespace samshift::expand::api
