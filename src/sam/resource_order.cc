#include "sam/resource_order.h"

#include <algorithm>
#include <string_view>

#include "sam/deployment_model.h"
#include "sam/http_api_events.h"
#include "sam/py27_conversion.h"
#include "sam/py27_key_order.h"
#include "sam/validation.h"

namespace samshift::sam {

using model::Node;

namespace {

// Whether the resource has an event of `type` without `apiKey`, which the implicit API takes (an
// HttpApi event without Properties too: its plugin gives it empty ones).
bool hasImplicitApiEvent(const model::ResourceView& resource, std::string_view type,
                         const char* apiKey) {
  const Node* events = resource.property("Events");
  if (!events || !events->isMapping()) return false;
  for (const model::MapEntry& entry : events->entries()) {
    const Node* eventType = entry.value.isMapping() ? entry.value.get("Type") : nullptr;
    if (!eventType || !eventType->isString(type)) continue;
    const Node* props = entry.value.get("Properties");
    if (!props || (props->isMapping() && !props->has(apiKey))) return true;
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
        return isFunctionOrStateMachine(resource) && hasImplicitApiEvent(resource, type, apiKey);
      });
}

// The keys of Resources: the template's, then the plugins' ServerlessRestApi (and, after the
// REST plugin has removed an unused one, ServerlessHttpApi).
Py27KeyOrder resourceKeys(const model::Template& templ, bool afterPlugins) {
  Py27KeyOrder keys;
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

}  // namespace

void orderAsTranslatorIterates(const model::Template& templ,
                               std::vector<const model::ResourceView*>& resources) {
  if (!samConvertsToPy27(templ)) return;
  Py27KeyOrder keys = resourceKeys(templ, true);
  // Each key's place in the iteration order, by key number: one look-up per comparison.
  std::vector<size_t> position(keys.size() + 2, 0);
  size_t next = 0;
  for (size_t number : keys.order()) {
    if (number >= position.size()) position.resize(number + 1, 0);
    position[number] = next++;
  }
  auto place = [&](const model::ResourceView* resource) {
    size_t number = keys.find(resource->id);
    return number < position.size() ? position[number] : next;
  };
  std::stable_sort(resources.begin(), resources.end(), [&](const auto* a, const auto* b) {
    int rankA = transformRank(a->type), rankB = transformRank(b->type);
    return rankA != rankB ? rankA < rankB : place(a) < place(b);
  });
}

std::vector<const model::ResourceView*> translatorOrder(const model::Template& templ) {
  std::vector<const model::ResourceView*> order = transformOrder(templ);
  orderAsTranslatorIterates(templ, order);
  return order;
}

std::vector<std::string> implicitApiPluginOrder(const model::Template& templ) {
  return resourceKeys(templ, false).keys();
}

std::optional<std::vector<const model::MapEntry*>> functionEventOrder(const model::Node& events,
                                                                      bool py27) {
  std::vector<const model::MapEntry*> entries;
  if (py27) {
    entries = py27Order(events);
  } else {
    for (const model::MapEntry& entry : events.entries()) entries.push_back(&entry);
  }
  bool comparable = true;
  std::vector<std::pair<std::string_view, const model::MapEntry*>> keyed;
  for (const model::MapEntry* entry : entries) {
    const Node* type = entry->value.isMapping() ? entry->value.get("Type") : nullptr;
    const Node* properties = entry->value.isMapping() ? entry->value.get("Properties") : nullptr;
    if (properties && !properties->isMapping()) properties = nullptr;
    const Node* path = properties ? properties->get("Path") : nullptr;
    // ImplicitHttpApiPlugin gives an HttpApi event without Path or Method the `$default` path
    // before the translator sorts.
    if (type && type->isString("HttpApi") && !truthy(path) &&
        !truthy(properties ? properties->get("Method") : nullptr)) {
      keyed.emplace_back(kHttpApiDefaultPath, entry);
      continue;
    }
    if (path && !path->isString()) comparable = false;
    keyed.emplace_back(path && path->isString() ? path->text() : entry->key.text(), entry);
  }
  if (!comparable && keyed.size() > 1) return std::nullopt;
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const model::MapEntry*> out;
  for (const auto& [key, entry] : keyed) out.push_back(entry);
  return out;
}

}  // namespace samshift::sam
