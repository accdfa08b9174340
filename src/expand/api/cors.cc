#include "expand/api/cors.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "expand/api/conditional_paths.h"
#include "expand/api/swagger.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

// CorsProperties, with the defaults of api_generator.py: AllowOrigin "'*'", AllowCredentials
// False, the others None.
struct CorsSettings {
  PyObject allowOrigin = PyObject::str("'*'");
  bool originIsWildcard = true;
  bool originTruthy = true;
  std::optional<PyObject> allowHeaders;  // set when truthy
  std::optional<PyObject> allowMethods;  // set when truthy
  std::optional<PyObject> maxAge;        // set when not None
  bool allowCredentials = false;         // `is True`
};

bool truthyValue(const Node& value) {
  if (value.isNull()) return false;
  if (value.isString()) return !value.text().empty();
  if (value.isBool()) return value.boolValue();
  if (value.isInt()) return value.intValue() != 0;
  if (value.isMapping()) return !value.entries().empty();
  if (value.isSequence()) return !value.items().empty();
  return true;
}

// False when SAM rejects the value (an unknown key, a wrong type) or samshift cannot judge it.
bool readCors(const Node& cors, CorsSettings& out) {
  auto origin = [&](const Node& value) {
    out.allowOrigin = PyObject::fromTemplate(value);
    out.originIsWildcard = value.isString() && value.text() == "'*'";
    out.originTruthy = truthyValue(value);
    // A float or a big integer: samshift does not judge its truth.
    return !value.isFloat();
  };
  if (cors.isString() || cors.isIntrinsic()) return origin(cors);
  if (!cors.isMapping()) return false;
  for (const MapEntry& entry : cors.entries()) {
    const std::string& key = entry.key.text();
    const Node& value = entry.value;
    if (key == "AllowOrigin") {
      if (!origin(value)) return false;
    } else if (key == "AllowHeaders" || key == "AllowMethods") {
      if (value.isFloat()) return false;
      std::optional<PyObject>& slot = key == "AllowHeaders" ? out.allowHeaders : out.allowMethods;
      slot.reset();
      if (truthyValue(value)) slot = PyObject::fromTemplate(value);
    } else if (key == "MaxAge") {
      out.maxAge.reset();
      if (!value.isNull()) out.maxAge = PyObject::fromTemplate(value);
    } else if (key == "AllowCredentials") {
      out.allowCredentials = value.isBool() && value.boolValue();
    } else {
      return false;
    }
  }
  return true;
}

PyObject plainStr(const char* text) { return PyObject::str(text); }

PyObject typeDict(const char* type) {
  PyObject out = PyObject::dict(false);
  out.set("type", plainStr(type));
  return out;
}

PyObject stringList(const char* item) {
  PyObject out = PyObject::list();
  out.push(plainStr(item));
  return out;
}

// _make_cors_allowed_methods_for_path_item: every key of the path item (methods or not),
// upper-cased, with OPTIONS; all methods for ANY.
std::string allowedMethods(const PyObject& pathItem) {
  std::vector<std::string> keys = pathItem.keys();
  std::set<std::string> methods;
  if (std::find(keys.begin(), keys.end(), "x-amazon-apigateway-any-method") != keys.end()) {
    methods = {"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"};
  } else {
    keys.push_back("options");
    for (std::string key : keys) {
      for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      methods.insert(key);
    }
  }
  std::string out;
  for (const std::string& method : methods) out += (out.empty() ? "" : ",") + method;
  return out;
}

