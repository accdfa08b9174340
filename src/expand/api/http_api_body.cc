#include "expand/api/http_api_body.h"

#include <optional>
#include <vector>

#include "sam/api_validation.h"
#include "sam/http_api_validation.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kIntegration = "x-amazon-apigateway-integration";
constexpr const char* kCors = "x-amazon-apigateway-cors";
constexpr const char* kEndpointConfig = "x-amazon-apigateway-endpoint-configuration";

bool fail(std::string& why, std::string text) {
  why = std::move(text);
  return false;
}

bool isNoValue(const PyObject& item) {
  if (!item.isDict() || item.keys().size() != 1) return false;
  const PyObject* ref = item.get("Ref");
  return ref && ref->isStr() && ref->text() == "AWS::NoValue";
}

// BaseEditor.get_conditional_contents: the branches of an `Fn::If` other than AWS::NoValue, or
// the item itself (null when absent). Nullopt when the `Fn::If` value is not a list (SAM's
// rejection).
std::optional<std::vector<PyObject*>> conditionalContents(PyObject* item, std::string& why) {
  PyObject* branches = item && item->isDict() ? item->get("Fn::If") : nullptr;
  if (!branches) return std::vector<PyObject*>{item};
  if (!branches->isList()) {
    why = "an Fn::If whose value is not a list in the OpenAPI body";
    return std::nullopt;
  }
  std::vector<PyObject*> out;
  for (size_t i = 1; i < branches->size(); ++i) {
    if (!isNoValue(branches->at(i))) out.push_back(&branches->at(i));
  }
  return out;
}

// make_conditional: {"Fn::If": [condition, data, {"Ref": "AWS::NoValue"}]}.
PyObject conditional(const Node& condition, PyObject data) {
  PyObject noValue = PyObject::dict(false);
  noValue.set("Ref", PyObject::str("AWS::NoValue"));
  PyObject branches = PyObject::list();
  branches.push(PyObject::fromTemplate(condition));
  branches.push(std::move(data));
  branches.push(std::move(noValue));
  PyObject out = PyObject::dict(false);
  out.set("Fn::If", std::move(branches));
  return out;
}

bool hasIntegrationKey(const PyObject& definition) {
  const PyObject* integration = definition.get(kIntegration);
  return integration && integration->truthy();
}

// The first `[A-Za-z0-9]+\.Arn` of an integration URI's Fn::Sub text, without `.Arn`.
std::optional<std::string> firstArnName(const std::string& text) {
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  for (size_t at = text.find(".Arn"); at != std::string::npos; at = text.find(".Arn", at + 1)) {
    size_t start = at;
    while (start > 0 && alnum(text[start - 1])) --start;
    if (start < at) return text.substr(start, at - start);
  }
  return std::nullopt;
}

// json.loads(json.dumps(value)) with each CORS property name turned into its OpenAPI key, as
// add_cors does to an intrinsic AllowOrigins (a plain text replacement, keys and values alike).
Node renameCorsKeywords(const Node& value) {
  static constexpr std::pair<const char*, const char*> kKeywords[] = {
      {"AllowOrigins", "allowOrigins"},
      {"AllowHeaders", "allowHeaders"},
      {"AllowMethods", "allowMethods"},
      {"ExposeHeaders", "exposeHeaders"},
      {"MaxAge", "maxAge"},
      {"AllowCredentials", "allowCredentials"}};
  auto rename = [](std::string text) {
    for (const auto& [from, to] : kKeywords) {
      for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
        text.replace(at, std::string_view(from).size(), to);
    }
    return text;
  };
  if (value.isString()) return Node::string(rename(value.text()));
  if (value.isSequence()) {
    Node out = Node::sequence();
    for (const Node& item : value.items()) out.push(renameCorsKeywords(item));
    return out;
  }
  if (value.isMapping()) {
    Node out = Node::mapping();
    for (const MapEntry& entry : value.entries())
      out.set(rename(entry.key.text()), renameCorsKeywords(entry.value));
    return out;
  }
  return value;
}

}  // namespace

bool isOpenApiDocument(const PyObject& body) {
  if (!body.isDict() || !body.truthy()) return false;
  const PyObject* paths = body.get("paths");
  const PyObject* openapi = body.get("openapi");
  if (!paths || !paths->isDict() || !openapi || !openapi->truthy()) return false;
  if (!openapi->isStr()) return false;  // str() of another value is not modelled: see the callers
  return sam::openApiVersionMatches(openapi->text(), false);
}

