#include "sam/py27_conversion.h"

#include "sam/deployment_model.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

const Node* mapping(const Node* node) { return node && node->isMapping() ? node : nullptr; }

// `event_dict and isinstance(event_dict, dict) and event_dict.get("Type") == type` for an event.
bool hasEventOfType(const model::ResourceView& resource, const char* type) {
  const Node* props = mapping(resource.properties);
  const Node* events = props ? mapping(props->get("Events")) : nullptr;
  for (const MapEntry& event : events ? events->entries() : model::kNoEntries) {
    const Node* typeNode = event.value.isMapping() ? event.value.get("Type") : nullptr;
    if (typeNode && typeNode->isString(type)) return true;
  }
  return false;
}

bool truthyDefaultAuthorizer(const Node* auth) {
  const Node* authorizer = mapping(auth) ? auth->get("DefaultAuthorizer") : nullptr;
  return authorizer && pythonTruthy(*authorizer);
}

// _template_has_api_resource.
bool hasApiResource(const model::Template& templ) {
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::Api") return true;
    if ((resource.type == "AWS::Serverless::Function" ||
         resource.type == "AWS::Serverless::StateMachine") &&
        hasEventOfType(resource, "Api"))
      return true;
  }
  return false;
}

// _template_has_httpapi_resource_with_default_authorizer.
bool hasHttpApiDefaultAuthorizer(const model::Template& templ) {
  const Node* globals = mapping(templ.root().get("Globals"));
  const Node* httpApi = globals ? mapping(globals->get("HttpApi")) : nullptr;
  bool global = httpApi && truthyDefaultAuthorizer(httpApi->get("Auth"));
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::HttpApi") continue;
    const Node* props = mapping(resource.properties);
    if (global || (props && truthyDefaultAuthorizer(props->get("Auth")))) return true;
  }
  if (!global) return false;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::Function" && hasEventOfType(resource, "HttpApi"))
      return true;
  }
  return false;
}

}  // namespace

bool samConvertsToPy27(const model::Template& templ) {
  return hasApiResource(templ) || hasHttpApiDefaultAuthorizer(templ);
}

}  // namespace samshift::sam