// _options_method_response_for_cors.
PyObject optionsMethod(const CorsSettings& cors, const PyObject& allowMethods) {
  const std::string prefix = "method.response.header.";
  PyObject parameters = PyObject::dict(true);
  PyObject headers = PyObject::dict(true);
  parameters.set(prefix + "Access-Control-Allow-Origin", cors.allowOrigin);
  headers.set("Access-Control-Allow-Origin", typeDict("string"));
  if (cors.allowHeaders) {
    parameters.set(prefix + "Access-Control-Allow-Headers", *cors.allowHeaders);
    headers.set("Access-Control-Allow-Headers", typeDict("string"));
  }
  parameters.set(prefix + "Access-Control-Allow-Methods", allowMethods);
  headers.set("Access-Control-Allow-Methods", typeDict("string"));
  if (cors.maxAge) {
    parameters.set(prefix + "Access-Control-Max-Age", *cors.maxAge);
    headers.set("Access-Control-Max-Age", typeDict("integer"));
  }
  if (cors.allowCredentials) {
    parameters.set(prefix + "Access-Control-Allow-Credentials", plainStr("'true'"));
    headers.set("Access-Control-Allow-Credentials", typeDict("string"));
  }

  PyObject method = PyObject::dict(true);
  method.set("summary", plainStr("CORS support"));
  method.set("consumes", stringList("application/json"));
  method.set("produces", stringList("application/json"));
  PyObject& integration = method.set("x-amazon-apigateway-integration", PyObject::dict(true));
  integration.set("type", plainStr("mock"));
  PyObject requestTemplates = PyObject::dict(false);
  requestTemplates.set("application/json", plainStr("{\n  \"statusCode\" : 200\n}\n"));
  integration.set("requestTemplates", std::move(requestTemplates));
  PyObject& responses = integration.set("responses", PyObject::dict(true));
  PyObject& defaultResponse = responses.set("default", PyObject::dict(true));
  defaultResponse.set("statusCode", plainStr("200"));
  defaultResponse.set("responseParameters", std::move(parameters));
  PyObject responseTemplates = PyObject::dict(false);
  responseTemplates.set("application/json", plainStr("{}\n"));
  defaultResponse.set("responseTemplates", std::move(responseTemplates));
  PyObject& methodResponses = method.set("responses", PyObject::dict(true));
  PyObject& ok = methodResponses.set("200", PyObject::dict(true));
  ok.set("description", plainStr("Default response for CORS method"));
  ok.set("headers", std::move(headers));
  return method;
}

}  // namespace

bool addCors(ExpandContext& ctx, const std::string& id, RestApi& api, const Node& cors) {
  std::string what = "Cors of AWS::Serverless::Api " + id;
  CorsSettings settings;
  if (!api.body || !readCors(cors, settings) || !isValidSwagger(*api.body)) {
    ctx.notSupported("API Gateway: " + what);
    return false;
  }
  if (settings.allowCredentials && settings.originIsWildcard) {
    ctx.notSupported("API Gateway: SAM's rejection of AllowCredentials with AllowOrigin '*' in " +
                     what);
    return false;
  }
  PyObject& body = *api.body;
  body.deepcopy();
  PyObject& paths = *body.get("paths");
  // API Gateway treats /path and /path/ as one resource: the first of them gets the method.
  std::set<std::string> normalized;
  for (const std::string& path : paths.keys()) {
    std::string key = path;
    if (key != "/") {
      while (!key.empty() && key.back() == '/') key.pop_back();
    }
    if (!normalized.insert(key).second) continue;
    // add_cors: each branch of a conditional path item (SwaggerEditor.__init__ has rejected, in
    // src/sam, an Fn::If that is not a list and a branch that is not a map).
    PyObject& pathItem = *paths.get(path);
    if (!pathItem.isDict()) {
      ctx.notSupported("API Gateway: path " + path + " that is not a plain map, with " + what);
      return false;
    }
    std::optional<PyObject> methods = settings.allowMethods;
    for (PyObject* item : conditionalContents(pathItem)) {
      if (!item->isDict()) {
        ctx.notSupported("API Gateway: path " + path + " that is not a plain map, with " + what);
        return false;
      }
      if (item->get("options")) continue;
      if (!settings.originTruthy) {
        ctx.notSupported("API Gateway: SAM's rejection of an empty AllowOrigin in " + what);
        return false;
      }
      // Without AllowMethods SAM lists the methods of the path's first branch, and keeps that
      // list for its other branches.
      if (!methods) methods = PyObject::str("'" + allowedMethods(*item) + "'");
      item->set("options", optionsMethod(settings, *methods));
    }
  }
  body.deepcopy();
  return true;
}

}  // namespace samshift::expand::api
