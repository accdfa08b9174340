#include "expand/api/conditional_paths.h"

#include <map>
#include <optional>
#include <set>

#include "sam/combined_condition.h"

namespace samshift::expand::api {

std::vector<PyObject*> conditionalContents(PyObject& item) {
  std::vector<PyObject*> out;
  if (!conditionalContents(&item, out)) out.clear();
  return out;
}

PyObject pyConditional(const std::string& condition, PyObject value, bool templateString) {
  PyObject noValue = PyObject::dict(false);
  noValue.set("Ref", PyObject::str("AWS::NoValue"));
  PyObject branches = PyObject::list();
  branches.push(PyObject::str(condition, templateString));
  branches.push(std::move(value));
  branches.push(std::move(noValue));
  PyObject out = PyObject::dict(false);
  out.set("Fn::If", std::move(branches));
  return out;
}

namespace {

constexpr const char* kIntegration = "x-amazon-apigateway-integration";

// The distinct Conditions (as strings) behind the methods, and whether every method has one.
// False after refusing a Condition that is not a string (SAM's set of them fails on it).
bool methodConditionNames(ExpandContext& ctx, const std::string& id,
                          const std::map<std::string, const model::Node*>& methods,
                          std::set<std::string>& names, bool& allConditional) {
  for (const auto& [method, condition] : methods) {
    if (!condition) {
      allConditional = false;
    } else if (!condition->isString()) {
      ctx.notSupported("API Gateway: a Condition that is not a string on a method of " + id);
      return false;
    } else {
      names.insert(condition->text());
    }
  }
  return true;
}

// _add_combined_condition_to_template: `name` stands for any of `conditions` (sorted, as SAM
// sorts them) in the template's Conditions. False after refusing a template without them.
bool addCombinedCondition(ExpandContext& ctx, const std::string& name,
                          const std::set<std::string>& conditions) {
  const model::Node* section = ctx.templ.root().get("Conditions");
  if (!section || !section->isMapping()) {
    ctx.notSupported("API Gateway: conditions SAM combines in a template without Conditions");
    return false;
  }
  std::vector<std::string> sorted(conditions.begin(), conditions.end());
  for (auto& [added, value] : sam::combinedConditions(name, std::move(sorted)))
    ctx.extraConditions.set(added, std::move(value));
  return true;
}

// _maybe_add_condition_to_implicit_api: the implicit API `id` takes its methods' Condition when
// every method has one (more than one: a combined `combinedName`). False after refusing.
bool addImplicitApiCondition(ExpandContext& ctx, const std::string& id, const char* combinedName,
                             const MethodConditions& methodConditions,
                             std::optional<model::Node>& out) {
  std::set<std::string> names;
  bool allConditional = true;
  for (const auto& [path, methods] : methodConditions) {
    if (!methodConditionNames(ctx, id, methods, names, allConditional)) return false;
  }
  if (names.empty() || !allConditional) return true;
  std::string condition = *names.begin();
  if (names.size() > 1) {
    condition = combinedName;
    if (!addCombinedCondition(ctx, condition, names)) return false;
  }
  out = model::Node::string(condition);
  return true;
}

// _maybe_add_conditions_to_implicit_api_paths on one body SAM manages: each path whose every
// method has a Condition is wrapped in an Fn::If on it (several: a combined condition SAM names).
// False after refusing.
bool makePathsConditional(ExpandContext& ctx, const std::string& id,
                          const MethodConditions& methodConditions, PyObject& body) {
  PyObject& paths = *body.get("paths");
  for (const std::string& path : paths.keys()) {
    auto it = methodConditions.find(path);
    if (it == methodConditions.end()) continue;
    std::set<std::string> conditions;
    bool allConditional = true;
    if (!methodConditionNames(ctx, id, it->second, conditions, allConditional)) return false;
    if (conditions.empty() || !allConditional) continue;
    // One Condition comes from the template (a template string), a combined one from SAM.
    std::string condition = *conditions.begin();
    bool combined = conditions.size() > 1;
    if (combined) {
      condition = sam::apiPathConditionName(id, path);
      if (!addCombinedCondition(ctx, condition, conditions)) return false;
    }
    PyObject item = *paths.get(path);
    paths.set(path, pyConditional(condition, std::move(item), !combined));
  }
  return true;
}

}  // namespace

bool addPathConditions(ExpandContext& ctx) {
  auto implicit = ctx.apis.rest.find(kImplicitRestApi);
  if (implicit != ctx.apis.rest.end() && implicit->second.implicit &&
      !addImplicitApiCondition(ctx, kImplicitRestApi, sam::kImplicitRestApiCondition,
                               implicit->second.methodConditions,
                               implicit->second.implicitCondition))
    return false;
  for (auto& [id, api] : ctx.apis.rest) {
    if (!api.managed || !api.body) continue;
    // The plugin's editor copies the body, and hands back a copy.
    api.body->deepcopy();
    if (!makePathsConditional(ctx, id, api.methodConditions, *api.body)) return false;
    api.body->deepcopy();
  }
  return true;
}

bool addHttpPathConditions(ExpandContext& ctx) {
  auto implicit = ctx.apis.http.find(kImplicitHttpApi);
  if (implicit != ctx.apis.http.end() &&
      !addImplicitApiCondition(ctx, kImplicitHttpApi, sam::kImplicitHttpApiCondition,
                               implicit->second.methodConditions,
                               implicit->second.implicitCondition))
    return false;
  for (auto& [id, api] : ctx.apis.http) {
    if (api.managed && !makePathsConditional(ctx, id, api.methodConditions, api.body)) return false;
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

void addConditionalStateMachineIntegration(PyObject& body, const std::string& path,
                                           const MethodKey& method, PyObject uri,
                                           const std::string& condition, PyObject credentials,
                                           PyObject requestTemplates) {
  // add_path, then the method of each branch, the URI and then the method wrapped in the Fn::If.
  PyObject& pathItem = body.get("paths")->setdefault(path, PyObject::dict(true), true);
  for (PyObject* item : conditionalContents(pathItem))
    item->setdefault(method.name, PyObject::dict(true), method.unicode);
  PyObject conditionalUri = pyConditional(condition, std::move(uri));
  for (PyObject* item : conditionalContents(pathItem)) {
    fillStateMachineMethod(*item->get(method.name), conditionalUri, credentials, requestTemplates);
    PyObject wrapped = pyConditional(condition, *item->get(method.name));
    item->set(method.name, std::move(wrapped), method.unicode);
  }
}

}  // namespace samshift::expand::api
