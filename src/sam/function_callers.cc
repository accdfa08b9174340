#include "sam/function_callers.h"

#include "model/intrinsics.h"

namespace samshift::sam {

namespace {

using model::Node;

bool allDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// A parameter's default, when it is a plain string.
}  // namespace

std::string httpMethodName(std::string_view method) {
  std::string out(method);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string referencedId(const Node* value) {
  if (!value) return {};
  if (auto ref = model::refName(*value)) return std::string(*ref);
  return value->isString() ? value->text() : std::string();
}

Qualifier qualifierOfText(std::string_view text) {
  if (text == "$LATEST") return Qualifier::kLatest;
  return allDigits(text) ? Qualifier::kVersion : Qualifier::kAlias;
}

std::string qualifierText(std::string_view after) {
  if (after.empty() || after.front() != ':') return {};
  after.remove_prefix(1);
  size_t end = after.find_first_of("/\"' \t\n,}");
  if (after.substr(0, 2) == "${")
    end = after.find('}') == std::string_view::npos ? after.size() : after.find('}') + 1;
  return std::string(after.substr(0, end));
}

FunctionIndex::FunctionIndex(const model::Template& templ, const ParameterValues& params)
    : FunctionIndex(templ, params,
                    [&templ, &params, model = std::optional<DeploymentModel>()](
                        const model::ResourceView& resource) mutable
                    -> const std::optional<DeploymentModel>& {
                      model = readDeploymentModel(templ, resource, params);
                      return model;
                    }) {}

FunctionIndex::FunctionIndex(const model::Template& templ, const ParameterValues& params,
                             const DeploymentModelOf& modelOf)
    : params_(params) {
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::Function") {
      Function& function = functions_[std::string(resource.id)];
      function.sam = true;
      const std::optional<DeploymentModel>& deployment = modelOf(resource);
      if (deployment && deployment->autoPublishAlias.present() &&
          pythonTruthy(*deployment->autoPublishAlias.node)) {
        function.aliased = true;
        std::string name = deployment->aliasName().value_or("");
        std::string id = aliasLogicalId(resource.id, name);
        function.aliases.push_back(Alias{name, name.empty() ? std::string() : id});
        if (!name.empty()) aliasResources_[id] = {std::string(resource.id), name};
      }
    } else if (resource.type == "AWS::Lambda::Function") {
      functions_[std::string(resource.id)];
    }
  }
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Lambda::Alias") continue;
    const Node* target = resource.property("FunctionName");
    std::optional<std::string> function = target ? functionOfTarget(*target) : std::nullopt;
    if (!function) continue;
    std::string name;
    if (const Node* nameNode = resource.property("Name")) {
      if (nameNode->isString()) {
        name = nameNode->text();
      } else if (auto ref = model::refName(*nameNode)) {
        name = parameterText(*ref).value_or("");
      }
    }
    Function& entry = functions_[*function];
    entry.aliased = true;
    entry.aliases.push_back(Alias{name, std::string(resource.id)});
    aliasResources_[std::string(resource.id)] = {*function, name};
  }
}

std::optional<std::string> FunctionIndex::parameterText(std::string_view name) const {
  const Node* value = params_.value(name);
  if (value && value->isScalar() && !value->isNull()) return value->text();
  return std::nullopt;
}

bool FunctionIndex::hasAlias(std::string_view function) const {
  auto found = functions_.find(function);
  return found != functions_.end() && found->second.aliased;
}

std::vector<std::string> FunctionIndex::aliasNames(std::string_view function) const {
  std::vector<std::string> names;
  auto found = functions_.find(function);
  if (found == functions_.end()) return names;
  for (const Alias& alias : found->second.aliases) {
    if (!alias.name.empty()) names.push_back(alias.name);
  }
  return names;
}

std::optional<std::string> FunctionIndex::aliasResourceOf(std::string_view function,
                                                          std::string_view name) const {
  auto found = functions_.find(function);
  if (found == functions_.end()) return std::nullopt;
  for (const Alias& alias : found->second.aliases) {
    if (alias.name == name && !alias.resource.empty()) return alias.resource;
  }
  return std::nullopt;
}

