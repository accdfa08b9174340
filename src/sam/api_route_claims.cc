#include "sam/api_route_claims.h"

#include <cctype>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "sam/api_event_link.h"
#include "sam/deployment_model.h"
#include "sam/http_api_events.h"
#include "sam/http_api_validation.h"
#include "sam/py27_conversion.h"
#include "sam/py27_key_order.h"
#include "sam/resource_order.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr std::string_view kAnyMethod = "x-amazon-apigateway-any-method";

// One event's integration: the API, the path and the method as the editor keys it
// (_normalize_method_name), and how SAM's message writes them.
struct Route {
  std::string api, path, methodKey, shownMethod;
  bool rest = true;
};

enum class Reading { kRoute, kNone, kUnknown };

std::string lowered(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string methodKey(std::string_view method) {
  std::string key = lowered(method);
  return key == "any" ? std::string(kAnyMethod) : key;
}

const Node* property(const Node& props, std::string_view key) {
  return props.isMapping() ? props.get(key) : nullptr;
}

class ClaimWalk {
 public:
  explicit ClaimWalk(const model::Template& templ) : templ_(templ) {}

  // An Api event's route on a REST API whose body SAM manages (DefaultDefinitionBodyPlugin, or
  // the implicit API); kNone on another body or one MergeDefinitions keeps apart.
  Reading restRoute(const Node& props, bool stateMachine, Route& route) {
    const Node* path = property(props, "Path");
    const Node* method = property(props, "Method");
    if (!path || !path->isString() || !method || !method->isString()) return Reading::kUnknown;
    route = {"ServerlessRestApi", path->text(), methodKey(method->text()), method->text(), true};
    const Node* merge = nullptr;
    if (const Node* apiId = property(props, "RestApiId")) {
      std::optional<std::string> name = restApiIdName(*apiId);
      const model::ResourceView* api = name ? templ_.resource(*name) : nullptr;
      if (!api || api->type != "AWS::Serverless::Api") return Reading::kUnknown;
      const Node& own = api->propertiesMapping();
      if (truthy(own.get("DefinitionBody")) || truthy(own.get("DefinitionUri")))
        return Reading::kNone;
      route.api = *name;
      merge = own.get("MergeDefinitions");
    } else if (templ_.resource(route.api)) {
      return Reading::kUnknown;
    }
    if (!merge) merge = globalApiProperty("MergeDefinitions");
    if (!merge || !pythonTruthy(*merge)) return Reading::kRoute;
    // A function's event edits a copy of SAM's skeleton then; a state machine's the body itself.
    return stateMachine ? Reading::kUnknown : Reading::kNone;
  }

  // An HttpApi event's route on an HttpApi whose body SAM manages.
  Reading httpRoute(const Node& props, Route& route) {
    const Node* path = property(props, "Path");
    const Node* method = property(props, "Method");
    route = {"ServerlessHttpApi", kHttpApiDefaultPath, std::string(kAnyMethod),
             std::string(kAnyMethod), false};
    if (truthy(path) || truthy(method)) {
      if (!path || !path->isString() || !method || !method->isString()) return Reading::kUnknown;
      route.path = path->text();
      route.shownMethod = lowered(method->text());
      route.methodKey = methodKey(route.shownMethod);
    }
    if (const Node* apiId = property(props, "ApiId")) {
      const Node* name = apiId->isMapping() && apiId->has("Ref") ? apiId->get("Ref") : apiId;
      if (!name->isString()) return Reading::kUnknown;
      route.api = name->text();
    }
    const model::ResourceView* api = templ_.resource(route.api);
    bool managed = route.api == "ServerlessHttpApi"
                       ? !api
                       : api && api->type == "AWS::Serverless::HttpApi" && httpApiManagedBody(*api);
    return managed ? Reading::kRoute : Reading::kNone;
  }

  Reading eventRoute(const MapEntry& event, bool stateMachine, Route& route) {
    const Node* type = event.value.isMapping() ? event.value.get("Type") : nullptr;
    bool rest = type && type->isString("Api");
    bool http = !stateMachine && type && type->isString("HttpApi");
    if (!rest && !http) return Reading::kNone;
    static const Node kNoProperties = Node::mapping();
    const Node* props = event.value.get("Properties");
    if (!props) props = &kNoProperties;
    if (!props->isMapping()) return Reading::kUnknown;
    return rest ? restRoute(*props, stateMachine, route) : httpRoute(*props, route);
  }

 private:
  const Node* globalApiProperty(std::string_view key) const {
    const Node* globals = templ_.globals();
    const Node* api = globals && globals->isMapping() ? globals->get("Api") : nullptr;
    return api ? property(*api, key) : nullptr;
  }

  const model::Template& templ_;
};

std::string rejection(const Route& route, const std::string& event) {
  const char* quote = route.rest ? "\"" : "'";
  return "Event with id [" + event + "] is invalid. API method " + quote + route.shownMethod +
         quote + " defined multiple times for path " + quote + route.path + quote + ".";
}

}  // namespace

ApiRouteClaims::ApiRouteClaims(const model::Template& templ) {
  ClaimWalk walk(templ);
  bool py27 = samConvertsToPy27(templ);
  std::map<std::tuple<std::string, std::string, std::string>, const model::ResourceView*>
      integrated;
  for (const model::ResourceView* resource : translatorOrder(templ)) {
    bool function = resource->type == "AWS::Serverless::Function";
    bool stateMachine = resource->type == "AWS::Serverless::StateMachine";
    if (!function && !stateMachine) break;  // the translator's first two kinds
    const Node* events = resource->property("Events");
    if (!events || !events->isMapping()) continue;
    std::optional<std::vector<const MapEntry*>> ordered;
    if (function) {
      ordered = functionEventOrder(*events, py27);
    } else if (py27) {
      ordered = py27Order(*events);
    } else {
      ordered.emplace();
      for (const MapEntry& entry : events->entries()) ordered->push_back(&entry);
    }
    if (!ordered) return;
    for (const MapEntry* event : *ordered) {
      Route route;
      Reading reading = walk.eventRoute(*event, stateMachine, route);
      if (reading == Reading::kUnknown) return;
      if (reading == Reading::kNone) continue;
      auto [claim, first] =
          integrated.try_emplace({route.api, route.path, route.methodKey}, resource);
      if (first) continue;
      const char* code = route.rest ? "api-event-method-duplicate" : "http-api-event-invalid";
      // A state machine lets the event's exception through without naming itself.
      problems_.emplace(
          resource,
          Rejection{
              SamProblem{code, rejection(route, event->key.text()), &event->value, function, {}},
              claim->second});
      break;  // SAM stops the resource at this event; its later events integrate nothing.
    }
  }
}

std::optional<SamProblem> ApiRouteClaims::problemOf(const model::ResourceView& resource) const {
  auto found = problems_.find(&resource);
  if (found == problems_.end()) return std::nullopt;
  return found->second.problem;
}

const model::ResourceView* ApiRouteClaims::claimantOf(const model::ResourceView& resource) const {
  auto found = problems_.find(&resource);
  return found == problems_.end() ? nullptr : found->second.claimant;
}

}  // namespace samshift::sam
