#include "expand/websocket_api.h"

#include "expand/api/domain_v2.h"
#include "expand/builders.h"
#include "sam/deployment_model.h"
#include "sam/websocket_api.h"

namespace samshift::expand {

using model::Node;

namespace {

constexpr const char* kCreatedByTag = "websocketapi:createdBy";  // WebSocketApiTagName
constexpr const char* kDefaultStageName = "default";             // DefaultStageName

const Node* truthy(const Node& props, const char* name) {
  const Node* value = props.get(name);
  return value && sam::pythonTruthy(*value) ? value : nullptr;
}

// Copies `name` of `from` into `to` unless absent or null (Resource.to_dict drops None).
void copyIfSet(Node& to, const Node& from, const char* name, const char* as = nullptr) {
  const Node* value = from.get(name);
  if (value && !value->isNull()) to.set(as ? as : name, *value);
}

// arn:…:apigateway:…:lambda:path/2015-03-31/functions/${Variable}/invocations.
Node lambdaInvocationUri(const char* variable, const Node& arn) {
  Node variables = Node::mapping();
  variables.set(variable, arn);
  return intrinsic("Fn::Sub", seq({str(std::string("arn:${AWS::Partition}:apigateway:${AWS::"
                                                   "Region}:lambda:path/2015-03-31/functions/${") +
                                       variable + "}/invocations"),
                                   std::move(variables)}));
}

// A Lambda permission for API Gateway; FunctionName dropped when null (Resource.to_dict).
Node invokePermission(const Node& functionName, Node sourceArn) {
  Node props = map({{"Action", str("lambda:InvokeFunction")}});
  if (!functionName.isNull()) props.set("FunctionName", functionName);
  props.set("Principal", str("apigateway.amazonaws.com"));
  props.set("SourceArn", std::move(sourceArn));
  return makeResource("AWS::Lambda::Permission", std::move(props));
}

struct WebSocketApi {
  std::string id;
  const Node& props;
  Node tags;  // the user's Tags with SAM's own tag added: the Api's and, propagated, the Stage's
  Node stageName;    // a string, or an intrinsic
  const Node* auth;  // truthy, or null
};

// _construct_route with _set_auth_type_and_return_custom_authorizer: AuthType compared as written
// (only _validate_auth upper-cases it), so `custom` authorizes nothing.
Node route(const WebSocketApi& api, const std::string& key, const Node& spec,
           const std::string& integrationId, bool& customAuthorizer) {
  Node props = Node::mapping();
  props.set("ApiId", ref(api.id));
  copyIfSet(props, spec, "ApiKeyRequired");
  if (api.auth && key == "$connect") {
    const Node* type = api.auth->get("AuthType");
    if (type->isString("CUSTOM")) {
      customAuthorizer = true;
      props.set("AuthorizationType", str("CUSTOM"));
      props.set("AuthorizerId", ref(api.id + "ConnectAuthorizer"));
    } else {
      props.set("AuthorizationType", str(type->isString("AWS_IAM") ? "AWS_IAM" : "NONE"));
    }
  }
  copyIfSet(props, spec, "ModelSelectionExpression");
  copyIfSet(props, spec, "OperationName");
  copyIfSet(props, spec, "RequestModels");
  if (const Node* parameters = truthy(spec, "RequestParameters"))
    props.set("RequestParameters", *parameters);
  props.set("RouteKey", str(key));
  copyIfSet(props, spec, "RouteResponseSelectionExpression");
  props.set("Target",
            intrinsic("Fn::Join", seq({str("/"), seq({str("integrations"), ref(integrationId)})})));
  return makeResource("AWS::ApiGatewayV2::Route", std::move(props));
}

Node integration(const WebSocketApi& api, const Node& spec) {
  Node props =
      map({{"ApiId", ref(api.id)},
           {"IntegrationType", str("AWS_PROXY")},
           {"IntegrationUri", lambdaInvocationUri("FunctionArn", *spec.get("FunctionArn"))}});
  copyIfSet(props, spec, "IntegrationTimeout", "TimeoutInMillis");
  return makeResource("AWS::ApiGatewayV2::Integration", std::move(props));
}

// _construct_permission: the stage name written into the ARN when it is a string.
Node routePermission(const WebSocketApi& api, const std::string& key, const Node& spec) {
  std::string head =
      "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + api.id + ".ApiId}/";
  Node sourceArn = api.stageName.isString()
                       ? intrinsic("Fn::Sub", str(head + api.stageName.text() + "/" + key))
                       : intrinsic("Fn::Sub", seq({str(head + "${__StageName__}/" + key),
                                                   map({{"__StageName__", api.stageName}})}));
  return invokePermission(*spec.get("FunctionArn"), std::move(sourceArn));
}

Node stage(const WebSocketApi& api, const Node& routeIds, bool propagateTags) {
  Node props = Node::mapping();
  copyIfSet(props, api.props, "AccessLogSettings");
  copyIfSet(props, api.props, "DefaultRouteSettings");
  copyIfSet(props, api.props, "RouteSettings");
  props.set("ApiId", ref(api.id));
  props.set("StageName", api.stageName);
  props.set("Tags", propagateTags ? api.tags : map({{kCreatedByTag, str("SAM")}}));
  copyIfSet(props, api.props, "StageVariables");
  props.set("AutoDeploy", Node::boolean(true));
  Node out = Node::mapping();
  out.set("Type", str("AWS::ApiGatewayV2::Stage"));
  // Stage must depend on routes when RouteSettings names them (_to_cloudformation).
  if (truthy(api.props, "RouteSettings")) out.set("DependsOn", routeIds);
  out.set("Properties", std::move(props));
  return out;
}

std::string stageId(const WebSocketApi& api) {
  if (!api.stageName.isString()) return api.id + "Stage";
  if (api.stageName.text() == kDefaultStageName) return api.id + "DefaultStage";
  return api.id + api.stageName.text() + "Stage";
}

// _construct_authorizer.
Node authorizer(const WebSocketApi& api) {
  const Node& auth = *api.auth;
  Node props = Node::mapping();
  props.set("ApiId", ref(api.id));
  copyIfSet(props, auth, "InvokeRole", "AuthorizerCredentialsArn");
  props.set("AuthorizerType", str("REQUEST"));
  if (const Node* arn = auth.get("AuthArn"))
    props.set("AuthorizerUri", lambdaInvocationUri("AuthArn", *arn));
  copyIfSet(props, auth, "IdentitySource");
  const Node* name = truthy(auth, "Name");
  props.set("Name", name ? *name : str(api.id + "ConnectAuthorizer"));
  return makeResource("AWS::ApiGatewayV2::Authorizer", std::move(props));
}

// _construct_authorizer_permission: only when API Gateway invokes the authorizer without a role.
void addAuthorizerPermission(ExpandContext& ctx, const WebSocketApi& api) {
  const Node& auth = *api.auth;
  const Node* arn = truthy(auth, "AuthArn");
  if (!auth.get("AuthType")->isString("CUSTOM") || truthy(auth, "InvokeRole") || !arn) return;
  Node sourceArn = intrinsic(
      "Fn::Sub",
      seq({str("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/"
               "authorizers/*"),
           map({{"__ApiId__", ref(api.id)}})}));
  ctx.add(api.id + "AuthorizerPermission", invokePermission(*arn, std::move(sourceArn)));
}

// _construct_websocket_api.
Node webSocketApiResource(const WebSocketApi& api, const model::ResourceView& resource) {
  Node props = Node::mapping();
  for (const char* name : {"ApiKeySelectionExpression", "Description", "DisableExecuteApiEndpoint",
                           "DisableSchemaValidation", "IpAddressType"}) {
    copyIfSet(props, api.props, name);
  }
  const Node* name = api.props.get("Name");
  props.set("Name", name && !name->isNull() ? *name : str(api.id));
  props.set("ProtocolType", str("WEBSOCKET"));
  props.set("RouteSelectionExpression", *api.props.get("RouteSelectionExpression"));
  props.set("Tags", api.tags);
  // Built with depends_on only: SAM drops the resource's other attributes (checked with the
  // transform: Condition, DeletionPolicy, UpdateReplacePolicy and Metadata all go).
  Node out = Node::mapping();
  out.set("Type", str("AWS::ApiGatewayV2::Api"));
  if (resource.dependsOn && sam::pythonTruthy(*resource.dependsOn))
    out.set("DependsOn", *resource.dependsOn);
  out.set("Properties", std::move(props));
  return out;
}

}  // namespace