// The function an alias's or mapping's `FunctionName` names: `!Ref Fn`, `!GetAtt Fn.Arn`, `${Fn}`.
std::optional<std::string> FunctionIndex::functionOfTarget(const Node& target) const {
  if (auto ref = model::refName(target); ref && isFunction(*ref)) return std::string(*ref);
  if (auto att = model::getAttTarget(target);
      att && att->attribute == "Arn" && isFunction(att->resource)) {
    return att->resource;
  }
  if (target.isIntrinsic() && target.intrinsicName() == "Fn::Sub" &&
      target.intrinsicArgument().isString()) {
    auto refs = model::subReferences(target.intrinsicArgument().text());
    if (refs.size() == 1) {
      std::string name = refs[0].name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".Arn") == 0)
        name.resize(name.size() - 4);
      if (isFunction(name)) return name;
    }
  }
  return std::nullopt;
}

std::optional<FunctionReference> FunctionIndex::fromRef(std::string_view name,
                                                        const Node& node) const {
  FunctionReference ref;
  ref.node = &node;
  size_t dot = name.find('.');
  if (dot != std::string_view::npos) {
    std::string_view base = name.substr(0, dot);
    std::string_view attribute = name.substr(dot + 1);
    auto found = functions_.find(base);
    if (found == functions_.end() || !found->second.sam) return std::nullopt;
    ref.function = std::string(base);
    if (attribute == "Alias" && found->second.aliased) {
      ref.qualifier = Qualifier::kAlias;
      ref.name = found->second.aliases.empty() ? "" : found->second.aliases.front().name;
      ref.throughAliasResource = true;
      ref.aliasResource = aliasLogicalId(ref.function, ref.name);
      return ref;
    }
    if (attribute == "Version") {
      ref.qualifier = Qualifier::kVersion;
      return ref;
    }
    return std::nullopt;
  }
  if (isFunction(name)) {
    ref.function = std::string(name);
    return ref;
  }
  if (auto alias = aliasResources_.find(name); alias != aliasResources_.end()) {
    ref.function = alias->second.first;
    ref.qualifier = Qualifier::kAlias;
    ref.name = alias->second.second;
    ref.throughAliasResource = true;
    ref.aliasResource = std::string(name);
    return ref;
  }
  return std::nullopt;
}

void FunctionIndex::qualify(FunctionReference& ref, std::string_view after) const {
  if (ref.qualifier != Qualifier::kNone) return;
  std::string text = qualifierText(after);
  if (text.empty()) return;
  if (text.rfind("${", 0) == 0) {
    std::string variable = text.substr(2, text.size() - 3);
    // Inside Fn::Sub a stage variable must be written `${!stageVariables.x}` (rendered `${…}`).
    bool literal = !variable.empty() && variable[0] == '!';
    if (literal) variable.erase(0, 1);
    if (variable.rfind("stageVariables.", 0) == 0) {
      ref.qualifier = Qualifier::kStageVariable;
      ref.name = variable.substr(15);
      return;
    }
    if (literal) {
      ref.qualifier = Qualifier::kUnknown;
      return;
    }
    auto value = parameterText(variable);
    if (!value) {
      ref.qualifier = Qualifier::kUnknown;
      return;
    }
    text = *value;
  }
  ref.qualifier = qualifierOfText(text);
  if (ref.qualifier == Qualifier::kLatest) return;
  ref.name = text;
  if (ref.qualifier == Qualifier::kAlias)
    ref.aliasResource = aliasResourceOf(ref.function, text).value_or("");
}

