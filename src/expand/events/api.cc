// Api and HttpApi events of a function: the permission for API Gateway, and the aws_proxy
// integration in the API's body, which invokes the alias when there is one
// (docs/sam-semantics.md §8.1).

#include <algorithm>
#include <cctype>
#include <optional>

#include <re2/re2.h>

#include "expand/api/api_generator.h"
#include "expand/api/auth.h"
#include "expand/api/method_settings.h"
#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/version_hash.h"
#include "sam/deployment_model.h"
#include "sam/http_api_events.h"

namespace samshift::expand::events {

using model::Node;

namespace {

// The method and path of an execute-api ARN: `ANY` is `*`, as is every path parameter.
std::string permissionResource(const std::string& method, const std::string& path) {
  std::string upper;
  for (char c : method) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static const RE2 kParameter(R"(\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)\})");
  std::string trimmed = path;
  if (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();  // SAM's `^(.+)/$`
  RE2::GlobalReplace(&trimmed, kParameter, "*");
  return (upper == "ANY" ? "*" : upper) + trimmed;
}

// `${Alias}` or `${Function.Arn}`: what the integration URI invokes.
std::string invokedArn(const FunctionState& fn) {
  return fn.aliasId ? "${" + *fn.aliasId + "}" : "${" + fn.id + ".Arn}";
}

bool stringPathAndMethod(ExpandContext& ctx, const Event& event, const char* type) {
  const Node* path = event.properties.get("Path");
  const Node* method = event.properties.get("Method");
  if (path && path->isString() && path->text().rfind('/', 0) == 0 && method && method->isString())
    return true;
  ctx.notSupported(std::string("API Gateway: ") + type + " event " + event.id +
                   " without a string Path starting with / and a string Method");
  return false;
}

}  // namespace

Node apiPermissionSourceArn(const std::string& partitionPrefix, const Node& apiId,
                            const std::string& method, const std::string& path) {
  return intrinsic(
      "Fn::Sub",
      seq({str(partitionPrefix +
               ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/" +
               permissionResource(method, path)),
           map({{"__ApiId__", apiId}, {"__Stage__", str("*")}})}));
}

void emitApi(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(ctx, event, "Api",
               {"Path", "Method", "RestApiId", "Auth", "TimeoutInMillis", "RequestModel",
                "RequestParameters", "ResponseTransferMode"});
  if (!stringPathAndMethod(ctx, event, "Api")) return;
  const Node* restApiId = event.properties.get("RestApiId");
  std::string apiId;
  api::RestApi* api = api::restApiOf(ctx, restApiId, event.id, apiId);
  if (!api) return;
  const Node* eventAuth = event.properties.get("Auth");
  std::optional<api::MethodAuth> methodAuth =
      eventAuth ? api::methodAuth(ctx, event.id, *api, *eventAuth) : api::MethodAuth{};
  if (!methodAuth) return;
  std::string suffix = "Prod";
  if (!api->implicit) suffix = api->stageName.isString() ? api->stageName.text() : "Stage";
  // _construct_permission: a suffix that is not alphanumeric is hashed (LogicalIdGenerator);
  // str.isalnum() beyond ASCII is not modelled.
  bool ascii = std::all_of(suffix.begin(), suffix.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (suffix.empty() || !ascii) {
    ctx.notSupported("API Gateway: the permission of event " + event.id + " for stage " + suffix);
    return;
  }
  if (!std::all_of(suffix.begin(), suffix.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    suffix = sha1Hex(suffix).substr(0, 10);
  const std::string& path = event.properties.get("Path")->text();
  const std::string& method = event.properties.get("Method")->text();
  Node perm = permission(fn, "apigateway.amazonaws.com");
  perm.get("Properties")
      ->set("SourceArn", apiPermissionSourceArn("arn:" + ctx.partition(),
                                                restApiId ? *restApiId : ref(apiId), method, path));
  ctx.add(event.id + "Permission" + suffix, std::move(perm));

  api::EventRank rank = ctx.apis.rankOf(fn.id, event.name);
  // The translator's redeploy data: str() of the (parameter-resolved) FunctionName of every
  // function with an event on the API.
  if (const Node* name = fn.property("FunctionName")) {
    Node resolved = ctx.resolve(*name);
    bool ok = true;
    api->functionNames.emplace_back(rank, resolved.isString()
                                              ? resolved.text()
                                              : api::PyObject::fromTemplate(resolved).repr(ok));
    if (!ok) ctx.notSupported("API Gateway: FunctionName of function " + fn.id);
  }
  if (methodAuth->onDefinitionBody) {
    // Api.to_cloudformation: OverrideApiAuth applies the event's Auth to the API's own
    // DefinitionBody, in an editor of its own (two copies).
    api->edits.push_back(
        {rank, path, method,
         [path, key = api::methodKey(method), auth = *methodAuth](api::PyObject& body) {
           return api::addMethodAuth(body, path, key, auth);
         },
         false});
  }
  if (!api->managed) return;
  std::optional<api::MethodSettings> settings =
      api::readMethodSettings(ctx, event.id, event.properties, *api);
  if (!settings) return;
  // add_lambda_integration wraps the URI and the method in an Fn::If on the function's
  // Condition; the method settings' editors on such a method are not modelled.
  std::optional<std::string> condition;
  if (fn.pass.condition) {
    if (!fn.pass.condition->isString() || settings->timeout || settings->requestModel ||
        !settings->requestParameters.empty()) {
      ctx.notSupported("API Gateway: event " + event.id + " of function " + fn.id +
                       " with a Condition and TimeoutInMillis, RequestModel or "
                       "RequestParameters, or a Condition that is not a string");
      return;
    }
    condition = fn.pass.condition->text();
    api->conditional = true;
  }
  // SAM wraps the URI in a Py27Dict, and the text is a template string when it names the
  // function (`${F.Arn}`), not when it names the alias.
  api::PyObject uri = api::PyObject::dict(true);
  // _build_apigw_integration_uri: RESPONSE_STREAM invokes the streaming path.
  std::string invocation =
      settings->streaming
          ? "2021-11-15/functions/" + invokedArn(fn) + "/response-streaming-invocations"
          : "2015-03-31/functions/" + invokedArn(fn) + "/invocations";
  uri.set("Fn::Sub", api::PyObject::str("arn:" + ctx.partition() +
                                            ":apigateway:${AWS::Region}:lambda:path/" + invocation,
                                        !fn.aliasId));
  std::optional<api::PyObject> credentials = api::iamIntegrationCredentials(ctx, *api, eventAuth);
  // SAM's order (Api._add_swagger_integration): the integration, the method's Auth, then the
  // timeout, request model and request parameters.
  api->edits.push_back({rank, path, method,
                        [path, key = api::methodKey(method), uri, credentials, auth = *methodAuth,
                         settings = std::move(*settings), condition](api::PyObject& body) {
                          api::addLambdaIntegration(body, path, key, uri, settings.streaming,
                                                    credentials, condition ? &*condition : nullptr);
                          // The editor just added the integration to SAM's own body.
                          if (!api::addMethodAuth(body, path, key, auth)) return false;
                          if (!condition) api::applyMethodSettings(settings, body, path, key);
                          return true;
                        }});
}

void emitHttpApi(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(ctx, event, "HttpApi",
               {"Path", "Method", "ApiId", "TimeoutInMillis", "PayloadFormatVersion"});
  bool defaultRoute = sam::isHttpApiDefaultRoute(&event.properties);
  if (!defaultRoute && !stringPathAndMethod(ctx, event, "HttpApi")) return;
  std::string path = defaultRoute ? sam::kHttpApiDefaultPath : event.properties.get("Path")->text();
  std::string method =
      defaultRoute ? sam::kHttpApiAnyMethod : event.properties.get("Method")->text();
  // resources_to_link: the API an ApiId names, by a Ref or by its logical ID.
  const Node* apiIdNode = event.properties.get("ApiId");
  std::optional<std::string> apiId = api::kImplicitHttpApi;
  if (apiIdNode) apiId = api::apiName(*apiIdNode);
  auto it = apiId ? ctx.apis.http.find(*apiId) : ctx.apis.http.end();
  if (it == ctx.apis.http.end()) {
    // The implicit API was refused while collecting; another ApiId is not modelled.
    if (apiIdNode) {
      ctx.notSupported("API Gateway: ApiId of HttpApi event " + event.id +
                       " is not an AWS::Serverless::HttpApi samshift expands");
    }
    return;
  }
  api::HttpApi& api = it->second;
  // HttpApi._get_permission: the default route permits every route (no method, no path); a later
  // event of the function whose own $default integration is on the API (its URI names the
  // function's Arn, not an alias) needs no permission of its own.
  api::MethodKey key = api::methodKey(method);
  bool anyMethod = key.name == sam::kHttpApiAnyMethod;
  if (anyMethod && !path.empty() && path[0] == '/' &&
      std::string_view(path).substr(1) == sam::kHttpApiDefaultPath) {
    ctx.notSupported("API Gateway: HttpApi event " + event.id + " on path /$default");
    return;
  }
  std::string withoutProxy = path;
  for (size_t at; (at = withoutProxy.find("{proxy+}")) != std::string::npos;)
    withoutProxy.erase(at, 8);
  if (withoutProxy.find("+}") != std::string::npos) {
    // The HTTP API's permission keeps a `{name+}` parameter other than proxy+, the REST one not.
    ctx.notSupported("API Gateway: greedy path parameter in HttpApi event " + event.id);
    return;
  }
  if (path == sam::kHttpApiDefaultPath || api.defaultRouteFunction != fn.id) {
    Node perm = permission(fn, "apigateway.amazonaws.com");
    perm.get("Properties")
        ->set("SourceArn",
              apiPermissionSourceArn(
                  "arn:${AWS::Partition}", apiIdNode ? *apiIdNode : ref(api::kImplicitHttpApi),
                  anyMethod ? "ANY" : method, path == sam::kHttpApiDefaultPath ? "" : path));
    ctx.add(event.id + "Permission", std::move(perm));
  }

  api::PyObject& body = api.body;
  if (api::hasIntegration(body, path, key)) {
    ctx.notSupported("API Gateway: a second integration on " + method + " " + path +
                     " of the HTTP API");
    return;
  }
  api::PyObject& integration = api::addHttpLambdaIntegration(
      body, path, key,
      api::pySub(
          "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/" +
          invokedArn(fn) + "/invocations"));
  if (path == sam::kHttpApiDefaultPath && anyMethod && !fn.aliasId)
    api.defaultRouteFunction = fn.id;
  // SAM sets each only when it is truthy.
  if (const Node* timeout = event.properties.get("TimeoutInMillis");
      timeout && sam::pythonTruthy(*timeout)) {
    integration.set("timeoutInMillis", api::PyObject::fromTemplate(*timeout));
  }
  if (const Node* format = event.properties.get("PayloadFormatVersion");
      format && sam::pythonTruthy(*format)) {
    integration.set("payloadFormatVersion", api::PyObject::fromTemplate(*format));
  }
  // After the integration is complete: adding to the method may move it.
  // add_path_parameters_to_method: each `{name}` of the path (re.findall("{(.*?)}")).
  std::vector<std::string> parameters;
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open)) {
    size_t close = path.find('}', open + 1);
    if (close == std::string::npos) break;
    parameters.push_back(path.substr(open + 1, close - open - 1));
    open = close + 1;
  }
  if (!parameters.empty()) {
    api::PyObject& target = *body.get("paths")->get(path)->get(key.name);
    api::PyObject& list = target.setdefault("parameters", api::PyObject::list());
    for (const std::string& name : parameters) {
      api::PyObject parameter = api::PyObject::dict(true);
      parameter.set("name", api::PyObject::str(name, true));
      parameter.set("in", api::PyObject::str("path"));
      parameter.set("required", api::PyObject::boolean(true));
      list.push(std::move(parameter));
    }
  }
}

}  // namespace samshift::expand::events
