#include "sam/websocket_api.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "sam/api_v2_domain_validation.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::Node;

namespace {

// SamWebSocketApi.property_types, in SAM's order.
const std::array<SamPropertyType, 18>& webSocketApiPropertyTypes() {
  static const std::array<SamPropertyType, 18> kTypes = {{
      {"ApiKeySelectionExpression", false, isSamString},
      {"AccessLogSettings", false, isSamMap},
      {"Auth", false, isSamMap},
      {"DefaultRouteSettings", false, isSamMap},
      {"Description", false, isSamString},
      {"DisableExecuteApiEndpoint", false, isSamBool},
      {"Domain", false, isSamMap},
      {"DisableSchemaValidation", false, isSamBool},
      {"FailOnWarnings", false, isSamBool},
      {"IpAddressType", false, isSamString},
      {"Name", false, isSamString},
      {"PropagateTags", false, isSamBool},
      {"Routes", true, isSamMap},
      {"RouteSettings", false, isSamMap},
      {"RouteSelectionExpression", true, isSamString},
      {"StageName", false, oneOf({isSamString, isSamMap})},
      {"StageVariables", false, isSamMap},
      {"Tags", false, isSamMap},
  }};
  return kTypes;
}

// WebSocketApiGenerator's AuthType.
constexpr std::array<std::string_view, 3> kAuthTypes = {"NONE", "AWS_IAM", "CUSTOM"};

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// WebSocketApiGenerator._validate_auth: the first problem, or an empty message.
std::string authProblem(const Node& auth, std::optional<std::string>& unsupported) {
  const Node* type = auth.get("AuthType");
  if (!truthy(type)) return "AuthType must be specified for additional auth configurations.";
  if (!type->isString()) {
    unsupported = "a WebSocketApi Auth.AuthType that is not a string (SAM's Python fails on it)";
    return {};
  }
  std::string authType = upper(type->text());
  if (std::find(kAuthTypes.begin(), kAuthTypes.end(), authType) == kAuthTypes.end())
    return "AuthType is not one of AWS_IAM, CUSTOM or NONE.";
  if (authType == "CUSTOM" && !truthy(auth.get("AuthArn")))
    return "AuthArn must be specified if AuthType is CUSTOM.";
  if (authType == "AWS_IAM" && auth.entries().size() > 1)
    return "No additional configurations supported for AuthType AWS_IAM.";
  if (authType == "NONE" && auth.entries().size() > 1)
    return "No additional configurations supported for AuthType NONE.";
  return {};
}

// A rejection of the generator, and the property it concerns.
struct GeneratorProblem {
  std::string message;
  const char* property = "Routes";
};

// The generator's own checks (WebSocketApiGenerator.__init__, _construct_websocket_api,
// _construct_api_domain, _construct_stage, then each route in turn): the first.
GeneratorProblem generatorProblem(const Node& props, std::optional<std::string>& unsupported) {
  const Node& routes = *props.get("Routes");
  if (!pythonTruthy(routes)) return {"WebSocket API must have at least one route."};
  const Node* ip = props.get("IpAddressType");
  if (ip && ip->isString() && !ip->isString("ipv4") && !ip->isString("dualstack"))
    return {"IpAddressType must be 'ipv4' or 'dualstack'.", "IpAddressType"};
  const Node* domain = props.get("Domain");
  if (domain && domain->isMapping() && truthy(domain->get("MutualTlsAuthentication")))
    return {"Mutual TLS domain name association is not supported for Websocket APIs.", "Domain"};
  const Node* auth = props.get("Auth");
  if (truthy(auth) && !routes.has("$connect"))
    return {"Authorization is only available if there is a $connect route.", "Auth"};
  if (domain && !domain->isNull()) {
    // _construct_api_domain, shared with HttpApi (ApiV2Generator).
    if (!apiV2DomainModelled(*domain)) {
      unsupported = "a WebSocketApi Domain that is not a map";
      return {};
    }
    if (auto problem = apiV2DomainProblem(*domain)) {
      if (!problem->subjectId.empty()) {
        unsupported = "a WebSocketApi Domain SAM rejects naming " + problem->subjectId;
        return {};
      }
      return {std::move(problem->message), "Domain"};
    }
  }
  if (const Node* stage = props.get("StageName"); stage && stage->isString("$default"))
    return {"Stages cannot be named $default for WebSocket APIs.", "StageName"};
  for (const model::MapEntry& route : routes.entries()) {
    const std::string& key = route.key.text();
    // str.isalnum and str.capitalize follow Unicode; the IDs they give are not alphanumeric to
    // SAM's later check (verify_logical_id) either.
    if (std::any_of(key.begin(), key.end(), [](char c) { return c & 0x80; })) {
      unsupported = "WebSocketApi route key " + key + " with letters beyond ASCII";
      return {};
    }
    if (!webSocketRouteIdPart(key)) {
      return {"Route key '" + key +
              "' must be alphanumeric. Only $connect, $disconnect, and $default special routes "
              "are supported."};
    }
    if (!route.value.isMapping() || route.value.isIntrinsic()) {
      unsupported = "WebSocketApi route " + key + " that is not a mapping";
      return {};
    }
    if (truthy(route.value.get("RequestParameters")) && key != "$connect")
      return {"Request parameters are only supported for the $connect route in WebSocket APIs."};
    if (truthy(auth)) {
      std::string problem = authProblem(*auth, unsupported);
      if (!problem.empty() || unsupported) return {problem, "Auth"};
    }
    if (!route.value.has("FunctionArn")) return {"Route must have associated function."};
  }
  return {};
}

}  // namespace