void FunctionIndex::fromSub(const Node& value, std::vector<FunctionReference>& out) const {
  const Node& argument = value.intrinsicArgument();
  const Node* text = &argument;
  const Node* variables = nullptr;
  if (argument.isSequence() && !argument.items().empty()) {
    text = &argument.items()[0];
    if (argument.items().size() > 1) variables = &argument.items()[1];
    if (variables) collect(*variables, out);  // references inside the variable values themselves
  }
  if (!text->isString()) return;
  const std::string& body = text->text();
  for (const model::SubReference& reference : model::subReferences(body)) {
    size_t close = body.find('}', reference.offset);
    std::string_view after =
        std::string_view(body).substr(close == std::string::npos ? body.size() : close + 1);
    std::optional<FunctionReference> ref;
    if (const Node* bound = variables ? variables->get(reference.name) : nullptr) {
      // `!Sub ["${Target}:live", {Target: !GetAtt Fn.Arn}]`: the reference is the bound value's.
      std::vector<FunctionReference> inner;
      collect(*bound, inner);
      if (inner.size() == 1) {
        // Already reported through `collect(*variables)`: qualify that entry in place.
        for (FunctionReference& existing : out) {
          if (existing.node == inner[0].node) {
            existing.node = &value;
            qualify(existing, after);
          }
        }
      }
      continue;
    }
    std::string name = reference.name;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".Arn") == 0) {
      std::string base = name.substr(0, name.size() - 4);
      if (isFunction(base)) name = base;
    }
    ref = fromRef(name, value);
    if (!ref) continue;
    qualify(*ref, after);
    out.push_back(std::move(*ref));
  }
}

void FunctionIndex::fromJoin(const Node& value, std::vector<FunctionReference>& out) const {
  const Node& argument = value.intrinsicArgument();
  if (!argument.isSequence() || argument.items().size() != 2 || !argument.items()[0].isString() ||
      !argument.items()[1].isSequence()) {
    for (const Node& item : argument.items()) collect(item, out);
    return;
  }
  const std::string& delimiter = argument.items()[0].text();
  const std::vector<Node>& parts = argument.items()[1].items();
  for (size_t i = 0; i < parts.size(); ++i) {
    size_t before = out.size();
    collect(parts[i], out);
    if (out.size() != before + 1 || i + 1 >= parts.size()) continue;
    const Node& next = parts[i + 1];
    std::string after;
    if (next.isString()) {
      after = delimiter + next.text();
    } else if (auto ref = model::refName(next); ref && delimiter == ":") {
      after = ":${" + std::string(*ref) + "}";
    }
    out.back().node = &value;
    qualify(out.back(), after);
  }
}

void FunctionIndex::collect(const Node& value, std::vector<FunctionReference>& out) const {
  if (value.isIntrinsic()) {
    std::string_view name = value.intrinsicName();
    if (name == "Ref") {
      if (auto ref = model::refName(value)) {
        if (auto found = fromRef(*ref, value)) out.push_back(std::move(*found));
      }
      return;
    }
    if (name == "Fn::GetAtt") {
      auto att = model::getAttTarget(value);
      if (att && att->attribute == "Arn" && isFunction(att->resource)) {
        FunctionReference ref;
        ref.function = att->resource;
        ref.node = &value;
        out.push_back(std::move(ref));
      }
      return;
    }
    if (name == "Fn::Sub") return fromSub(value, out);
    if (name == "Fn::Join") return fromJoin(value, out);
    collect(value.intrinsicArgument(), out);
    return;
  }
  for (const Node& item : value.items()) collect(item, out);
  for (const model::MapEntry& entry : value.entries()) collect(entry.value, out);
}

std::vector<FunctionReference> FunctionIndex::references(const Node& value) const {
  std::vector<FunctionReference> out;
  collect(value, out);
  return out;
}

