// R005: an integration picks the alias with a stage variable, and some stage sets that variable
// to an alias no permission lets API Gateway invoke.

#include <set>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/callers/function_references.h"

namespace samshift::rules {

namespace {

using callers::FunctionReference;
using callers::Qualifier;

struct StageValue {
  std::string value;
  const model::Node* node;
  std::string stage;  // the resource (or Globals) that sets it
};

void addVariable(const model::Template& templ, const model::Node* variables,
                 const std::string& name, const std::string& stage, std::vector<StageValue>& out) {
  const model::Node* value = variables ? variables->get(name) : nullptr;
  if (!value) return;
  if (value->isScalar() && !value->isNull()) {
    out.push_back(StageValue{value->text(), value, stage});
  } else if (auto ref = model::refName(*value)) {
    const model::Node* parameter = templ.parameter(*ref);
    const model::Node* fallback = parameter ? parameter->get("Default") : nullptr;
    if (fallback && fallback->isScalar() && !fallback->isNull())
      out.push_back(StageValue{fallback->text(), value, stage});
  }
}

// Every value the template gives stage variable `name`.
std::vector<StageValue> stageValues(const model::Template& templ, const std::string& name) {
  std::vector<StageValue> out;
  if (const model::Node* globals = templ.globals()) {
    const model::Node* api = globals->get("Api");
    addVariable(templ, api ? api->get("Variables") : nullptr, name, "Globals", out);
    const model::Node* httpApi = globals->get("HttpApi");
    addVariable(templ, httpApi ? httpApi->get("StageVariables") : nullptr, name, "Globals", out);
  }
  for (const model::ResourceView& resource : templ.resources()) {
    std::string id(resource.id);
    std::string_view type = resource.type;
    if (type == "AWS::ApiGateway::Stage" || type == "AWS::Serverless::Api") {
      addVariable(templ, resource.property("Variables"), name, id, out);
    } else if (type == "AWS::ApiGatewayV2::Stage" || type == "AWS::Serverless::HttpApi") {
      addVariable(templ, resource.property("StageVariables"), name, id, out);
    } else if (type == "AWS::ApiGateway::Deployment") {
      const model::Node* description = resource.property("StageDescription");
      addVariable(templ, description ? description->get("Variables") : nullptr, name, id, out);
    }
  }
  return out;
}

class StageVariablePermission : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "R005", "stage-variable-without-permission", core::Severity::kWarning,
        "A stage variable names an alias that API Gateway has no permission to "
        "invoke",
        R"(## What it does
For an API integration that chooses the alias with a stage variable
(`${Fn.Arn}:${stageVariables.alias}`), collects the values the template's stages give that
variable (`Variables` of `AWS::ApiGateway::Stage`, `AWS::Serverless::Api` and `Globals.Api`,
`StageDescription.Variables` of a deployment, `StageVariables` of HTTP API stages, a parameter's
default) and reports each value for which no `AWS::Lambda::Permission` with an API Gateway
principal allows invoking that alias (or version) of the function.

## Why is this bad?
A permission names one exact ARN. With a stage variable the ARN is only known per stage, so
each alias a stage can name needs its own permission; without it that stage answers every
request with 500 "Invalid permissions on Lambda function", often only in the stage nobody
tested (prod).

## Example
```yaml
ProdStage:
  Type: AWS::ApiGateway::Stage
  Properties:
    Variables:
      alias: prod
LivePermission:
  Type: AWS::Lambda::Permission
  Properties:
    Principal: apigateway.amazonaws.com
    Action: lambda:InvokeFunction
    FunctionName: !Sub ${Fn.Arn}:live
```

## Use instead
```yaml
ProdPermission:
  Type: AWS::Lambda::Permission
  Properties:
    Principal: apigateway.amazonaws.com
    Action: lambda:InvokeFunction
    FunctionName: !Sub ${Fn.Arn}:prod
```
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    const callers::FunctionIndex& index = callers::functionIndex(context);
    std::vector<std::pair<FunctionReference, const callers::ApiIntegration*>> uses;
    for (const callers::ApiIntegration& integration : callers::apiIntegrations(context)) {
      for (FunctionReference& ref : index.references(*integration.uri)) {
        if (ref.qualifier == Qualifier::kStageVariable)
          uses.emplace_back(std::move(ref), &integration);
      }
    }
    if (uses.empty()) return;
    std::map<std::string, std::set<std::string>> granted;
    for (const callers::Permission& permission : callers::permissions(context)) {
      if (!callers::isApiGatewayPrincipal(permission.principal)) continue;
      for (const FunctionReference& ref : index.references(*permission.functionName)) {
        if (auto key = callers::targetKey(ref)) granted[ref.function].insert(*key);
      }
    }
    for (const auto& [ref, integration] : uses) {
      std::set<std::string> reported;
      for (const StageValue& stage : stageValues(templ, ref.name)) {
        bool version = !stage.value.empty() &&
                       stage.value.find_first_not_of("0123456789") == std::string::npos;
        std::string key = version ? "#" + stage.value : stage.value;
        if (granted[ref.function].count(key) || !reported.insert(key).second) continue;
        std::string target = version ? "version " + stage.value + " of `" + ref.function + "`"
                                     : "`" + ref.function + ":" + stage.value + "`";
        reporter.report(*ref.node,
                        "`${stageVariables." + ref.name + "}` can name `" + stage.value +
                            "`, but no API Gateway permission allows invoking " + target,
                        {core::Note{stage.node->span(), "`" + stage.stage + "` sets `" + ref.name +
                                                            "` to `" + stage.value + "` here"}});
      }
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(StageVariablePermission)

}  // namespace samshift::rules
