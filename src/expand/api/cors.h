#pragma once
// An API's `Cors`: an OPTIONS method with a mock integration on every path of a Swagger body
// (samtranslator/model/api/api_generator.py `_add_cors`, swagger/swagger.py `add_cors`).

#include <string>

#include "expand/context.h"

namespace samshift::expand::api {

// Adds the OPTIONS methods to the API's body, between the editor's two copies. False, after
// refusing the template, where SAM rejects it or samshift does not model what SAM does.
bool addCors(ExpandContext& ctx, const std::string& id, RestApi& api, const model::Node& cors);

}  // namespace samshift::expand::api