namespace {

// `path` and `method` are the two keys above the node: `paths: {/orders: {get: {…}}}`.
void findOpenApiIntegrations(const model::ResourceView& api, const Node& node,
                             std::string_view path, std::string_view method,
                             std::vector<ApiIntegration>& out) {
  for (const model::MapEntry& entry : node.entries()) {
    if (entry.key.text() == "x-amazon-apigateway-integration" && entry.value.isMapping()) {
      if (const Node* uri = entry.value.get("uri")) {
        std::string verb =
            method == "x-amazon-apigateway-any-method" ? "ANY" : httpMethodName(method);
        out.push_back(ApiIntegration{&api, uri, std::string(api.id), verb + " " + std::string(path),
                                     entry.value.get("credentials")});
      }
      continue;
    }
    findOpenApiIntegrations(api, entry.value, method, entry.key.text(), out);
  }
  for (const Node& item : node.items()) findOpenApiIntegrations(api, item, {}, {}, out);
}

// The path of an AWS::ApiGateway::Resource: its PathPart after its parent's, up to the API's root
// (`!GetAtt Api.RootResourceId`); "?" when the chain does not reach it (a loop, a parent that is
// not a resource of the template, a chain longer than API Gateway allows).
std::string resourcePath(const model::Template& templ, const Node* resourceId) {
  constexpr int kMaxDepth = 64;
  std::string path;
  for (int depth = 0; resourceId && depth < kMaxDepth; ++depth) {
    if (auto att = model::getAttTarget(*resourceId); att && att->attribute == "RootResourceId")
      return path.empty() ? "/" : path;
    const model::ResourceView* resource = templ.resource(referencedId(resourceId));
    if (!resource || resource->type != "AWS::ApiGateway::Resource") break;
    const Node* part = resource->property("PathPart");
    path = "/" + (part && part->isScalar() ? part->text() : std::string("?")) + path;
    resourceId = resource->property("ParentId");
  }
  return "?";
}

// The integration an AWS::ApiGatewayV2::Route's Target names: `integrations/${Integration}` as a
// Join or a Sub.
std::string routeIntegration(const Node& target) {
  if (!target.isIntrinsic()) return {};
  const Node& argument = target.intrinsicArgument();
  if (target.intrinsicName() == "Fn::Join" && argument.items().size() == 2) {
    for (const Node& part : argument.items()[1].items()) {
      if (auto ref = model::refName(part)) return std::string(*ref);
    }
  } else if (target.intrinsicName() == "Fn::Sub" && argument.isString()) {
    auto refs = model::subReferences(argument.text());
    if (refs.size() == 1) return refs[0].name;
  }
  return {};
}

// RouteKeys of the AWS::ApiGatewayV2::Routes, by the integration their Target names.
std::map<std::string, std::string, std::less<>> v2RouteKeys(const model::Template& templ) {
  std::map<std::string, std::string, std::less<>> out;
  for (const model::ResourceView* route : templ.resourcesOfType("AWS::ApiGatewayV2::Route")) {
    const Node* target = route->property("Target");
    const Node* key = route->property("RouteKey");
    if (!target || !key || !key->isString()) continue;
    std::string integration = routeIntegration(*target);
    if (integration.empty()) continue;
    std::string& keys = out[integration];
    keys += (keys.empty() ? "" : ", ") + key->text();
  }
  return out;
}

}  // namespace

std::vector<ApiIntegration> apiIntegrations(const model::Template& templ) {
  std::vector<ApiIntegration> out;
  std::optional<std::map<std::string, std::string, std::less<>>> routeKeys;
  for (const model::ResourceView& resource : templ.resources()) {
    std::string_view type = resource.type;
    if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi") {
      if (const Node* body = resource.property("DefinitionBody"))
        findOpenApiIntegrations(resource, *body, {}, {}, out);
    } else if (type == "AWS::ApiGateway::RestApi" || type == "AWS::ApiGatewayV2::Api") {
      if (const Node* body = resource.property("Body"))
        findOpenApiIntegrations(resource, *body, {}, {}, out);
      if (const Node* target = resource.property("Target"))
        out.push_back(ApiIntegration{&resource, target, std::string(resource.id), "$default",
                                     resource.property("CredentialsArn")});
    } else if (type == "AWS::ApiGateway::Method") {
      const Node* integration = resource.property("Integration");
      if (const Node* uri = integration ? integration->get("Uri") : nullptr) {
        std::string method = httpMethodName(referencedId(resource.property("HttpMethod")));
        std::string route = (method.empty() ? "?" : method) + " " +
                            resourcePath(templ, resource.property("ResourceId"));
        out.push_back(ApiIntegration{&resource, uri, referencedId(resource.property("RestApiId")),
                                     route, integration->get("Credentials")});
      }
    } else if (type == "AWS::ApiGatewayV2::Integration") {
      if (const Node* uri = resource.property("IntegrationUri")) {
        if (!routeKeys) routeKeys = v2RouteKeys(templ);
        auto keys = routeKeys->find(resource.id);
        out.push_back(ApiIntegration{&resource, uri, referencedId(resource.property("ApiId")),
                                     keys == routeKeys->end() ? std::string() : keys->second,
                                     resource.property("CredentialsArn")});
      }
    }
  }
  return out;
}

