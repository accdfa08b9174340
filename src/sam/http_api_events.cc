#include "sam/http_api_events.h"

#include "sam/deployment_model.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::Node;

bool isHttpApiDefaultRoute(const Node* properties) {
  if (!properties) return true;
  if (!properties->isMapping() || properties->isIntrinsic()) return false;
  // `event_properties.get("Path", "")`: a falsy value counts as none.
  auto falsy = [&](const char* key) {
    const Node* value = properties->get(key);
    return !value || !pythonTruthy(*value);
  };
  return falsy("Path") && falsy("Method");
}

namespace {

// HttpApi.property_types, in its order.
const SamPropertyType kHttpApiEvent[] = {
    {"Path", false, isSamString},       {"Method", false, isSamString},
    {"ApiId", false, isSamString},      {"Stage", false, isSamString},
    {"Auth", false, isSamMap},          {"TimeoutInMillis", false, isSamInt},
    {"RouteSettings", false, isSamMap}, {"PayloadFormatVersion", false, isSamString},
};

}  // namespace

std::optional<HttpApiEventPropertyProblem> httpApiEventPropertyProblem(const Node& event) {
  const Node* props = event.get("Properties");
  if (!props || !props->isMapping() || props->isIntrinsic()) return std::nullopt;
  for (const model::MapEntry& entry : props->entries()) {
    const std::string& key = entry.key.text();
    const Node& value = entry.value;
    if (key == "Path" || key == "Method" || key == "ApiId" || key == "Stage") {
      bool ref = value.isMapping() && value.isIntrinsic() && value.intrinsicName() == "Ref";
      if (!value.isString() && !ref) return std::nullopt;
    }
    if (key == "RouteSettings" && !value.isNull() && (!value.isMapping() || value.isIntrinsic()))
      return std::nullopt;
  }
  if (const model::MapEntry* unknown = firstUndeclaredProperty(props, kHttpApiEvent)) {
    return HttpApiEventPropertyProblem{
        true, "property " + unknown->key.text() + " not defined for resource of type HttpApi",
        &unknown->key};
  }
  if (auto fault = firstPropertyFault(props, kHttpApiEvent))
    return HttpApiEventPropertyProblem{false, fault->message, fault->value};
  return std::nullopt;
}

}  // namespace samshift::sam