WebSocketApiInput webSocketApiInput(const model::Template& templ,
                                    const model::ResourceView& resource,
                                    const ParameterValues& params) {
  WebSocketApiInput input{propertiesWithGlobals(templ, resource), std::nullopt};
  for (const char* name : {"Auth", "Domain", "Routes"}) {
    const Node* value = input.props.get(name);
    if (!value) continue;
    Resolved resolved = params.resolve(*value);
    if (resolved.failure && !input.unresolvable)
      input.unresolvable = resolved.failure->describeForSam();
    input.props.set(name, std::move(resolved.value));
  }
  return input;
}

std::optional<std::string> webSocketRouteIdPart(std::string_view routeKey) {
  if (routeKey == "$connect") return "Connect";
  if (routeKey == "$disconnect") return "Disconnect";
  if (routeKey == "$default") return "Default";
  // str.isalnum (false for ""), then str.capitalize; ASCII only: a key of other letters would
  // be Python's Unicode rules, and a logical ID SAM rejects anyway.
  if (routeKey.empty()) return std::nullopt;
  std::string part;
  for (char c : routeKey) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
    part += static_cast<char>(part.empty() ? std::toupper(static_cast<unsigned char>(c))
                                           : std::tolower(static_cast<unsigned char>(c)));
  }
  return part;
}

void validateWebSocketApi(const model::Template& templ, const model::ResourceView& resource,
                          const WebSocketApiInput& input, std::vector<SamProblem>& out,
                          std::optional<std::string>* unsupported) {
  std::optional<std::string> stop;
  if (checkSamPropertyTypes(templ, resource, input.props, webSocketApiPropertyTypes(), out)) return;
  if (input.unresolvable) {
    stop = input.unresolvable;
  } else {
    GeneratorProblem problem = generatorProblem(input.props, stop);
    if (!problem.message.empty()) {
      const Node* node = propertySource(templ, resource, problem.property);
      out.push_back(resourceProblem("websocket-api-invalid", std::move(problem.message),
                                    node ? node : resource.idNode));
    }
  }
  if (unsupported) *unsupported = std::move(stop);
}

}  // namespace samshift::sam
