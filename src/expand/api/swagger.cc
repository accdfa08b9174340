#include "expand/api/swagger.h"

#include <cctype>

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
  for (size_t i = 1; i < branches->length(); ++i) {
    PyObject* branch = branches->item(i);
    // is_intrinsic_no_value: {"Ref": "AWS::NoValue"}.
    const PyObject* name = branch->isDict() ? branch->get("Ref") : nullptr;
    bool noValue =
        name && branch->keys().size() == 1 && name->isStr() && name->text() == "AWS::NoValue";
    if (!noValue) out.push_back(branch);
  }
  return true;
}

PyObject makeConditional(const std::string& condition, PyObject value) {
  PyObject noValue = PyObject::dict(false);
  noValue.set("Ref", PyObject::str("AWS::NoValue"));
  PyObject arguments = PyObject::list();
  arguments.push(PyObject::str(condition, true));  // the template's Condition
  arguments.push(std::move(value));
  arguments.push(std::move(noValue));
  PyObject conditional = PyObject::dict(false);
  conditional.set("Fn::If", std::move(arguments));
  return conditional;
}

void addPath(PyObject& body, const std::string& path, const MethodKey& method) {
  PyObject& pathDict = body.get("paths")->setdefault(path, PyObject::dict(true), true);
  std::vector<PyObject*> items;
  conditionalContents(&pathDict, items);
  for (PyObject* item : items) {
    if (item && item->isDict()) item->setdefault(method.name, PyObject::dict(true), method.unicode);
  }
}

bool hasIntegration(PyObject& body, const std::string& path, const MethodKey& method) {
  // has_integration: every branch of the path has the method, with an integration in a branch.
  PyObject* paths = body.get("paths");
  std::vector<PyObject*> items;
  if (!paths || !paths->get(path) || !conditionalContents(paths->get(path), items)) return false;
  for (PyObject* item : items) {
    std::vector<PyObject*> definitions;
    if (!item || !item->isDict() || !item->get(method.name) ||
        !conditionalContents(item->get(method.name), definitions))
      return false;
    bool integrated = false;
    for (const PyObject* definition : definitions) {
      const PyObject* integration =
          definition && definition->isDict() ? definition->get(kIntegration) : nullptr;
      integrated = integrated || integration != nullptr;
    }
    if (!integrated) return false;
  }
  return true;
}

void addLambdaIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                          PyObject uri, bool streaming, std::optional<PyObject> credentials,
                          const std::string* condition) {
  addPath(body, path, method);
  if (condition) uri = makeConditional(*condition, std::move(uri));
  std::vector<PyObject*> items;
  conditionalContents(body.get("paths")->get(path), items);
  for (PyObject* item : items) {
    PyObject& target = *item->get(method.name);
    PyObject& integration = target.set(kIntegration, PyObject::dict(true));
    integration.set("type", PyObject::str("aws_proxy"));
    integration.set("httpMethod", PyObject::str("POST"));
    integration.set("uri", uri);
    if (streaming) integration.set("responseTransferMode", PyObject::str("STREAM"));
    if (credentials) integration.set("credentials", *credentials);
    target.setdefault("responses", PyObject::dict(true));
    if (condition) item->set(method.name, makeConditional(*condition, target), method.unicode);
  }
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

void addStateMachineIntegration(PyObject& body, const std::string& path, const MethodKey& method,
                                PyObject uri, PyObject credentials, PyObject requestTemplates) {
  PyObject integrationResponses = PyObject::dict(true);
  integrationResponses.set("200", strDict("statusCode", "200"));
  integrationResponses.set("400", strDict("statusCode", "400"));
  PyObject methodResponses = PyObject::dict(true);
  methodResponses.set("200", strDict("description", "OK"));
  methodResponses.set("400", strDict("description", "Bad Request"));

  PyObject& target = methodDict(body, path, method);
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

}  // namespace samshift::expand::api
