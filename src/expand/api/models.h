#pragma once
// An API's Models as ApiGenerator._add_models writes them into the body's definitions.

#include <string>

#include "expand/api/api_state.h"
#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand::api {

// SwaggerEditor.add_models between the editor's two copies; false after refusing.
bool addModels(ExpandContext& ctx, const std::string& id, RestApi& api, const model::Node& models);

}  // namespace samshift::expand::api
