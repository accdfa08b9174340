#pragma once
// The stages that serve each API of a template, with their stage variables: what a
// `${stageVariables.x}` qualifier resolves against (plan routes) and which stages an execute-api
// permission must allow (rule R006). A SAM API's stage (and the extra `Stage` SAM adds to a REST
// API without OpenApiVersion), AWS::ApiGateway::Stage resources, a Deployment's StageName,
// AWS::ApiGatewayV2::Stage resources; and the stages SAM gives its implicit APIs
// (sam/event_callers.h).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"
#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"

namespace samshift::sam {

struct ApiStage {
  std::string name;  // resolved with the parameters; empty when unknown or not written
  // Whether `name` is the stage's name: false when StageName is a value the parameters do not
  // resolve (`nameNode` shows it).
  bool known = true;
  const model::Node* nameNode = nullptr;  // the unresolved name as written in the template
  model::Node variables;                  // a copy: a SAM API's are merged with Globals
  core::Span span;                        // where the stage is defined
  bool samExtraStage = false;             // the `Stage` stage SAM adds beside a REST API's own
};

class ApiStages {
 public:
  // Reads every stage of the template once; `params` resolve stage names.
  ApiStages(const model::Template& templ, const ParameterValues& params);

  // The stages serving `api`, in resource order; for an implicit API of SAM's (not in the
  // template), the ones SAM gives it, placed at `callerSpan`. Empty when none is known.
  std::vector<ApiStage> of(std::string_view api, core::Span callerSpan) const;

 private:
  void add(std::string_view api, const model::Node* name, const model::Node* variables,
           core::Span span, bool samExtraStage = false);

  const model::Template& templ_;
  const ParameterValues& params_;
  std::map<std::string, std::vector<ApiStage>, std::less<>> stages_;
};

}  // namespace samshift::sam
