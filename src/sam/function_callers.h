#pragma once
// Who calls the Lambda functions of a template, as SAM and CloudFormation read it: what a value
// that invokes a function names (which function, and whether through an alias, a version, a stage
// variable or unqualified), which aliases each function has, and where callers are written (API
// integrations, event source resources, permissions). The R rules and `plan` routes ask it.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/deployment_model.h"
#include "sam/parameter_values.h"

namespace samshift::sam {

enum class Qualifier {
  kNone,           // the function itself: `!GetAtt Fn.Arn`, `!Ref Fn`, `${Fn.Arn}`
  kLatest,         // `${Fn.Arn}:$LATEST`, written on purpose
  kAlias,          // `${Fn.Arn}:live`, `!Ref Fn.Alias`, `!Ref LiveAlias`
  kVersion,        // `${Fn.Arn}:3`, `!Ref Fn.Version`
  kStageVariable,  // `${Fn.Arn}:${stageVariables.alias}`
  kUnknown,        // a qualifier samshift cannot read (a Ref to a parameter without default)
};

struct FunctionReference {
  std::string function;  // logical ID of the function resource
  Qualifier qualifier = Qualifier::kNone;
  std::string name;                   // the alias name, version or stage variable
  bool throughAliasResource = false;  // a Ref to the alias resource: CloudFormation orders it
  std::string aliasResource;          // that resource's logical ID (explicit or SAM-generated)
  const model::Node* node = nullptr;  // where it is written
};

// The Lambda functions of a template and their aliases: SAM `AutoPublishAlias` (a literal or a
// parameter's default) and explicit `AWS::Lambda::Alias` resources.
class FunctionIndex {
 public:
  // `params` give the values of parameters that name an alias or a qualifier (they must outlive
  // the index); `modelOf` gives a function's deployment model (its AutoPublishAlias), for callers
  // that keep them (lint computes each once per document).
  using DeploymentModelOf =
      std::function<const std::optional<DeploymentModel>&(const model::ResourceView&)>;
  FunctionIndex(const model::Template& templ, const ParameterValues& params,
                const DeploymentModelOf& modelOf);
  // Reads each function's deployment model with `params`.
  FunctionIndex(const model::Template& templ, const ParameterValues& params);

  bool isFunction(std::string_view id) const { return functions_.count(std::string(id)) != 0; }
  bool hasAlias(std::string_view function) const;
  // Alias names of a function (possibly empty when an alias name cannot be read).
  std::vector<std::string> aliasNames(std::string_view function) const;
  // The logical ID of the resource that creates alias `name` of `function`, when the template has
  // one.
  std::optional<std::string> aliasResourceOf(std::string_view function,
                                             std::string_view name) const;

  // Every reference to a function of the template inside `value` (Ref, GetAtt, Sub, Join).
  std::vector<FunctionReference> references(const model::Node& value) const;

 private:
  struct Alias {
    std::string name;      // empty when unreadable
    std::string resource;  // logical ID of the alias resource
  };
  struct Function {
    bool sam = false;
    bool aliased = false;
    std::vector<Alias> aliases;
  };

  std::optional<FunctionReference> fromRef(std::string_view name, const model::Node& node) const;
  void collect(const model::Node& value, std::vector<FunctionReference>& out) const;
  void fromSub(const model::Node& value, std::vector<FunctionReference>& out) const;
  void fromJoin(const model::Node& value, std::vector<FunctionReference>& out) const;
  std::optional<std::string> functionOfTarget(const model::Node& target) const;
  void qualify(FunctionReference& ref, std::string_view after) const;

  std::optional<std::string> parameterText(std::string_view name) const;

  const ParameterValues& params_;
  std::map<std::string, Function, std::less<>> functions_;
  std::map<std::string, std::pair<std::string, std::string>, std::less<>>
      aliasResources_;  // id → (fn, name)
};

// A Lambda integration of an API: an OpenAPI `x-amazon-apigateway-integration` `uri` (in a SAM
// API's DefinitionBody or a RestApi/HTTP API Body), an `AWS::ApiGateway::Method` integration
// `Uri`, an `AWS::ApiGatewayV2::Integration` `IntegrationUri` or an HTTP API quick-create `Target`.
struct ApiIntegration {
  const model::ResourceView* api = nullptr;  // the resource it is written in
  const model::Node* uri = nullptr;
  // The API whose stages serve it (the resource itself, or the Ref of a Method's RestApiId or an
  // integration's ApiId; empty when unreadable), and its route: "GET /orders" (an OpenAPI path
  // and method, a Method's HttpMethod and resource path, the RouteKey of each
  // AWS::ApiGatewayV2::Route whose Target is `integrations/<id>`), empty when unknown.
  std::string apiId;
  std::string route;
  // The role API Gateway invokes the function with (`credentials`, `Credentials`,
  // `CredentialsArn`): then the function's permissions are not asked. Null when not written.
  const model::Node* credentials = nullptr;
};
std::vector<ApiIntegration> apiIntegrations(const model::Template& templ);

// An `AWS::Lambda::Permission` with its principal.
struct Permission {
  const model::ResourceView* resource = nullptr;
  const model::Node* functionName = nullptr;
  std::string principal;                   // empty when not a literal
  const model::Node* sourceArn = nullptr;  // null when not written: any caller of the principal
};
std::vector<Permission> permissions(const model::Template& templ);
bool isApiGatewayPrincipal(std::string_view principal);

// A value that targets a function in an event source written as its own resource: the
// `FunctionName` of an `AWS::Lambda::EventSourceMapping`, the `Endpoint` of a `lambda` SNS
// subscription, the `Targets` of an EventBridge rule, the `Target` of a scheduler schedule, an S3
// bucket's `LambdaConfigurations`, a log subscription's `DestinationArn`, a `lambda` load balancer
// target group's `Targets`, an AppSync data source's `LambdaConfig`, and the `TargetFunctionArn`
// of an `AWS::Lambda::Url` without `Qualifier` (with one, `qualifier` is that node).
struct EventSourceTarget {
  const model::Node* node = nullptr;
  std::string key;                         // the property, as messages name it
  const model::Node* qualifier = nullptr;  // AWS::Lambda::Url `Qualifier`
};
std::vector<EventSourceTarget> eventSourceTargets(const model::ResourceView& resource);

// An HTTP method as API Gateway shows it, in upper case ("get" → "GET").
std::string httpMethodName(std::string_view method);
// The logical ID a `!Ref X` (or a plain name) gives; empty for anything else.
std::string referencedId(const model::Node* value);

// What a qualifier written as text invokes: `$LATEST`, a version (digits), else an alias.
Qualifier qualifierOfText(std::string_view text);

// `arn:…:function:Name` style text following a reference: the qualifier after `:` up to the next
// `/` (or the end), e.g. ":live/invocations" → "live".
std::string qualifierText(std::string_view after);

}  // namespace samshift::sam
