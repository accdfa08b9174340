#pragma once
// The callers SAM makes for a function out of its own properties: each event under `Events` and
// the URL of `FunctionUrlConfig`. With AutoPublishAlias SAM points every one of them at the alias
// it generates, never at the function (docs/sam-semantics.md §8, §8.10).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/deployment_model.h"

namespace samshift::sam {

// The APIs SAM makes for Api and HttpApi events without RestApiId/ApiId, and their stages
// (plugins/api/implicit_rest_api_plugin.py: StageName "Prod"; model/api/http_api_generator.py:
// DefaultStageName "$default", also the default of an explicit HttpApi).
inline constexpr std::string_view kImplicitRestApiId = "ServerlessRestApi";
inline constexpr std::string_view kImplicitRestApiStage = "Prod";
inline constexpr std::string_view kImplicitHttpApiId = "ServerlessHttpApi";
inline constexpr std::string_view kHttpApiDefaultStage = "$default";

// A REST API SAM builds (an AWS::Serverless::Api, or the implicit ServerlessRestApi) without a
// truthy OpenApiVersion has a second stage, "Stage": its Deployment's StageName
// (model/api/api_generator.py: `remove_extra_stage = open_api_version`, _construct_deployment).
// `properties`: the API's Properties with Globals applied (for the implicit API, `Globals: Api`).
inline constexpr std::string_view kExtraRestApiStage = "Stage";
bool hasExtraRestApiStage(const model::Node& properties);

struct SamEventCaller {
  std::string name;                   // the event's key under Events; "FunctionUrlConfig"
  std::string type;                   // the event's Type ("Api", "SQS", …); "FunctionUrl"
  const model::Node* node = nullptr;  // the event (or the FunctionUrlConfig) node
  // The qualifier SAM gives the call: the generated alias when the function has AutoPublishAlias
  // (`alias` its resolved name, empty when SAM cannot read it), else none: the function itself,
  // so `$LATEST`.
  bool throughAlias = false;
  std::string alias;
  // Api and HttpApi events: the API the route is added to (the Ref of RestApiId/ApiId, else the
  // implicit API; empty when it is not a Ref or a name), and the route as written.
  std::string api;
  std::string method;  // "GET", "ANY"; HttpApi default route: "ANY"
  std::string path;    // "/orders"; HttpApi default route: "$default"
  // Other events: the property naming what calls (Queue, Stream, Topic, Bucket, Schedule, …),
  // null when none is written.
  const model::Node* source = nullptr;
};

// The callers of an AWS::Serverless::Function, from its Properties with Globals applied and its
// deployment model, in SAM's event order; anything that is not a well-formed event is skipped.
// The callers point into `properties`.
std::vector<SamEventCaller> samEventCallers(const model::Node& properties,
                                            const std::optional<DeploymentModel>& model);

}  // namespace samshift::sam
