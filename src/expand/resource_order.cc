#include "expand/resource_order.h"

#include <algorithm>
#include <string_view>

#include "expand/api/py_object.h"
#include "sam/deployment_model.h"
#include "sam/validation.h"

namespace samshift::expand {

using model::Node;

namespace {

bool hasApiEvent(const model::ResourceView& resource, std::string_view type, const char* apiKey,
                 bool implicitOnly) {
  const Node* events = resource.property("Events");
  if (!events || !events->isMapping()) return false;
  for (const model::MapEntry& entry : events->entries()) {
    const Node* eventType = entry.value.isMapping() ? entry.value.get("Type") : nullptr;
    if (!eventType || !eventType->isString(type)) continue;
    if (!implicitOnly) return true;
    const Node* props = entry.value.get("Properties");
    if (props && props->isMapping() && !props->has(apiKey)) return true;
  }
  return false;
}

bool isFunctionOrStateMachine(const model::ResourceView& resource) {
  return resource.type == "AWS::Serverless::Function" ||
         resource.type == "AWS::Serverless::StateMachine";
}

// Whether an event gives the implicit API a path, so that its plugin keeps it.
bool implicitApiUsed(const model::Template& templ, std::string_view type, const char* apiKey) {
  return std::any_of(
      templ.resources().begin(), templ.resources().end(), [&](const model::ResourceView& resource) {
        return isFunctionOrStateMachine(resource) && hasApiEvent(resource, type, apiKey, true);
      });
}

// The keys of Resources: the template's, then the plugins' ServerlessRestApi (and, after the
// REST plugin has removed an unused one, ServerlessHttpApi).
api::Py27KeyOrder resourceKeys(const model::Template& templ, bool afterPlugins) {
  api::Py27KeyOrder keys;
  for (const model::ResourceView& resource : templ.resources()) keys.add(resource.id);
  bool restWritten = templ.resource("ServerlessRestApi") != nullptr;
  keys.add("ServerlessRestApi");
  if (!afterPlugins) return keys;
  if (!restWritten && !implicitApiUsed(templ, "Api", "RestApiId")) keys.remove("ServerlessRestApi");
  bool httpWritten = templ.resource("ServerlessHttpApi") != nullptr;
  keys.add("ServerlessHttpApi");
  if (!httpWritten && !implicitApiUsed(templ, "HttpApi", "ApiId")) keys.remove("ServerlessHttpApi");
  return keys;
}

bool defaultAuthorizer(const Node* props) {
  const Node* auth = props && props->isMapping() ? props->get("Auth") : nullptr;
  const Node* authorizer = auth && auth->isMapping() ? auth->get("DefaultAuthorizer") : nullptr;
  return authorizer && sam::pythonTruthy(*authorizer);
}

}  // namespace

bool resourcesArePy27Dict(const model::Template& templ) {
  const Node* globals = templ.globals();
  bool globalAuthorizer =
      globals && globals->isMapping() && defaultAuthorizer(globals->get("HttpApi"));
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::Api") return true;
    if (isFunctionOrStateMachine(resource) && hasApiEvent(resource, "Api", "RestApiId", false))
      return true;
    if (resource.type == "AWS::Serverless::HttpApi" &&
        (globalAuthorizer || defaultAuthorizer(resource.properties)))
      return true;
  }
  return false;
}

void orderAsTranslatorIterates(const model::Template& templ,
                               std::vector<const model::ResourceView*>& resources) {
  if (!resourcesArePy27Dict(templ)) return;
  api::Py27KeyOrder keys = resourceKeys(templ, true);
  std::vector<size_t> order = keys.order();
  auto position = [&](const model::ResourceView* resource) {
    return std::find(order.begin(), order.end(), keys.find(resource->id)) - order.begin();
  };
  std::stable_sort(resources.begin(), resources.end(), [&](const auto* a, const auto* b) {
    int rankA = sam::transformRank(a->type), rankB = sam::transformRank(b->type);
    return rankA != rankB ? rankA < rankB : position(a) < position(b);
  });
}

std::vector<std::string> implicitApiPluginOrder(const model::Template& templ) {
  return resourceKeys(templ, false).keys();
}

}  // namespace samshift::expand
