#include "expand/api/method_settings.h"

#include <cctype>

#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kIntegration = "x-amazon-apigateway-integration";

bool asciiLower(const std::string& text, std::string& out) {
  out.clear();
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;  // str.lower() beyond ASCII
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return true;
}

// RequestModel: the checks of Api._add_swagger_integration, then what the editor writes.
bool readRequestModel(ExpandContext& ctx, const std::string& what, const Node& model,
                      const RestApi& api, MethodSettings& out) {
  if (!model.isMapping() || model.isIntrinsic()) {
    ctx.notSupported("API Gateway: a RequestModel that is not a map in " + what);
    return false;
  }
  const Node* name = model.get("Model");
  if (!name || !sam::pythonTruthy(*name)) return true;  // SAM skips a falsy Model
  const Node* models = api.properties.get("Models");
  bool defined = name->isString() && models && models->isMapping() && !models->isIntrinsic() &&
                 models->get(name->text()) && sam::pythonTruthy(*models->get(name->text()));
  RequestModelSetting setting;
  if (!defined || !asciiLower(name->text(), setting.name)) {
    // SAM rejects these (the API has no such Model); not yet a SamProblem.
    ctx.notSupported("API Gateway: SAM's rejection of the RequestModel of " + what);
    return false;
  }
  if (const Node* required = model.get("Required"); required && !required->isNull())
    setting.required = PyObject::fromTemplate(*required);
  const Node* body = model.get("ValidateBody");
  const Node* parameters = model.get("ValidateParameters");
  bool givenBody = body && !body->isNull();
  bool givenParameters = parameters && !parameters->isNull();
  if (givenBody || givenParameters) {
    if ((givenBody && !body->isBool()) || (givenParameters && !parameters->isBool())) {
      ctx.notSupported("API Gateway: SAM's rejection of the validator of the RequestModel of " +
                       what);
      return false;
    }
    setting.validator = {givenBody && body->boolValue(),
                         givenParameters && parameters->boolValue()};
  }
  out.requestModel = std::move(setting);
  return true;
}

bool validParameterName(const std::string& name) {
  for (const char* prefix :
       {"method.request.querystring.", "method.request.path.", "method.request.header."}) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// RequestParameters: strings, or single-key maps of {Required, Caching}.
bool readRequestParameters(ExpandContext& ctx, const std::string& what, const Node& parameters,
                           MethodSettings& out) {
  std::string refusal = "API Gateway: SAM's rejection of the RequestParameters of " + what;
  if (!parameters.isSequence()) {
    ctx.notSupported("API Gateway: RequestParameters that are not a list in " + what);
    return false;
  }
  for (const Node& parameter : parameters.items()) {
    RequestParameterSetting setting{"", PyObject::boolean(false), false};
    if (parameter.isString()) {
      setting.name = parameter.text();
    } else if (parameter.isMapping() && !parameter.isIntrinsic()) {
      // next(iter(parameter.items())): the first key in Py27Dict order, one key only here.
      if (parameter.entries().size() != 1) {
        ctx.notSupported("API Gateway: a RequestParameters entry with more than one key in " +
                         what);
        return false;
      }
      const MapEntry& entry = parameter.entries().front();
      setting.name = entry.key.text();
      if (!entry.value.isMapping() || entry.value.isIntrinsic()) {
        ctx.notSupported(refusal);
        return false;
      }
      for (const MapEntry& field : entry.value.entries()) {
        const std::string& key = field.key.text();
        if (key == "Required") {
          setting.required = PyObject::fromTemplate(field.value);
        } else if (key == "Caching") {
          setting.caching = sam::pythonTruthy(field.value);
        } else {
          ctx.notSupported(refusal);
          return false;
        }
      }
    } else {
      ctx.notSupported(refusal);
      return false;
    }
    if (!validParameterName(setting.name)) {
      ctx.notSupported(refusal);
      return false;
    }
    out.requestParameters.push_back(std::move(setting));
  }
  return true;
}

// `name.replace("method.request.", "")` (every occurrence), then split(".", 1).
std::pair<std::string, std::string> parameterLocation(const std::string& name) {
  std::string rest = name;
  const std::string prefix = "method.request.";
  for (size_t at = rest.find(prefix); at != std::string::npos; at = rest.find(prefix, at))
    rest.erase(at, prefix.size());
  size_t dot = rest.find('.');
  if (dot == std::string::npos) return {rest, ""};
  return {rest.substr(0, dot), rest.substr(dot + 1)};
}

PyObject plainDict(const char* key, PyObject value) {
  PyObject out = PyObject::dict(false);
  out.set(key, std::move(value));
  return out;
}

void addRequestModel(const RequestModelSetting& model, PyObject& body, PyObject& method,
                     PyObject& parameters) {
  const PyObject* swagger = body.get("swagger");
  if (swagger && swagger->kind() != PyObject::Kind::kNone) {
    PyObject parameter = PyObject::dict(true);
    parameter.set("in", PyObject::str("body"));
    parameter.set("name", PyObject::str(model.name, true));
    parameter.set("schema", plainDict("$ref", PyObject::str("#/definitions/" + model.name)));
    if (model.required) parameter.set("required", *model.required);
    parameters.push(std::move(parameter));
    return;
  }
  const PyObject* openapi = body.get("openapi");
  if (!openapi || !openapi->isStr() || !isOpenApi3(openapi->text())) return;
  PyObject schema = plainDict("$ref", PyObject::str("#/components/schemas/" + model.name));
  PyObject requestBody =
      plainDict("content", plainDict("application/json", plainDict("schema", std::move(schema))));
  if (model.required) requestBody.set("required", *model.required);
  method.set("requestBody", std::move(requestBody));
}

// add_request_validator_to_method.
void addRequestValidator(std::pair<bool, bool> validate, PyObject& body, PyObject& method) {
  auto [validateBody, validateParameters] = validate;
  const char* name = validateBody && validateParameters ? "body-and-params"
                     : validateBody                     ? "body-only"
                     : validateParameters               ? "params-only"
                                                        : "no-validation";
  constexpr const char* kValidators = "x-amazon-apigateway-request-validators";
  const PyObject* existing = body.get(kValidators);
  if (!existing || !sam::pythonTruthy(existing->toNode()))
    body.set(kValidators, PyObject::dict(true));
  PyObject& validators = *body.get(kValidators);
  const PyObject* defined = validators.get(name);
  if (!defined || !sam::pythonTruthy(defined->toNode())) {
    PyObject definition = PyObject::dict(true);
    definition.set("validateRequestBody", PyObject::boolean(validateBody));
    definition.set("validateRequestParameters", PyObject::boolean(validateParameters));
    validators.set(name, std::move(definition));
  }
  method.set("x-amazon-apigateway-request-validator", PyObject::str(name));
}

}  // namespace