bool httpHasIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                        std::string& why) {
  PyObject* pathItem = body.get("paths")->get(path);
  if (!pathItem) return false;
  auto items = conditionalContents(pathItem, why);
  if (!items) return false;
  for (PyObject* item : *items) {
    if (!item || !item->isDict() || !item->get(method.name)) return false;
  }
  for (PyObject* item : *items) {
    PyObject* definition = item->get(method.name);
    if (!definition->isDict()) return false;
    auto definitions = conditionalContents(definition, why);
    if (!definitions) return false;
    bool integrated = false;
    for (PyObject* each : *definitions) {
      if (!each || !each->isDict())
        return fail(why, "a method of path " + path + " that is not a map in the OpenAPI body");
      if (hasIntegrationKey(*each)) integrated = true;
    }
    if (!integrated) return false;
  }
  return true;
}

bool addHttpIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                        const PyObject& uri, const Node* condition, std::string& why) {
  PyObject& paths = *body.get("paths");
  PyObject& pathItem = paths.setdefault(path, PyObject::dict(true), true);
  if (!pathItem.isDict()) return fail(why, "path " + path + " that is not a map");
  auto items = conditionalContents(&pathItem, why);
  if (!items) return false;
  for (PyObject* item : *items) {
    if (!item || !item->isDict()) return fail(why, "a branch of path " + path + " not a map");
    item->setdefault(method.name, PyObject::dict(true), method.unicode);
  }
  for (PyObject* item : *items) {
    PyObject* definition = item->get(method.name);
    if (definition->isNone()) definition = &item->set(method.name, PyObject::dict(true));
    if (!definition->isDict() || definition->get("Fn::If"))
      return fail(why, "method " + method.name + " of path " + path + " that is not a plain map");
    PyObject integration = PyObject::dict(true);
    integration.set("type", PyObject::str("aws_proxy"));
    integration.set("httpMethod", PyObject::str("POST"));
    integration.set("payloadFormatVersion", PyObject::str("2.0"));
    integration.set("uri", condition ? conditional(*condition, uri) : uri);
    definition->set(kIntegration, std::move(integration));
    if (path == "$default" && method.name == "x-amazon-apigateway-any-method")
      definition->set("isDefaultRoute", PyObject::boolean(true));
    definition->setdefault("responses", PyObject::dict(true));
    if (condition) item->set(method.name, conditional(*condition, *definition));
  }
  return true;
}

bool editHttpIntegratedMethods(PyObject& body, const std::string& path, const MethodKey& method,
                               const std::function<bool(PyObject& definition)>& edit,
                               std::string& why) {
  auto items = conditionalContents(body.get("paths")->get(path), why);
  if (!items) return false;
  for (PyObject* item : *items) {
    if (!item || !item->isDict()) return fail(why, "path " + path + " that is not a map");
    auto definitions = conditionalContents(item->get(method.name), why);
    if (!definitions) return false;
    for (PyObject* definition : *definitions) {
      if (!definition || !definition->isDict())
        return fail(why, "method " + method.name + " of path " + path + " that is not a map");
      if (hasIntegrationKey(*definition) && !edit(*definition)) return false;
    }
  }
  return true;
}

bool addHttpPathParameters(PyObject& definition, const std::vector<std::string>& names,
                           std::string& why) {
  PyObject& parameters = definition.setdefault("parameters", PyObject::list());
  if (!parameters.isList()) return fail(why, "`parameters` of a method that is not a list");
  for (const std::string& name : names) {
    PyObject* existing = nullptr;
    for (size_t i = 0; i < parameters.size() && !existing; ++i) {
      PyObject& parameter = parameters.at(i);
      if (!parameter.isDict()) return fail(why, "a method parameter that is not a map");
      const PyObject* given = parameter.get("name");
      if (given && !given->isStr())
        return fail(why, "a method parameter name that is not a string");
      if (given && given->text() == name) existing = &parameter;
    }
    if (existing) {
      existing->set("in", PyObject::str("path"));
      existing->set("required", PyObject::boolean(true));
      continue;
    }
    PyObject parameter = PyObject::dict(true);
    parameter.set("name", PyObject::str(name, true));
    parameter.set("in", PyObject::str("path"));
    parameter.set("required", PyObject::boolean(true));
    parameters.push(std::move(parameter));
  }
  return true;
}

bool defaultRouteInvokes(PyObject& body, const std::string& functionId, std::string& why) {
  const MethodKey any{"x-amazon-apigateway-any-method", false};
  if (!httpHasIntegration(body, "$default", any, why)) return false;
  auto items = conditionalContents(body.get("paths")->get("$default"), why);
  if (!items) return false;
  for (PyObject* item : *items) {
    auto definitions = conditionalContents(item->get(any.name), why);
    if (!definitions) return false;
    for (PyObject* definition : *definitions) {
      PyObject* integration = definition->get(kIntegration);
      if (!integration) continue;  // `.get(…, {})`: no URI, so no match
      if (!integration->isDict()) return fail(why, "an integration that is not a map");
      PyObject* uri = integration->get("uri");
      if (!uri || !uri->isDict()) return false;
      auto uris = conditionalContents(uri, why);
      if (!uris) return false;
      for (PyObject* each : *uris) {
        if (!each->isDict()) return fail(why, "a conditional integration URI that is not a map");
        const PyObject* sub = each->get("Fn::Sub");
        if (sub && !sub->isStr()) return fail(why, "an integration URI's Fn::Sub not a string");
        auto name = sub ? firstArnName(sub->text()) : std::nullopt;
        if (!name || *name != functionId) return false;
      }
    }
  }
  return true;
}

