#pragma once
// What the checks of one resource need from the whole template, built once per template when
// first asked: SAM's answer for a function depends on the functions it translates before it, and
// reading those again for each function costs a walk of the template per function (quadratic on
// a template of thousands). A caller that validates every resource (lint's facts, expand, plan)
// keeps one and hands it to validateSamResource.

#include <optional>

#include "model/template.h"
#include "sam/api_route_claims.h"
#include "sam/push_events.h"

namespace samshift::sam {

class TemplateIndex {
 public:
  explicit TemplateIndex(const model::Template& templ) : templ_(&templ) {}

  // Which event takes each method of the APIs SAM manages.
  const ApiRouteClaims& apiRoutes() const;
  // The Cognito events of the functions, by user pool.
  const CognitoEventsByPool& cognitoEvents() const;
  // sam::samConvertsToPy27 of the template.
  bool convertsToPy27() const;

 private:
  const model::Template* templ_;
  mutable std::optional<ApiRouteClaims> apiRoutes_;
  mutable std::optional<CognitoEventsByPool> cognitoEvents_;
  mutable std::optional<bool> convertsToPy27_;
};

}  // namespace samshift::sam
