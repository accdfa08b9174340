#include "plan/api_stages.h"

#include "plan/values.h"
#include "sam/event_callers.h"
#include "sam/function_callers.h"
#include "sam/globals.h"

namespace samshift::plan {

using model::Node;

void ApiStages::add(std::string_view api, const Node* name, const Node* variables,
                    core::Span span) {
  if (api.empty()) return;
  std::string shown;
  if (name) {
    auto resolved = params_.string(*name);
    shown = resolved ? *resolved : display(*name);
  }
  std::vector<ApiStage>& stages = stages_[std::string(api)];
  for (const ApiStage& known : stages) {
    if (known.name == shown) return;  // a Deployment's StageName and its Stage resource
  }
  stages.push_back(ApiStage{shown, variables ? *variables : Node(), span});
}

ApiStages::ApiStages(const model::Template& templ, const sam::ParameterValues& params)
    : templ_(templ), params_(params) {
  for (const model::ResourceView& resource : templ.resources()) {
    std::string_view type = resource.type;
    core::Span at = resource.idNode ? resource.idNode->span() : core::Span{};
    if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi") {
      bool http = type == "AWS::Serverless::HttpApi";
      Node merged = sam::propertiesWithGlobals(templ, resource);
      const Node* name = merged.isMapping() ? merged.get("StageName") : nullptr;
      Node defaultName = Node::string(std::string(sam::kHttpApiDefaultStage));
      if (!name && http) name = &defaultName;
      core::Span apiSpan = at;
      if (const Node* written = sam::propertySource(templ, resource, "StageName"))
        at = written->span();
      add(resource.id, name,
          merged.isMapping() ? merged.get(http ? "StageVariables" : "Variables") : nullptr, at);
      if (!http && sam::hasExtraRestApiStage(merged)) {
        Node extra = Node::string(std::string(sam::kExtraRestApiStage));
        add(resource.id, &extra, nullptr, apiSpan);
      }
    } else if (type == "AWS::ApiGateway::Stage") {
      add(sam::referencedId(resource.property("RestApiId")), resource.property("StageName"),
          resource.property("Variables"), at);
    } else if (type == "AWS::ApiGateway::Deployment" && resource.property("StageName")) {
      const Node* description = resource.property("StageDescription");
      add(sam::referencedId(resource.property("RestApiId")), resource.property("StageName"),
          description ? description->get("Variables") : nullptr, at);
    } else if (type == "AWS::ApiGatewayV2::Stage") {
      add(sam::referencedId(resource.property("ApiId")), resource.property("StageName"),
          resource.property("StageVariables"), at);
    }
  }
}

std::vector<ApiStage> ApiStages::of(std::string_view api, core::Span callerSpan) const {
  if (auto found = stages_.find(api); found != stages_.end()) return found->second;
  if (api == sam::kImplicitRestApiId && !templ_.resource(api)) {
    std::vector<ApiStage> stages{
        ApiStage{std::string(sam::kImplicitRestApiStage), Node(), callerSpan}};
    const Node* globals = templ_.globals();
    const Node* globalApi = globals && globals->isMapping() ? globals->get("Api") : nullptr;
    if (sam::hasExtraRestApiStage(globalApi ? *globalApi : Node()))
      stages.push_back(ApiStage{std::string(sam::kExtraRestApiStage), Node(), callerSpan});
    return stages;
  }
  if (api == sam::kImplicitHttpApiId && !templ_.resource(api))
    return {ApiStage{std::string(sam::kHttpApiDefaultStage), Node(), callerSpan}};
  return {};
}

}  // namespace samshift::plan
