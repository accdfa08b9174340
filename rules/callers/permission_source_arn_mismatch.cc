// R006: an API integration whose function has API Gateway permissions for the qualifier it
// invokes, none of whose `SourceArn`s allows the integration's API, stage, method or path.

#include <map>
#include <set>

#include "engine/registry.h"
#include "rules/callers/function_references.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/sam_facts.h"
#include "sam/api_stages.h"
#include "sam/event_callers.h"
#include "sam/execute_api_arns.h"

namespace samshift::rules {

namespace {

using callers::FunctionReference;
using callers::Qualifier;

// A permission as this rule reads it: the pattern its SourceArn allows, none when it allows every
// caller of its principal (no SourceArn, or one samshift cannot read); where it is written, and
// what it is ("permission `P`", "API event `Get`": SAM writes that one).
struct Grant {
  std::optional<std::string> pattern;
  const model::Node* node = nullptr;
  std::string what;
};

// Grants by function, then by what they allow of it (callers::targetKey).
using Grants = std::map<std::string, std::map<std::string, std::vector<Grant>>, std::less<>>;

// A stage an integration is called on: its name, or unknown (no stage in the template, or a
// name the parameters do not resolve).
struct CallStage {
  std::optional<std::string> name;
};

// The permissions SAM writes for the `Api` events of the template's functions (each allows its
// route on every stage). Functions whose events' permissions samshift cannot write (an HttpApi
// event, whose permission the API's `$default` route may replace; an alias name it cannot read)
// go to `unknown`.
void addSamEventGrants(const engine::RuleContext& context, Grants& grants,
                       std::set<std::string, std::less<>>& unknown) {
  const SamFacts& facts = samFacts(context);
  for (const model::ResourceView* function :
       context.templ.resourcesOfType("AWS::Serverless::Function")) {
    const model::Node& properties = facts.mergedProperties(*function);
    for (const sam::SamEventCaller& caller :
         sam::samEventCallers(properties, facts.deploymentModel(*function))) {
      if (caller.type != "Api" && caller.type != "HttpApi") continue;
      if (caller.type == "HttpApi" || (caller.throughAlias && caller.alias.empty())) {
        unknown.insert(std::string(function->id));
        continue;
      }
      grants[std::string(function->id)][caller.throughAlias ? caller.alias : std::string()]
          .push_back(Grant{sam::samApiEventPermissionPattern(caller), caller.node,
                           "API event `" + caller.name + "`"});
    }
  }
}

// Whether a permission's `FunctionName` that names no function of the template by reference could
// still be one of them: anything but a literal, or a literal whose function name (`fn`,
// `arn:…:function:fn:live`) a function of the template has, or may have (a `FunctionName` whose
// value is unknown). A function without `FunctionName` gets a name with a random suffix, which
// no literal can know.
bool mayNameTemplateFunction(const model::Template& templ, const model::Node& functionName) {
  if (!functionName.isString()) return true;
  std::string_view name = functionName.text();
  if (size_t at = name.rfind("function:"); at != std::string_view::npos) name.remove_prefix(at + 9);
  name = name.substr(0, name.find(':'));
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Lambda::Function" && resource.type != "AWS::Serverless::Function")
      continue;
    if (!resource.property("FunctionName")) continue;
    std::optional<std::string> own = literalFunctionName(templ, resource);
    if (!own || *own == name) return true;
  }
  return false;
}

// The key a stage variable's value gives: what `${Fn.Arn}:${stageVariables.x}` invokes there.
std::string keyOfQualifier(const std::string& qualifier) {
  switch (sam::qualifierOfText(qualifier)) {
    case Qualifier::kLatest:
      return std::string();
    case Qualifier::kVersion:
      return "#" + qualifier;
    default:
      return qualifier;
  }
}

class PermissionSourceArnMismatch : public engine::Rule {
 public:
  static constexpr size_t kMaxNotes = 3;

  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "R006", "permission-source-arn-mismatch", core::Severity::kWarning,
        "No API Gateway permission's `SourceArn` allows the API, stage, method or path of an "
        "integration",
        R"(## What it does
For each Lambda integration of an API (an `AWS::ApiGateway::Method`, an OpenAPI
`x-amazon-apigateway-integration` in the body of a REST or HTTP API, an
`AWS::ApiGatewayV2::Integration` with its routes), takes the function and qualifier it invokes
(for `${stageVariables.x}`, the value each stage gives it), the API Gateway permissions of the
template for that same target, and compares their `SourceArn` with the ARN API Gateway invokes
with: `arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/RESOURCE_PATH`, for the
integration's API, each stage of that API, its method and its path. It reports a method and path
(and the stages) that no permission allows.

How a `SourceArn` is compared: Lambda matches it with `StringLike` (Lambda API reference,
AddPermission `SourceArn`), where `*` matches any run of characters, `/` included (so
`${Api}/*` allows every stage, method and path, and `${Api}/*/GET/orders/*` every path below
`/orders/`), and `?` one character. A path parameter of the route (`/orders/{id}`) must be
matched by a wildcard (SAM writes `*` for it); one written in the `SourceArn` counts as a
wildcard too. An `ANY` method is allowed by `*` (what SAM writes) or by `ANY`. Letters are
compared without case, so that no finding rests on case alone.

It stays silent whenever it cannot be sure: a permission without `SourceArn` (it allows any
caller), a `SourceArn` it cannot read in full (an unreadable part counts as `*`), another
permission that may be for the same target (its `FunctionName` names no function of the
template and is not a literal name none of them has, its principal is not a literal, its
qualifier cannot be read: then the whole template, or that function, is left alone), an
integration with `credentials` (API Gateway then invokes with that role, not the resource
policy), stages it cannot name (then only the API, method and path are compared), an HTTP
API's `$default` route, WebSocket routes, and functions with SAM `HttpApi` events (whose
permission SAM may leave to a `$default` route). A function's SAM `Api` events count as the
permissions SAM writes for them, each allowing its own route on every stage
(`${Api}/*/GET/orders`): an integration written by hand for another route of that function is
reported, the routes of the events never are. A target with no API Gateway permission at all is
rule R003's (a qualifier no permission allows) or R005's (a stage variable's value).

## Why is this bad?
The permission exists, so the template looks right, but API Gateway answers the calls it does
not cover with 500 "Invalid permissions on Lambda function": every call of that route on that
stage fails at run time, typically after a path, method or stage was renamed, or for the stage
nobody tested. The deployment itself succeeds and traffic shifting is unaffected, so this is a
warning, not an error: what fails is every call of one route, found only by calling it.

## Example
```yaml
GetOrders:
  Type: AWS::ApiGateway::Method
  Properties:
    RestApiId: !Ref Api
    ResourceId: !Ref OrdersResource        # PathPart: orders
    HttpMethod: GET
    Integration:
      Type: AWS_PROXY
      IntegrationHttpMethod: POST
      Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations
OrdersPermission:
  Type: AWS::Lambda::Permission
  Properties:
    Action: lambda:InvokeFunction
    Principal: apigateway.amazonaws.com
    FunctionName: !Ref Orders
    SourceArn: !Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/POST/orders
```

## Use instead
```yaml
    SourceArn: !Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/orders
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const std::vector<callers::ApiIntegration>& integrations = callers::apiIntegrations(context);
    if (integrations.empty()) return;
    const callers::FunctionIndex& index = callers::functionIndex(context);
    const sam::ParameterValues& params = samFacts(context).parameters();
    Grants grants;
    std::set<std::string, std::less<>> unknown;
    for (const callers::Permission& permission : callers::permissions(context)) {
      // A principal that is not a literal, or `*`, may be API Gateway: what it allows is unknown.
      bool maybeApiGateway = permission.principal.empty() || permission.principal == "*";
      if (!maybeApiGateway && !callers::isApiGatewayPrincipal(permission.principal)) continue;
      std::vector<FunctionReference> refs = index.references(*permission.functionName);
      // A permission for a function samshift cannot tell may be the one that allows a call.
      if (refs.empty() && mayNameTemplateFunction(templ, *permission.functionName)) return;
      std::optional<std::string> pattern =
          permission.sourceArn ? sam::executeApiSourcePattern(*permission.sourceArn, templ, params)
                               : std::nullopt;
      for (const FunctionReference& ref : refs) {
        std::optional<std::string> key = callers::targetKey(ref);
        if (!key || maybeApiGateway) {
          unknown.insert(ref.function);
          continue;
        }
        grants[ref.function][*key].push_back(
            Grant{pattern, permission.sourceArn,
                  "Permission `" + std::string(permission.resource->id) + "`"});
      }
    }
    addSamEventGrants(context, grants, unknown);
    if (grants.empty()) return;
    sam::ApiStages apiStages(templ, params);
    for (const callers::ApiIntegration& integration : integrations) {
      if (integration.credentials) continue;
      std::vector<sam::ExecuteApiCall> calls = sam::executeApiCalls(integration);
      if (calls.empty()) continue;
      std::vector<sam::ApiStage> stages = apiStages.of(integration.apiId, integration.uri->span());
      for (const FunctionReference& ref : index.references(*integration.uri)) {
        auto function = grants.find(ref.function);
        if (function == grants.end() || unknown.count(ref.function)) continue;
        if (ref.qualifier == Qualifier::kStageVariable) {
          checkStageVariable(ref, function->second, calls, stages, params, reporter);
        } else if (std::optional<std::string> key = callers::targetKey(ref)) {
          check(ref, *key, function->second, calls, namedStages(stages), "", reporter);
        }
      }
    }
  }

 private:
  // The stages an unqualified or aliased integration is called on; one unknown stage when any
  // of them cannot be named.
  static std::vector<CallStage> namedStages(const std::vector<sam::ApiStage>& stages) {
    std::vector<CallStage> out;
    for (const sam::ApiStage& stage : stages) {
      if (stage.samExtraStage) continue;  // SAM's extra `Stage`: nobody calls it
      if (!stage.known) return {CallStage{}};
      out.push_back(CallStage{stage.name});
    }
    if (out.empty()) out.push_back(CallStage{});
    return out;
  }

  // `${Fn.Arn}:${stageVariables.x}`: each stage invokes the target its value names.
  static void checkStageVariable(const FunctionReference& ref,
                                 const std::map<std::string, std::vector<Grant>>& byKey,
                                 const std::vector<sam::ExecuteApiCall>& calls,
                                 const std::vector<sam::ApiStage>& stages,
                                 const sam::ParameterValues& params, engine::Reporter& reporter) {
    for (const sam::ApiStage& stage : stages) {
      if (stage.samExtraStage || !stage.known || !stage.variables.isMapping()) continue;
      const model::Node* value = stage.variables.get(ref.name);
      std::optional<std::string> qualifier = value ? params.string(*value) : std::nullopt;
      if (!qualifier || qualifier->empty()) continue;
      check(ref, keyOfQualifier(*qualifier), byKey, calls, {CallStage{stage.name}},
            " (where `${stageVariables." + ref.name + "}` is `" + *qualifier + "`)", reporter);
    }
  }

  static void check(const FunctionReference& ref, const std::string& key,
                    const std::map<std::string, std::vector<Grant>>& byKey,
                    const std::vector<sam::ExecuteApiCall>& calls,
                    const std::vector<CallStage>& stages, const std::string& context,
                    engine::Reporter& reporter) {
    auto found = byKey.find(key);
    if (found == byKey.end()) return;  // no permission for this target: R003's and R005's
    const std::vector<Grant>& grants = found->second;
    for (const Grant& grant : grants) {
      if (!grant.pattern) return;  // allows every caller of API Gateway
    }
    for (const sam::ExecuteApiCall& call : calls) {
      std::vector<std::string> refused;
      bool refusedOnUnknownStage = false;
      for (const CallStage& stage : stages) {
        if (allowed(grants, call, stage)) continue;
        if (stage.name) {
          refused.push_back("`" + *stage.name + "`");
        } else {
          refusedOnUnknownStage = true;
        }
      }
      if (refused.empty() && !refusedOnUnknownStage) continue;
      std::string where;
      if (!refused.empty()) {
        where = refused.size() == 1 ? " on stage " : " on stages ";
        for (size_t i = 0; i < refused.size(); ++i)
          where += (i == 0 ? "" : i + 1 == refused.size() ? " and " : ", ") + refused[i];
      }
      // The first few grants say what is allowed instead (a template can have hundreds).
      std::vector<core::Note> notes;
      for (const Grant& grant : grants) {
        if (notes.size() == kMaxNotes) break;
        notes.push_back(core::Note{
            grant.node->span(),
            grant.what + " allows `" + sam::describeExecuteApiPattern(*grant.pattern) + "`"});
      }
      reporter.report(*ref.node,
                      "No API Gateway permission for " +
                          callers::describeTarget(ref.function, key) +
                          " has a `SourceArn` that allows `" + call.method + " " + call.path +
                          "` of `" + call.api + "`" + where + context,
                      std::move(notes));
    }
  }

  static bool allowed(const std::vector<Grant>& grants, sam::ExecuteApiCall call,
                      const CallStage& stage) {
    call.stage = stage.name;
    sam::ExecuteApiMatcher matcher(call);
    for (const Grant& grant : grants) {
      if (matcher.allowedBy(*grant.pattern)) return true;
    }
    return false;
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(PermissionSourceArnMismatch)

}  // namespace samshift::rules
