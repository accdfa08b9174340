#include "sam/http_api_events.h"

#include "sam/deployment_model.h"

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

}  // namespace samshift::sam
