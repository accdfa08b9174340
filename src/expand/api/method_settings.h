#pragma once
// What an Api event writes into its method beside the integration, in the order SAM's
// Api._add_swagger_integration (model/eventsources/push.py) does it: TimeoutInMillis, RequestModel
// with its request validator, RequestParameters; and ResponseTransferMode, which picks the
// streaming invocation path.

#include <optional>
#include <string>
#include <vector>

#include "expand/api/api_state.h"
#include "expand/api/py_object.h"
#include "expand/api/swagger.h"
#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand::api {

struct RequestModelSetting {
  std::string name;                  // Model, lower-cased as add_request_model_to_method does
  std::optional<PyObject> required;  // Required, unless absent or null
  // ValidateBody / ValidateParameters when either is given (a missing one is false).
  std::optional<std::pair<bool, bool>> validator;
};

struct RequestParameterSetting {
  std::string name;  // method.request.<location>.<name>
  PyObject required;
  bool caching = false;
};

struct MethodSettings {
  bool streaming = false;           // ResponseTransferMode RESPONSE_STREAM
  std::optional<PyObject> timeout;  // TimeoutInMillis, when truthy
  std::optional<RequestModelSetting> requestModel;
  std::vector<RequestParameterSetting> requestParameters;
};

// Reads the settings of an Api event on `api`; nullopt after refusing (not supported yet).
std::optional<MethodSettings> readMethodSettings(ExpandContext& ctx, const std::string& eventId,
                                                 const model::Node& properties, const RestApi& api);

// Writes the settings into the method that has just received its integration.
void applyMethodSettings(const MethodSettings& settings, PyObject& body, const std::string& path,
                         const MethodKey& method);

}  // namespace samshift::expand::api
