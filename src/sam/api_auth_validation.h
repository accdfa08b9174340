#pragma once
// SAM's rejections of a REST API's Auth: ApiGenerator._add_auth and _get_authorizers
// (model/api/api_generator.py), ApiGatewayAuthorizer (model/apigateway.py), and what
// SwaggerEditor (swagger/swagger.py, open_api/base_editor.py) refuses in the user's DefinitionBody
// while it adds them; and an Api event's Auth as PushApi.add_auth_to_swagger
// (model/eventsources/push.py) checks it against its API.

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// What SAM does with an API's Auth.
enum class AuthVerdict {
  kAdded,     // SAM adds it (or there is none)
  kRejected,  // the problem is in `out`
  kUnknown,   // samshift cannot tell (a check it does not model)
};

struct ApiAuthInput {
  const model::Template& templ;
  const model::Node& props;  // the API's Properties with Globals
  bool managed;              // SAM made the body (no DefinitionBody or DefinitionUri of its own)
  bool hasBody;              // a body, SAM's or the user's
  std::optional<bool> validBody;  // SwaggerEditor.is_valid of it; nullopt when unknown
  const model::Node* authSource;  // the template's Auth node (local or Globals)
  const model::Node* bodySource;  // the template's DefinitionBody node, when the user gave one
};

// ApiGatewayAuthorizer._is_missing_identity_source of a REQUEST authorizer's Identity: no
// Headers, QueryStrings, StageVariables or Context, unless `int(ReauthorizeEvery)` is 0 or less.
// nullopt where samshift does not know what int() gives, or Identity is not a map.
std::optional<bool> missingIdentitySource(const model::Node* identity);

// _add_auth up to its ResourcePolicy; the problems point into the template (authSource,
// bodySource).
AuthVerdict validateApiAuth(const ApiAuthInput& input, std::vector<SamProblem>& out);

// add_auth_to_swagger's rejection of the Auth of an Api event (`event`: its {Type, Properties})
// of a function or state machine, on the API it names, when SAM applies it: to a body SAM manages,
// or with OverrideApiAuth to the API's own DefinitionBody. The message is the event's, without
// "Event with id [...] is invalid.". nullopt when SAM applies it or samshift cannot tell.
struct ApiEventAuthRejection {
  std::string code;
  std::string message;
  const model::Node* node;
};
std::optional<ApiEventAuthRejection> apiEventAuthRejection(const model::Template& templ,
                                                           const model::Node& event,
                                                           bool stateMachine);

}  // namespace samshift::sam
