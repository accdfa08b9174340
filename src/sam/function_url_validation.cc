#include "sam/function_url_validation.h"

#include <string>
#include <string_view>

#include "sam/deployment_model.h"

namespace samshift::sam {

using model::Node;

namespace {

SamProblem rejection(std::string code, std::string message, const Node* node) {
  return SamProblem{std::move(code), std::move(message), node, true, {}};
}

// _validate_url_auth_type: an intrinsic passes; otherwise AWS_IAM or NONE.
std::optional<SamProblem> authTypeProblem(const Node& config, const Node* source) {
  const Node* auth = config.get("AuthType");
  if (auth && auth->isIntrinsic()) return std::nullopt;
  if (auth && (auth->isString("AWS_IAM") || auth->isString("NONE"))) return std::nullopt;
  return rejection("function-url-auth-type",
                   "AuthType is required to configure function property `FunctionUrlConfig`. "
                   "Please provide either AWS_IAM or NONE.",
                   auth ? auth : source);
}

// The Python type SAM wants for each Cors key (`bool` is an `int` in Python); empty for a key
// SAM does not know.
std::string_view corsType(std::string_view key) {
  if (key == "AllowOrigins" || key == "AllowMethods" || key == "AllowHeaders" ||
      key == "ExposeHeaders")
    return "list";
  if (key == "AllowCredentials") return "bool";
  if (key == "MaxAge") return "int";
  return {};
}

bool hasPythonType(const Node& value, std::string_view type) {
  if (type == "list") return value.isSequence();
  if (type == "bool") return value.isBool();
  return value.isInt() || value.isBool();
}

// _validate_cors_config_parameter: a map of the known keys, each of its type or an intrinsic.
std::optional<SamProblem> corsProblem(const Node& config) {
  const Node* cors = config.get("Cors");
  if (!cors || !pythonTruthy(*cors) || cors->isIntrinsic()) return std::nullopt;
  if (!cors->isMapping()) {
    return rejection("function-url-cors-type", "Property 'FunctionUrlConfig.Cors' should be a map.",
                     cors);
  }
  for (const model::MapEntry& entry : cors->entries()) {
    const std::string& key = entry.key.text();
    std::string_view type = corsType(key);
    if (type.empty()) {
      return rejection("function-url-cors-property",
                       key + " is not a valid property for configuring Cors.", &entry.key);
    }
    if (!entry.value.isIntrinsic() && !hasPythonType(entry.value, type)) {
      return rejection("function-url-cors-value-type",
                       key + " must be of type " + std::string(type) + ".", &entry.value);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<SamProblem> functionUrlProblem(const Node& config, const Node* source) {
  if (!config.isMapping() || config.isIntrinsic() || !pythonTruthy(config)) return std::nullopt;
  if (auto problem = authTypeProblem(config, source)) return problem;
  return corsProblem(config);
}

}  // namespace samshift::sam
