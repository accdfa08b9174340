// Api and HttpApi events of a function: the permission for API Gateway, and the aws_proxy
// integration in the API's body, which invokes the alias when there is one
// (docs/sam-semantics.md §8.1).

#include <algorithm>
#include <cctype>
#include <optional>

#include "expand/api/api_generator.h"
#include "expand/api/auth.h"
#include "expand/api/conditional_paths.h"
#include "expand/api/http_api_body.h"
#include "expand/api/http_auth.h"
#include "expand/api/method_settings.h"
#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/version_hash.h"
#include "sam/deployment_model.h"
#include "sam/execute_api_arns.h"
#include "sam/http_api_events.h"

namespace samshift::expand::events {

using model::Node;

namespace {

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

// resources_to_link_for_rest_api on a RestApiId naming a resource of the template SAM does not
// transform (an AWS::ApiGateway::RestApi): its Properties give the permission's stage, and no
// body is edited. Null for any other RestApiId.
const model::ResourceView* plainRestApi(ExpandContext& ctx, const Node* restApiId) {
  std::optional<std::string> name = restApiId ? api::apiName(*restApiId) : std::nullopt;
  const model::ResourceView* resource = name ? ctx.templ.resource(*name) : nullptr;
  if (!resource || resource->isServerless() || !resource->node || !resource->node->isMapping())
    return nullptr;
  // SAM requires the Properties to be a map, and a StageName string not to be empty.
  const Node* properties = resource->node->get("Properties");
  if (properties && !properties->isMapping()) return nullptr;
  // The implicit API plugin edits a DefinitionBody there, and the event a managed one.
  for (const char* key : {"DefinitionBody", "__MANAGE_SWAGGER", "MergeDefinitions"}) {
    if (properties && properties->has(key)) return nullptr;
  }
  const Node* stage = properties ? properties->get("StageName") : nullptr;
  if (stage && stage->isString() && stage->text().empty()) return nullptr;
  return resource;
}

// add_timeout_to_method / add_payload_format_version_to_method: a key of the method's integration.
bool setIntegrationKey(api::PyObject& definition, const char* key, const Node& value,
                       std::string& why) {
  api::PyObject* integration = definition.get("x-amazon-apigateway-integration");
  if (!integration->isDict()) {
    why = "an integration that is not a map";
    return false;
  }
  integration->set(key, api::PyObject::fromTemplate(value));
  return true;
}

// The execute-api ARN of a permission, for `resource` after the stage.
Node sourceArn(const std::string& partitionPrefix, const Node& apiId, const std::string& resource) {
  return intrinsic(
      "Fn::Sub",
      seq({str(partitionPrefix +
               ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/" +
               resource),
           map({{"__ApiId__", apiId}, {"__Stage__", str("*")}})}));
}

}  // namespace

Node apiPermissionSourceArn(const std::string& partitionPrefix, const Node& apiId,
                            const std::string& method, const std::string& path) {
  return sourceArn(partitionPrefix, apiId, sam::samPermissionResource(method, path));
}

void emitApi(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(ctx, event, "Api",
               {"Path", "Method", "RestApiId", "Auth", "TimeoutInMillis", "RequestModel",
                "RequestParameters", "ResponseTransferMode"});
  if (!stringPathAndMethod(ctx, event, "Api")) return;
  const Node* restApiId = event.properties.get("RestApiId");
  const Node* eventAuth = event.properties.get("Auth");
  std::string apiId;
  api::RestApi* api = nullptr;
  std::optional<api::MethodAuth> methodAuth;
  std::string suffix = "Prod";
  if (const model::ResourceView* plain = plainRestApi(ctx, restApiId)) {
    // The API is the template's own: SAM adds only the permission, for its StageName.
    if (eventAuth) {
      ctx.notSupported("API Gateway: Auth of Api event " + event.id + " on " +
                       std::string(plain->id) + ", which SAM does not transform");
      return;
    }
    const Node* stage = plain->property("StageName");
    suffix = stage && stage->isString() ? stage->text() : "Stage";
  } else {
    api = api::restApiOf(ctx, restApiId, event.id, apiId);
    if (!api) return;
    methodAuth = eventAuth ? api::methodAuth(ctx, event.id, *api, *eventAuth) : api::MethodAuth{};
    if (!methodAuth) return;
    if (!api->implicit) suffix = api->stageName.isString() ? api->stageName.text() : "Stage";
  }
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
  if (!api) return;

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
    if (api->mergeDefinitions) {
      ctx.notSupported("API Gateway: OverrideApiAuth of event " + event.id +
                       " on an API with MergeDefinitions");
      return;
    }
    // Api.to_cloudformation: OverrideApiAuth applies the event's Auth to the API's own
    // DefinitionBody, in an editor of its own (two copies).
    api->edits.push_back(
        {rank, path, method,
         [path, key = api::methodKey(method), auth = *methodAuth](api::PyObject& body) {
           return api::addMethodAuth(body, path, key, auth);
         },
         false});
  }
  // Api.to_cloudformation edits the body of an API SAM manages, or merges into one with
  // MergeDefinitions.
  if (!api->managed && !api->mergeDefinitions) return;
  std::optional<api::MethodSettings> settings =
      api::readMethodSettings(ctx, event.id, event.properties, *api);
  if (!settings) return;
  const Node* condition = fn.pass.condition;
  // add_lambda_integration wraps the integration in an Fn::If on the function's Condition; what
  // an event's ResourcePolicy, the method settings and MergeDefinitions then do with it is not
  // modelled.
  if (condition && (!condition->isString() || api->mergeDefinitions || methodAuth->resourcePolicy ||
                    settings->streaming || settings->timeout || settings->requestModel ||
                    !settings->requestParameters.empty())) {
    ctx.notSupported("API Gateway: event " + event.id + " of function " + fn.id +
                     " with a Condition on a SAM-managed API");
    return;
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
  if (condition) {
    // The method's Auth then goes into each branch of it.
    api->edits.push_back({rank, path, method,
                          [path, key = api::methodKey(method), uri, credentials, auth = *methodAuth,
                           name = condition->text()](api::PyObject& body) {
                            api::addConditionalLambdaIntegration(body, path, key, uri, name,
                                                                 credentials);
                            return api::addMethodAuth(body, path, key, auth);
                          }});
    return;
  }
  // SAM's order (Api._add_swagger_integration): the integration, the method's Auth, then the
  // timeout, request model and request parameters.
  api->edits.push_back({rank, path, method,
                        [path, key = api::methodKey(method), uri, credentials, auth = *methodAuth,
                         settings = std::move(*settings)](api::PyObject& body) {
                          api::addLambdaIntegration(body, path, key, uri, settings.streaming,
                                                    credentials);
                          // The editor just added the integration to SAM's own body.
                          if (!api::addMethodAuth(body, path, key, auth)) return false;
                          api::applyMethodSettings(settings, body, path, key);
                          return true;
                        }});
}

void emitHttpApi(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  // RouteSettings went to the API's stage with the implicit API plugin.
  requireKnown(ctx, event, "HttpApi",
               {"Path", "Method", "ApiId", "Auth", "TimeoutInMillis", "PayloadFormatVersion",
                "RouteSettings"});
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
  if (api.opaqueBody) {
    // HttpApi._get_permission opens the body with OpenApiEditor: SAM's rejection.
    ctx.notSupported("API Gateway: HttpApi event " + event.id +
                     " on an API whose body is not OpenAPI");
    return;
  }
  api::MethodKey key = api::methodKey(method);
  bool anyMethod = key.name == sam::kHttpApiAnyMethod;
  // HttpApi._get_permission: Method ANY on /$default permits `<stage>/$default` (no method).
  std::string defaultPathResource = std::string("/") + sam::kHttpApiDefaultPath;
  std::string lowerMethod = api::methodKey(method).name;
  bool anyOnDefaultPath =
      path == defaultPathResource && lowerMethod == sam::kHttpApiAnyMethod && method.size() == 3;
  std::string withoutProxy = path;
  for (size_t at; (at = withoutProxy.find("{proxy+}")) != std::string::npos;)
    withoutProxy.erase(at, 8);
  if (withoutProxy.find("+}") != std::string::npos) {
    // The HTTP API's permission keeps a `{name+}` parameter other than proxy+, the REST one not.
    ctx.notSupported("API Gateway: greedy path parameter in HttpApi event " + event.id);
    return;
  }
  std::string why;
  auto refuse = [&]() {
    ctx.notSupported("API Gateway: HttpApi event " + event.id + " of " + fn.id + ": " + why);
  };
  // HttpApi._get_permission: the default route permits every route (no method, no path); an
  // event of a function whose own $default integration is on the API's body (its URI names the
  // function's Arn, not an alias) needs no permission of its own.
  bool coveredByDefaultRoute = path != sam::kHttpApiDefaultPath && api.editable() &&
                               api::defaultRouteInvokes(api.body, fn.id, why);
  if (!why.empty()) return refuse();
  if (!coveredByDefaultRoute) {
    Node perm = permission(fn, "apigateway.amazonaws.com");
    perm.get("Properties")
        ->set("SourceArn",
              anyOnDefaultPath
                  ? sourceArn("arn:${AWS::Partition}",
                              apiIdNode ? *apiIdNode : ref(api::kImplicitHttpApi),
                              sam::kHttpApiDefaultPath)
                  : apiPermissionSourceArn("arn:${AWS::Partition}",
                                           apiIdNode ? *apiIdNode : ref(api::kImplicitHttpApi),
                                           anyMethod ? "ANY" : method,
                                           path == sam::kHttpApiDefaultPath ? "" : path));
    ctx.add(event.id + "Permission", std::move(perm));
  }
  // _add_openapi_integration: nothing for a DefinitionUri.
  if (!api.editable()) return;
  api::PyObject& body = api.body;
  bool integrated = api::httpHasIntegration(body, path, key, why);
  if (!why.empty()) return refuse();
  if (integrated && api.managed) {
    // SAM rejects the second event on a route of the API it manages.
    ctx.notSupported("API Gateway: a second integration on " + method + " " + path +
                     " of the HTTP API");
    return;
  }
  // add_lambda_integration leaves a method the user's body already integrates alone; the
  // timeout, path parameters and payload format apply to it all the same.
  if (!integrated &&
      !api::addHttpIntegration(
          body, path, key,
          api::pySub(
              "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/" +
              invokedArn(fn) + "/invocations"),
          fn.resource.condition, why))
    return refuse();
  // SAM sets each only when it is truthy.
  const Node* timeout = event.properties.get("TimeoutInMillis");
  if (timeout && !sam::pythonTruthy(*timeout)) timeout = nullptr;
  const Node* format = event.properties.get("PayloadFormatVersion");
  if (format && !sam::pythonTruthy(*format)) format = nullptr;
  // add_path_parameters_to_method: each `{name}` of the path (re.findall("{(.*?)}")).
  std::vector<std::string> parameters;
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open)) {
    size_t close = path.find('}', open + 1);
    if (close == std::string::npos) break;
    parameters.push_back(path.substr(open + 1, close - open - 1));
    open = close + 1;
  }
  auto edit = [&](auto&& change) {
    return api::editHttpIntegratedMethods(body, path, key, change, why);
  };
  if (timeout && !edit([&](api::PyObject& definition) {
        return setIntegrationKey(definition, "timeoutInMillis", *timeout, why);
      }))
    return refuse();
  if (!parameters.empty() && !edit([&](api::PyObject& definition) {
        return api::addHttpPathParameters(definition, parameters, why);
      }))
    return refuse();
  if (format && !edit([&](api::PyObject& definition) {
        return setIntegrationKey(definition, "payloadFormatVersion", *format, why);
      }))
    return refuse();
  // _add_auth_to_openapi_integration, for a truthy Auth (on SAM's body or the user's).
  if (const Node* auth = event.properties.get("Auth"); auth && sam::pythonTruthy(*auth))
    api::addHttpEventAuth(ctx, event.id, *apiId, api, path, key, *auth);
}

}  // namespace samshift::expand::events
