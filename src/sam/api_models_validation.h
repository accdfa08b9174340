#pragma once
// SAM's rejections of REST API Models and of what an Api event asks of them: the API's Models
// (ApiGenerator._add_models, SwaggerEditor.add_models) and an event's RequestModel and
// RequestParameters (Api._add_swagger_integration in model/eventsources/push.py).

#include <optional>
#include <string>
#include <string_view>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// _add_models on an API that has (after Globals) `props`; `hasBody`: it has an inline or
// SAM-made body, `validBody`: SwaggerEditor.is_valid of it. nullopt when SAM adds the Models.
std::optional<SamProblem> apiModelsProblem(const model::Node& props, bool hasBody, bool validBody,
                                           const model::Node* source);

// What an Api event of a function cannot ask of the SAM-managed API it names, with the
// event's message (InvalidEventException's text without "Event with id [...] is invalid.").
struct ApiEventRejection {
  std::string code;
  std::string message;
  const model::Node* node;
};
std::optional<ApiEventRejection> apiEventRejection(const model::Template& templ,
                                                   const model::Node& event);

}  // namespace samshift::sam