void expandWebSocketApi(ExpandContext& ctx, const model::ResourceView& resource) {
  sam::WebSocketApiInput input = sam::webSocketApiInput(ctx.templ, resource, ctx.params);
  std::vector<sam::SamProblem> problems;
  std::optional<std::string> unsupported;
  sam::validateWebSocketApi(ctx.templ, resource, input, problems, &unsupported);
  std::string id(resource.id);
  if (!problems.empty() || unsupported) {  // problems: samRejections stopped before expand
    ctx.notSupported((unsupported ? *unsupported : "a WebSocketApi SAM rejects") + " (" + id + ")");
    return;
  }
  const Node& props = input.props;
  const Node* tags = truthy(props, "Tags");
  const Node* stageName = props.get("StageName");
  WebSocketApi api{id, props, tags ? *tags : Node::mapping(),
                   stageName && !stageName->isNull() ? *stageName : str(kDefaultStageName),
                   truthy(props, "Auth")};
  api.tags.set(kCreatedByTag, str("SAM"));
  // propagate_tags: only when the user's Tags were not empty; the same dict, SAM's tag included.
  bool propagate = truthy(props, "PropagateTags") && tags;

  ctx.add(id, webSocketApiResource(api, resource));
  Node routeIds = Node::sequence();
  bool customAuthorizer = false;
  for (const model::MapEntry& entry : props.get("Routes")->entries()) {
    const std::string& key = entry.key.text();
    std::string base = id + *sam::webSocketRouteIdPart(key);
    ctx.add(base + "Route", route(api, key, entry.value, base + "Integration", customAuthorizer));
    ctx.add(base + "Integration", integration(api, entry.value));
    ctx.add(base + "Permission", routePermission(api, key, entry.value));
    routeIds.push(str(base + "Route"));
  }
  std::string stageLogicalId = stageId(api);
  if (const Node* domain = props.get("Domain"); domain && !domain->isNull()) {
    // to_py27_compatible_template leaves a WebSocketApi's dicts as written.
    if (!api::emitApiV2Domain(ctx, id, *domain, stageLogicalId,
                              {kCreatedByTag, propagate ? &api.tags : nullptr,
                               api::CopiedOrder::kTemplate, api::CopiedOrder::kTemplate, false}))
      return;
  }
  ctx.add(stageLogicalId, stage(api, routeIds, propagate));
  ctx.refs[id]["Stage"] = stageLogicalId;
  if (customAuthorizer) {
    ctx.add(id + "ConnectAuthorizer", authorizer(api));
    addAuthorizerPermission(ctx, api);
  }
}

}  // namespace samshift::expand
