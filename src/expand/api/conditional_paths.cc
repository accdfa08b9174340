#include "expand/api/conditional_paths.h"

#include <set>

namespace samshift::expand::api {

namespace {

constexpr const char* kIntegration = "x-amazon-apigateway-integration";

}  // namespace

std::vector<PyObject*> conditionalContents(PyObject& item) {
  std::vector<PyObject*> out;
  if (!conditionalContents(&item, out)) out.clear();
  return out;
}

PyObject pyConditional(const std::string& condition, PyObject value) {
  PyObject noValue = PyObject::dict(false);
  noValue.set("Ref", PyObject::str("AWS::NoValue"));
  PyObject branches = PyObject::list();
  // The Condition comes from the template: a template string.
  branches.push(PyObject::str(condition, true));
  branches.push(std::move(value));
  branches.push(std::move(noValue));
  PyObject out = PyObject::dict(false);
  out.set("Fn::If", std::move(branches));
  return out;
}

bool addPathConditions(ExpandContext& ctx) {
  for (auto& [id, api] : ctx.apis.rest) {
    if (!api.managed || !api.body) continue;
    // The implicit API's own Condition, when every method on it is conditional, is not modelled.
    if (api.implicit && !api.methodConditions.empty()) {
      bool allConditional = true;
      for (const auto& [path, methods] : api.methodConditions) {
        for (const auto& [method, condition] : methods) allConditional &= condition != nullptr;
      }
      if (allConditional) {
        ctx.notSupported("API Gateway: " + id + " whose every method has a Condition");
        return false;
      }
    }
    // The plugin's editor copies the body, and hands back a copy.
    api.body->deepcopy();
    PyObject& paths = *api.body->get("paths");
    for (const std::string& path : paths.keys()) {
      auto it = api.methodConditions.find(path);
      if (it == api.methodConditions.end()) continue;
      std::set<std::string> conditions;
      bool allConditional = !it->second.empty();
      for (const auto& [method, condition] : it->second) {
        if (!condition) {
          allConditional = false;
        } else {
          conditions.insert(condition->text());
        }
      }
      if (!allConditional) continue;
      if (conditions.size() > 1) {
        // A combined Fn::Or condition SAM adds to the template: not modelled.
        ctx.notSupported("API Gateway: path " + path + " of " + id +
                         " whose methods have different Conditions");
        return false;
      }
      PyObject item = *paths.get(path);
      paths.set(path, pyConditional(*conditions.begin(), std::move(item)));
    }
    api.body->deepcopy();
  }
  return true;
}

void addConditionalLambdaIntegration(PyObject& body, const std::string& path,
                                     const MethodKey& method, PyObject uri,
                                     const std::string& condition,
                                     std::optional<PyObject> credentials) {
  // add_path: the path item (or each branch of it) gets the method.
  PyObject& pathItem = body.get("paths")->setdefault(path, PyObject::dict(true), true);
  for (PyObject* item : conditionalContents(pathItem))
    item->setdefault(method.name, PyObject::dict(true), method.unicode);
  PyObject conditionalUri = pyConditional(condition, std::move(uri));
  for (PyObject* item : conditionalContents(pathItem)) {
    PyObject& target = *item->get(method.name);
    PyObject& integration = target.set(kIntegration, PyObject::dict(true));
    integration.set("type", PyObject::str("aws_proxy"));
    integration.set("httpMethod", PyObject::str("POST"));
    integration.set("uri", conditionalUri);
    if (credentials) integration.set("credentials", *credentials);
    target.setdefault("responses", PyObject::dict(true));
    PyObject wrapped = pyConditional(condition, *item->get(method.name));
    item->set(method.name, std::move(wrapped), method.unicode);
  }
}

}  // namespace samshift::expand::api
