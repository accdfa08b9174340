#pragma once
// What an API Gateway permission allows: the `SourceArn` of an `AWS::Lambda::Permission` read as
// a pattern over the execute-api ARN API Gateway invokes with,
// `arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/RESOURCE_PATH`, and whether it
// allows one call: a method and path of an API on a stage (docs/sam-semantics.md §8.11).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/event_callers.h"
#include "sam/function_callers.h"
#include "sam/parameter_values.h"

namespace samshift::sam {

// The part of a SourceArn after the ARN's fifth colon (`API_ID/STAGE/METHOD/RESOURCE_PATH`), as a
// pattern Lambda compares with StringLike: `*` any run of characters, `/` included, `?` one
// character. A resource of the template the ARN names (`${Api}`, `!Ref Api`, `${Api.ApiId}`)
// stands for that API's ID; whatever cannot be read (a pseudo-parameter, a parameter without a
// value, an import, an `Fn::If`) counts as `*`, and so does a path parameter written in the
// pattern (`{id}`), so that an ARN samshift reads only in part allows more, never less.
// Nullopt when the value is not an execute-api ARN samshift can split.
std::optional<std::string> executeApiSourcePattern(const model::Node& sourceArn,
                                                   const model::Template& templ,
                                                   const ParameterValues& params);

// One way API Gateway calls an integration: `method` (upper case; `ANY` for any method) and
// `path` (`/orders/{id}`) of the API whose logical ID is `api`, on stage `stage` (unknown: any
// stage the template does not name).
struct ExecuteApiCall {
  std::string api;
  std::optional<std::string> stage;
  std::string method;
  std::string path;
};

// The calls of an integration's route, without the stage: one per `METHOD /path` of
// ApiIntegration::route. Routes whose ARN samshift cannot write are left out: an unknown method
// or path, an HTTP API's `$default` route, a WebSocket route key.
std::vector<ExecuteApiCall> executeApiCalls(const ApiIntegration& integration);

// Whether a pattern (executeApiSourcePattern) allows `call` whatever values its path parameters
// take. A method of `ANY` is allowed by a pattern for any method, or for `ANY` itself. On an
// unknown stage, whether it allows the call on some stage: the stage the pattern names. The
// call's ARNs are written once, for the many permissions a call may be compared with.
class ExecuteApiMatcher {
 public:
  explicit ExecuteApiMatcher(const ExecuteApiCall& call);
  bool allowedBy(std::string_view pattern) const;

 private:
  bool anyStage_ = false;
  std::vector<std::string> arns_;  // the ARNs the call may carry; any one allowed is enough
};
bool executeApiAllows(std::string_view pattern, const ExecuteApiCall& call);

// The `METHOD/path` SAM writes after the stage in the permission of an Api or HttpApi event
// (`Api._get_permission`): `*` for `ANY`, every path parameter (`{id}`, `{proxy+}`) as `*`, a
// trailing slash dropped. Expand writes it; R006 reads what it allows.
std::string samPermissionResource(std::string_view method, std::string_view path);

// The pattern of the permission SAM writes for an `Api` event of a REST API: every stage
// (`${Api}/*/GET/orders`). Nullopt when the event's API, method or path cannot be read.
std::optional<std::string> samApiEventPermissionPattern(const SamEventCaller& caller);

// The pattern as a user reads it: the API's token back as `${Api}`.
std::string describeExecuteApiPattern(std::string_view pattern);

}  // namespace samshift::sam