bool addHttpCors(PyObject& body, const Node& cors, std::string& why) {
  sam::HttpCorsProperties properties;
  if (!sam::httpCorsProperties(cors, properties))
    return fail(why, "a CorsConfiguration SAM rejects");
  PyObject* existing = body.get(kCors);
  if (existing && !existing->isDict())
    return fail(why, "an x-amazon-apigateway-cors that is not a map");
  PyObject configuration = existing ? *existing : PyObject::dict(false);
  const Node* origins = properties.allowOrigins;
  if (origins && sam::pythonTruthy(*origins) && origins->isIntrinsic()) {
    Node renamed = renameCorsKeywords(*origins);
    for (const MapEntry& entry : renamed.entries())
      configuration.set(entry.key.text(), PyObject::fromTemplate(entry.value));
  } else {
    auto setTruthy = [&](const char* key, const Node* value) {
      if (value && sam::pythonTruthy(*value))
        configuration.set(key, PyObject::fromTemplate(*value));
    };
    if (properties.wildcardOrigins) {
      PyObject wildcard = PyObject::list();
      wildcard.push(PyObject::str("*"));
      configuration.set("allowOrigins", std::move(wildcard));
    }
    setTruthy("allowOrigins", origins);
    setTruthy("allowHeaders", properties.allowHeaders);
    setTruthy("allowMethods", properties.allowMethods);
    setTruthy("exposeHeaders", properties.exposeHeaders);
    if (properties.maxAge && !properties.maxAge->isNull())
      configuration.set("maxAge", PyObject::fromTemplate(*properties.maxAge));
    if (properties.allowCredentials && properties.allowCredentials->isBool() &&
        properties.allowCredentials->boolValue())
      configuration.set("allowCredentials", PyObject::boolean(true));
  }
  body.set(kCors, std::move(configuration));
  return true;
}

bool addHttpTags(PyObject& body, const Node& tags, std::string& why) {
  if (tags.entries().empty()) return true;
  PyObject* given = body.get("tags");
  PyObject list = given && given->truthy() ? *given : PyObject::list();
  if (!list.isList()) return fail(why, "OpenAPI tags that are not a list");
  for (const MapEntry& entry : tags.entries()) {
    PyObject* existing = nullptr;
    for (size_t i = 0; i < list.size() && !existing; ++i) {
      PyObject& tag = list.at(i);
      if (!tag.isDict()) return fail(why, "an OpenAPI tag that is not a map");
      const PyObject* name = tag.get("name");
      if (name && !name->isStr()) return fail(why, "an OpenAPI tag name that is not a string");
      if (name && name->text() == entry.key.text()) existing = &tag;
    }
    if (existing) {
      existing->set("x-amazon-apigateway-tag-value", PyObject::fromTemplate(entry.value));
      continue;
    }
    PyObject tag = PyObject::dict(true);
    tag.set("name", PyObject::str(entry.key.text(), true));
    tag.set("x-amazon-apigateway-tag-value", PyObject::fromTemplate(entry.value));
    list.push(std::move(tag));
  }
  body.set("tags", std::move(list));
  return true;
}

bool addHttpEndpointConfig(PyObject& body, const Node& disable, std::string& why) {
  PyObject* given = body.get("servers");
  PyObject servers = PyObject::list();
  if (given) {
    if (!given->isList()) return fail(why, "OpenAPI servers that are not a list");
    servers = *given;
  } else {
    servers.push(PyObject::dict(true));
  }
  for (size_t i = 0; i < servers.size(); ++i) {
    PyObject& server = servers.at(i);
    if (!server.isDict()) return fail(why, "an OpenAPI server that is not a map");
    PyObject* existing = server.get(kEndpointConfig);
    if (existing && !existing->isDict())
      return fail(why, "an x-amazon-apigateway-endpoint-configuration that is not a map");
    PyObject configuration = existing ? *existing : PyObject::dict(false);
    configuration.set("disableExecuteApiEndpoint", PyObject::fromTemplate(disable));
    server.set(kEndpointConfig, std::move(configuration));
  }
  body.set("servers", std::move(servers));
  return true;
}

}  // namespace samshift::expand::api
