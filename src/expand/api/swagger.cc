#include "expand/api/swagger.h"

#include <cctype>
#include <vector>

#include "sam/api_validation.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

namespace {

constexpr const char* kIntegration = "x-amazon-apigateway-integration";

PyObject skeleton(const char* versionKey, const char* version) {
  PyObject body = PyObject::dict(true);
  body.set(versionKey, PyObject::str(version));
  PyObject& info = body.set("info", PyObject::dict(true));
  info.set("version", PyObject::str("1.0"));
  PyObject title = PyObject::dict(false);
  title.set("Ref", PyObject::str("AWS::StackName"));
  info.set("title", std::move(title));
  body.set("paths", PyObject::dict(true));
  return body;
}

PyObject& methodDict(PyObject& body, const std::string& path, const MethodKey& method) {
  addPath(body, path, method);
  return *body.get("paths")->get(path)->get(method.name);
}

PyObject strDict(const char* key, const char* value) {
  PyObject out = PyObject::dict(true);
  out.set(key, PyObject::str(value));
  return out;
}

}  // namespace

bool isOpenApi3(const std::string& version) { return sam::openApiVersionMatches(version, false); }

bool isValidSwagger(const PyObject& body) {
  const PyObject* paths = body.get("paths");
  if (!paths || !paths->isDict()) return false;
  const PyObject* swagger = body.get("swagger");
  // bool(data.get("swagger")): `swagger: 2.0` is a float.
  if (swagger && sam::pythonTruthy(swagger->toNode())) return true;
  const PyObject* openapi = body.get("openapi");
  return !swagger && openapi && openapi->isStr() && isOpenApi3(openapi->text());
}

PyObject swaggerSkeleton() { return skeleton("swagger", "2.0"); }
PyObject openApiSkeleton() { return skeleton("openapi", "3.0.1"); }

MethodKey methodKey(const std::string& method) {
  std::string lower;
  for (char c : method) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "any") return {"x-amazon-apigateway-any-method", false};
  return {lower, true};
}

PyObject pySub(std::string text) {
  PyObject sub = PyObject::dict(false);
  sub.set("Fn::Sub", PyObject::str(std::move(text)));
  return sub;
}

bool conditionalContents(PyObject* item, std::vector<PyObject*>& out) {
  PyObject* branches = item && item->isDict() ? item->get("Fn::If") : nullptr;
  if (!branches) {
    out.push_back(item);
    return true;
  }
  if (branches->kind() != PyObject::Kind::kList) return false;
  for (size_t i = 1; i < branches->size(); ++i) {
    PyObject* branch = branches->item(i);
    // is_intrinsic_no_value: {"Ref": "AWS::NoValue"}.
    const PyObject* name = branch->isDict() ? branch->get("Ref") : nullptr;
    bool noValue =
        name && branch->keys().size() == 1 && name->isStr() && name->text() == "AWS::NoValue";
    if (!noValue) out.push_back(branch);
  }
  return true;
}

void addPath(PyObject& body, const std::string& path, const MethodKey& method) {
  PyObject& pathDict = body.get("paths")->setdefault(path, PyObject::dict(true), true);
  pathDict.setdefault(method.name, PyObject::dict(true), method.unicode);
}

bool hasIntegration(const PyObject& body, const std::string& path, const MethodKey& method) {
  // Through the Fn::If of a conditional path or method, any branch counts (SAM asks all of
  // them): a second integration is refused either way.
  auto branches = [](const PyObject& value) {
    std::vector<const PyObject*> out{&value};
    const PyObject* condition = value.isDict() ? value.get("Fn::If") : nullptr;
    if (condition) {
      out.clear();
      for (const PyObject& branch : condition->listItems()) out.push_back(&branch);
    }
    return out;
  };
  const PyObject* paths = body.get("paths");
  const PyObject* pathDict = paths ? paths->get(path) : nullptr;
  for (const PyObject* item : pathDict ? branches(*pathDict) : std::vector<const PyObject*>{}) {
    const PyObject* methodDict = item->isDict() ? item->get(method.name) : nullptr;
    for (const PyObject* definition :
         methodDict ? branches(*methodDict) : std::vector<const PyObject*>{}) {
      if (definition->isDict() && definition->get(kIntegration)) return true;
    }
  }
  return false;
}

void addLambdaIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                          PyObject uri, bool streaming, std::optional<PyObject> credentials) {
  PyObject& target = methodDict(body, path, method);
  PyObject& integration = target.set(kIntegration, PyObject::dict(true));
  integration.set("type", PyObject::str("aws_proxy"));
  integration.set("httpMethod", PyObject::str("POST"));
  integration.set("uri", std::move(uri));
  if (streaming) integration.set("responseTransferMode", PyObject::str("STREAM"));
  if (credentials) integration.set("credentials", std::move(*credentials));
  target.setdefault("responses", PyObject::dict(true));
}

PyObject& addHttpLambdaIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                                   PyObject uri) {
  PyObject& target = methodDict(body, path, method);
  PyObject& integration = target.set(kIntegration, PyObject::dict(true));
  integration.set("type", PyObject::str("aws_proxy"));
  integration.set("httpMethod", PyObject::str("POST"));
  integration.set("payloadFormatVersion", PyObject::str("2.0"));
  integration.set("uri", std::move(uri));
  if (path == "$default" && method.name == "x-amazon-apigateway-any-method")
    target.set("isDefaultRoute", PyObject::boolean(true));
  target.setdefault("responses", PyObject::dict(true));
  return *target.get(kIntegration);
}

void fillStateMachineMethod(PyObject& target, PyObject uri, PyObject credentials,
                            PyObject requestTemplates) {
  PyObject integrationResponses = PyObject::dict(true);
  integrationResponses.set("200", strDict("statusCode", "200"));
  integrationResponses.set("400", strDict("statusCode", "400"));
  PyObject methodResponses = PyObject::dict(true);
  methodResponses.set("200", strDict("description", "OK"));
  methodResponses.set("400", strDict("description", "Bad Request"));

  PyObject& integration = target.set(kIntegration, PyObject::dict(true));
  integration.set("type", PyObject::str("aws"));
  integration.set("httpMethod", PyObject::str("POST"));
  integration.set("uri", std::move(uri));
  integration.set("responses", std::move(integrationResponses));
  integration.set("credentials", std::move(credentials));
  // SAM sets the templates after `responses`; `integration` may have moved with that insert.
  target.setdefault("responses", std::move(methodResponses));
  target.get(kIntegration)->set("requestTemplates", std::move(requestTemplates));
}

void addStateMachineIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                                PyObject uri, PyObject credentials, PyObject requestTemplates) {
  fillStateMachineMethod(methodDict(body, path, method), std::move(uri), std::move(credentials),
                         std::move(requestTemplates));
}

}  // namespace samshift::expand::api
