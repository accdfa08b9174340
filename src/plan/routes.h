#pragma once
// Who calls each Lambda function of a template and what the call reaches: the routes of
// `samshift plan --view routes`. A route is one caller — an API stage and route, an HTTP API, a
// function URL, an event source, a state machine — with the qualifier it invokes (an alias, a
// version, `$LATEST`, or a stage variable resolved for each stage), the versions behind that
// qualifier with their weights, and the deployment that shifts them. src/sam finds the callers
// (sam/function_callers.h, sam/event_callers.h) and says which qualifier SAM's own events invoke;
// plan/deployments.h finds the deployments.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"
#include "model/template.h"
#include "plan/deployments.h"
#include "sam/parameter_values.h"

namespace samshift::plan {

enum class CallerKind { kRestApi, kHttpApi, kFunctionUrl, kEventSource, kStateMachine };
// "rest api", "http api", "function url", "event source", "state machine".
std::string_view callerKindName(CallerKind kind);

// What a caller reaches.
enum class RouteTarget {
  kAlias,     // an alias (explicit, or SAM's AutoPublishAlias alias)
  kVersion,   // a version: a number, or a version resource
  kLatest,    // `$LATEST`, written as a qualifier
  kFunction,  // the function unqualified: runs `$LATEST`
  kUnknown,   // a qualifier samshift cannot read (an unset stage variable, a parameter without
              // value)
};
// "alias", "version", "$LATEST", "function", "unknown".
std::string_view routeTargetName(RouteTarget target);

struct VersionWeight {
  std::string version;  // "$LATEST", "3", a version resource's logical ID, or what SAM publishes
  double percent = 0;
};

struct Route {
  CallerKind kind = CallerKind::kEventSource;
  std::string caller;    // logical ID of the resource the call is written in
  std::string via;       // "GET /orders", "SQS from Queue", "Targets.Arn", "Definition"
  std::string event;     // a SAM event of the function (`caller`): its name under Events
  std::string api;       // API callers: the API's logical ID; empty otherwise
  std::string stage;     // API callers: the stage name; empty when the template has none
  core::Span stageSpan;  // where the stage is defined (see StageRoute)
  core::Span span;       // where the call is written

  std::string function;       // logical ID of the function called
  std::string stageVariable;  // the stage variable the qualifier comes from, when one
  RouteTarget target = RouteTarget::kFunction;
  std::string qualifier;      // alias name or version as resolved; empty when none or unknown
  std::string aliasResource;  // logical ID of the alias resource, when the target is an alias
  std::vector<VersionWeight> versions;   // in the order the alias lists them; empty when unknown
  std::optional<Deployment> deployment;  // what shifts the alias's traffic, when something does
  bool bypassesAlias = false;  // the function has an alias, and this caller does not use it
  std::string bypassedAlias;   // that alias's name (its first, when several), when readable
  std::vector<std::string> notes;
};

// Every route of the template: callers in resource order, API callers once per stage.
// `deployments` are the template's (findDeployments), to name what shifts each alias.
std::vector<Route> findRoutes(const model::Template& templ, const sam::ParameterValues& params,
                              const std::vector<Deployment>& deployments);

// One line per API stage, for an editor's code lens above the stage: what each of its routes
// reaches, e.g. "dev → DEV → $LATEST" or "prod → PROD → OrdersV1 95% · OrdersV2 5%" (different
// results of one stage joined by " | "). `span` is where the stage is defined: an
// AWS::ApiGateway::Stage's logical ID, a SAM API's StageName, or the first event of an implicit
// API.
struct StageRoute {
  std::string api;
  std::string stage;
  core::Span span;
  std::string summary;
};
// `deployments`: the template's (findDeployments), when the caller has them already.
std::vector<StageRoute> stageRoutes(const model::Template& templ,
                                    const sam::ParameterValues& params,
                                    const std::vector<Deployment>& deployments);
std::vector<StageRoute> stageRoutes(const model::Template& templ,
                                    const sam::ParameterValues& params);

// "rest api OrdersApi stage dev: GET /orders (OrdersGet)", "event source Fn event `Jobs`: SQS
// from Queue".
std::string routeHeading(const Route& route);
// "OrdersV1 95% · OrdersV2 5%".
std::string describeVersions(const std::vector<VersionWeight>& versions);

}  // namespace samshift::plan
