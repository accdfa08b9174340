#include "sam/api_stages.h"

#include "sam/event_callers.h"
#include "sam/function_callers.h"
#include "sam/globals.h"

namespace samshift::sam {

using model::Node;

void ApiStages::add(std::string_view api, const Node* name, const Node* variables, core::Span span,
                    bool samExtraStage) {
  if (api.empty()) return;
  ApiStage stage{std::string(), true,         nullptr, variables ? *variables : Node(),
                 span,          samExtraStage};
  if (name) {
    std::optional<std::string> resolved = params_.string(*name);
    stage.known = resolved.has_value();
    stage.name = resolved.value_or("");
    if (!stage.known) stage.nameNode = name;
  }
  std::vector<ApiStage>& stages = stages_[std::string(api)];
  for (const ApiStage& other : stages) {
    // A Deployment's StageName and its Stage resource.
    bool same = stage.known ? other.known && other.name == stage.name
                            : !other.known && other.nameNode->sameValue(*stage.nameNode);
    if (same) return;
  }
  stages.push_back(std::move(stage));
}

ApiStages::ApiStages(const model::Template& templ, const ParameterValues& params)
    : templ_(templ), params_(params) {
  for (const model::ResourceView& resource : templ.resources()) {
    std::string_view type = resource.type;
    core::Span at = resource.idNode ? resource.idNode->span() : core::Span{};
    if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi") {
      bool http = type == "AWS::Serverless::HttpApi";
      Node merged = propertiesWithGlobals(templ, resource);
      // The node in the template, not in the merged copy: an unresolved name is kept.
      const Node* name = propertySource(templ, resource, "StageName");
      Node defaultName = Node::string(std::string(kHttpApiDefaultStage));
      if (!name && http) name = &defaultName;
      core::Span apiSpan = at;
      if (name && name != &defaultName) at = name->span();
      add(resource.id, name,
          merged.isMapping() ? merged.get(http ? "StageVariables" : "Variables") : nullptr, at);
      if (!http && hasExtraRestApiStage(merged)) {
        Node extra = Node::string(std::string(kExtraRestApiStage));
        add(resource.id, &extra, nullptr, apiSpan, true);
      }
    } else if (type == "AWS::ApiGateway::Stage") {
      add(referencedId(resource.property("RestApiId")), resource.property("StageName"),
          resource.property("Variables"), at);
    } else if (type == "AWS::ApiGateway::Deployment" && resource.property("StageName")) {
      const Node* description = resource.property("StageDescription");
      add(referencedId(resource.property("RestApiId")), resource.property("StageName"),
          description ? description->get("Variables") : nullptr, at);
    } else if (type == "AWS::ApiGatewayV2::Stage") {
      add(referencedId(resource.property("ApiId")), resource.property("StageName"),
          resource.property("StageVariables"), at);
    }
  }
}

std::vector<ApiStage> ApiStages::of(std::string_view api, core::Span callerSpan) const {
  if (auto found = stages_.find(api); found != stages_.end()) return found->second;
  if (api == kImplicitRestApiId && !templ_.resource(api)) {
    std::vector<ApiStage> stages{
        ApiStage{std::string(kImplicitRestApiStage), true, nullptr, Node(), callerSpan}};
    const Node* globals = templ_.globals();
    const Node* globalApi = globals && globals->isMapping() ? globals->get("Api") : nullptr;
    if (hasExtraRestApiStage(globalApi ? *globalApi : Node()))
      stages.push_back(
          ApiStage{std::string(kExtraRestApiStage), true, nullptr, Node(), callerSpan, true});
    return stages;
  }
  if (api == kImplicitHttpApiId && !templ_.resource(api))
    return {ApiStage{std::string(kHttpApiDefaultStage), true, nullptr, Node(), callerSpan}};
  return {};
}

}  // namespace samshift::sam