std::optional<MethodSettings> readMethodSettings(ExpandContext& ctx, const std::string& eventId,
                                                 const Node& properties, const RestApi& api) {
  std::string what = "Api event " + eventId;
  MethodSettings settings;
  if (const Node* mode = properties.get("ResponseTransferMode"); mode && !mode->isNull()) {
    if (!mode->isString()) {
      ctx.notSupported("API Gateway: a ResponseTransferMode that is not a string in " + what);
      return std::nullopt;
    }
    settings.streaming = mode->text() == "RESPONSE_STREAM";
  }
  if (const Node* timeout = properties.get("TimeoutInMillis"); timeout && !timeout->isNull()) {
    if (!timeout->isInt() && !timeout->isIntrinsic()) {
      ctx.notSupported("API Gateway: a TimeoutInMillis that is not an integer in " + what);
      return std::nullopt;
    }
    if (sam::pythonTruthy(*timeout)) settings.timeout = PyObject::fromTemplate(*timeout);
  }
  if (const Node* model = properties.get("RequestModel");
      model && !model->isNull() && sam::pythonTruthy(*model) &&
      !readRequestModel(ctx, what, *model, api, settings)) {
    return std::nullopt;
  }
  if (const Node* parameters = properties.get("RequestParameters");
      parameters && !parameters->isNull() && sam::pythonTruthy(*parameters) &&
      !readRequestParameters(ctx, what, *parameters, settings)) {
    return std::nullopt;
  }
  return settings;
}

void applyMethodSettings(const MethodSettings& settings, PyObject& body, const std::string& path,
                         const MethodKey& key) {
  PyObject& method = *body.get("paths")->get(path)->get(key.name);
  if (settings.timeout) method.get(kIntegration)->set("timeoutInMillis", *settings.timeout);
  PyObject parameters = PyObject::list();
  if (settings.requestModel) {
    addRequestModel(*settings.requestModel, body, method, parameters);
    PyObject& target = *body.get("paths")->get(path)->get(key.name);
    if (body.get("swagger") && body.get("swagger")->kind() != PyObject::Kind::kNone)
      target.set("parameters", parameters);
    if (settings.requestModel->validator)
      addRequestValidator(*settings.requestModel->validator, body,
                          *body.get("paths")->get(path)->get(key.name));
  }
  if (!settings.requestParameters.empty()) {
    PyObject& target = *body.get("paths")->get(path)->get(key.name);
    for (const RequestParameterSetting& parameter : settings.requestParameters) {
      auto [location, name] = parameterLocation(parameter.name);
      PyObject entry = PyObject::dict(true);
      entry.set("in",
                location == "querystring" ? PyObject::str("query") : PyObject::str(location, true));
      entry.set("name", PyObject::str(name, true));
      entry.set("required", parameter.required);
      entry.set("type", PyObject::str("string"));
      parameters.push(std::move(entry));
      if (parameter.caching) {
        PyObject& integration = *target.get(kIntegration);
        PyObject* cache = integration.get("cacheKeyParameters");
        if (!cache) cache = &integration.set("cacheKeyParameters", PyObject::list());
        cache->push(PyObject::str(parameter.name, true));
      }
    }
    target.set("parameters", parameters);
  }
}

}  // namespace samshift::expand::api
