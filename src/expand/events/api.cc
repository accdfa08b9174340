// Api and HttpApi events of a function: the permission for API Gateway, and the aws_proxy
// integration in the API's body, which invokes the alias when there is one
// (docs/sam-semantics.md §8.1).

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "expand/api/api_generator.h"
#include "expand/api/auth.h"
#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "expand/events/event.h"
#include "sam/deployment_model.h"

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
  requireKnown(ctx, event, "Api", {"Path", "Method", "RestApiId", "Auth"});
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
  if (!std::all_of(suffix.begin(), suffix.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
    ctx.notSupported("API Gateway: the permission of event " + event.id + " for stage " + suffix);
    return;
  }
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
  if (!api->managed) return;
  if (fn.pass.condition) {
    // add_lambda_integration wraps the integration in an Fn::If on the function's Condition.
    ctx.notSupported("API Gateway: event " + event.id + " of function " + fn.id +
                     " with a Condition on a SAM-managed API");
    return;
  }
  // SAM wraps the URI in a Py27Dict, and the text is a template string when it names the
  // function (`${F.Arn}`), not when it names the alias.
  api::PyObject uri = api::PyObject::dict(true);
  uri.set("Fn::Sub",
          api::PyObject::str("arn:" + ctx.partition() +
                                 ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/" +
                                 invokedArn(fn) + "/invocations",
                             !fn.aliasId));
  std::optional<api::PyObject> credentials = api::iamIntegrationCredentials(ctx, *api, eventAuth);
  api->edits.push_back({rank, path, method,
                        [path, key = api::methodKey(method), uri, credentials,
                         auth = *methodAuth](api::PyObject& body) {
                          api::addLambdaIntegration(body, path, key, uri, credentials);
                          api::addMethodAuth(body, path, key, auth);
                        }});
}

void emitHttpApi(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(ctx, event, "HttpApi",
               {"Path", "Method", "TimeoutInMillis", "PayloadFormatVersion"});
  if (!stringPathAndMethod(ctx, event, "HttpApi")) return;
  const std::string& path = event.properties.get("Path")->text();
  const std::string& method = event.properties.get("Method")->text();
  if (path.find('{') != std::string::npos) {
    ctx.notSupported("API Gateway: path parameters in HttpApi event " + event.id);
    return;
  }
  auto it = ctx.apis.http.find(api::kImplicitHttpApi);
  if (it == ctx.apis.http.end()) return;  // refused while collecting
  Node perm = permission(fn, "apigateway.amazonaws.com");
  perm.get("Properties")
      ->set("SourceArn", apiPermissionSourceArn("arn:${AWS::Partition}", ref(api::kImplicitHttpApi),
                                                method, path));
  ctx.add(event.id + "Permission", std::move(perm));

  api::MethodKey key = api::methodKey(method);
  api::PyObject& body = it->second.body;
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
  // SAM sets each only when it is truthy.
  if (const Node* timeout = event.properties.get("TimeoutInMillis");
      timeout && sam::pythonTruthy(*timeout)) {
    integration.set("timeoutInMillis", api::PyObject::fromTemplate(*timeout));
  }
  if (const Node* format = event.properties.get("PayloadFormatVersion");
      format && sam::pythonTruthy(*format)) {
    integration.set("payloadFormatVersion", api::PyObject::fromTemplate(*format));
  }
}

}  // namespace samshift::expand::events