namespace {

void addEach(const Node* list, std::string_view key, const std::string& label,
             std::vector<EventSourceTarget>& out) {
  if (!list) return;
  for (const Node& item : list->items()) {
    if (const Node* value = item.get(key)) out.push_back(EventSourceTarget{value, label});
  }
}

}  // namespace

std::vector<EventSourceTarget> eventSourceTargets(const model::ResourceView& resource) {
  std::vector<EventSourceTarget> out;
  std::string_view type = resource.type;
  if (type == "AWS::Lambda::EventSourceMapping") {
    if (const Node* name = resource.property("FunctionName"))
      out.push_back(EventSourceTarget{name, "FunctionName"});
  } else if (type == "AWS::SNS::Subscription") {
    const Node* protocol = resource.property("Protocol");
    const Node* endpoint = resource.property("Endpoint");
    if (protocol && protocol->isString("lambda") && endpoint)
      out.push_back(EventSourceTarget{endpoint, "Endpoint"});
  } else if (type == "AWS::SNS::Topic") {
    if (const Node* subscriptions = resource.property("Subscription")) {
      for (const Node& item : subscriptions->items()) {
        const Node* protocol = item.get("Protocol");
        const Node* endpoint = item.get("Endpoint");
        if (protocol && protocol->isString("lambda") && endpoint) {
          out.push_back(EventSourceTarget{endpoint, "Subscription.Endpoint"});
        }
      }
    }
  } else if (type == "AWS::Events::Rule") {
    addEach(resource.property("Targets"), "Arn", "Targets.Arn", out);
  } else if (type == "AWS::Scheduler::Schedule") {
    const Node* target = resource.property("Target");
    if (const Node* arn = target ? target->get("Arn") : nullptr)
      out.push_back(EventSourceTarget{arn, "Target.Arn"});
  } else if (type == "AWS::S3::Bucket") {
    const Node* notifications = resource.property("NotificationConfiguration");
    addEach(notifications ? notifications->get("LambdaConfigurations") : nullptr, "Function",
            "LambdaConfigurations.Function", out);
  } else if (type == "AWS::Logs::SubscriptionFilter") {
    if (const Node* arn = resource.property("DestinationArn"))
      out.push_back(EventSourceTarget{arn, "DestinationArn"});
  } else if (type == "AWS::ElasticLoadBalancingV2::TargetGroup") {
    const Node* targetType = resource.property("TargetType");
    if (targetType && targetType->isString("lambda"))
      addEach(resource.property("Targets"), "Id", "Targets.Id", out);
  } else if (type == "AWS::Lambda::Url") {
    // Without a Qualifier the URL serves `$LATEST`, whatever the alias's canary is doing.
    if (const Node* arn = resource.property("TargetFunctionArn"))
      out.push_back(EventSourceTarget{arn, "TargetFunctionArn", resource.property("Qualifier")});
  } else if (type == "AWS::AppSync::DataSource") {
    const Node* config = resource.property("LambdaConfig");
    if (const Node* arn = config ? config->get("LambdaFunctionArn") : nullptr) {
      out.push_back(EventSourceTarget{arn, "LambdaConfig.LambdaFunctionArn"});
    }
  }
  return out;
}

std::vector<Permission> permissions(const model::Template& templ) {
  std::vector<Permission> out;
  for (const model::ResourceView* resource : templ.resourcesOfType("AWS::Lambda::Permission")) {
    const Node* functionName = resource->property("FunctionName");
    if (!functionName) continue;
    Permission permission{resource, functionName, {}, resource->property("SourceArn")};
    if (const Node* principal = resource->property("Principal");
        principal && principal->isString()) {
      permission.principal = principal->text();
    }
    out.push_back(std::move(permission));
  }
  return out;
}

bool isApiGatewayPrincipal(std::string_view principal) {
  return principal.rfind("apigateway.", 0) == 0;
}

}  // namespace samshift::sam
