#pragma once
// The API Gateway APIs of one template while it is expanded: the implicit ServerlessRestApi /
// ServerlessHttpApi SAM creates for events without an API, and the explicit AWS::Serverless::Api
// resources. Events add their integrations to the body; the resources are emitted at the end.

#include <map>
#include <optional>
#include <string>

#include "expand/api/py_object.h"
#include "model/node.h"

namespace samshift::expand::api {

inline constexpr const char* kImplicitRestApi = "ServerlessRestApi";
inline constexpr const char* kImplicitHttpApi = "ServerlessHttpApi";

struct RestApi {
  bool implicit = false;
  bool managed = false;                // SAM owns the body and adds the events' integrations
  std::optional<PyObject> body;        // DefinitionBody, managed or the user's
  std::optional<PyObject> bodyS3;      // BodyS3Location, from DefinitionUri
  model::Node stageName;
  model::Node name;                    // null unless given
  model::Node variables;               // null unless given
  model::Node tags = model::Node::mapping();  // tags propagated from functions
  std::string functionNames;           // FunctionName of the functions with events on it
  const model::Node* condition = nullptr;  // an explicit API's Condition, passed through
};

struct HttpApi {
  PyObject body;
  model::Node tags = model::Node::mapping();
};

struct ApiRegistry {
  std::map<std::string, RestApi, std::less<>> rest;
  std::map<std::string, HttpApi, std::less<>> http;
};

}  // namespace samshift::expand::api
