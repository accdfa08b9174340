#pragma once
// SAM's rejections of what the DefinitionBody of an AWS::Serverless::Api holds, met by the
// SwaggerEditor its ApiGenerator builds (swagger/swagger.py, open_api/base_editor.py) and by
// ApiGenerator._openapi_postprocess. Each check looks at the body as the template writes it
// (a body of the user's own: SAM's skeleton never fails them).

#include <optional>

#include "model/node.h"
#include "sam/validation.h"

namespace samshift::sam {

// A check's outcome: SAM's problem, none, or unknown to samshift (where two paths fail and the
// first of them in Python 2.7 dict order would decide the message).
struct BodyVerdict {
  std::optional<SamProblem> problem;
  bool unknown = false;
  bool settled() const { return problem || unknown; }
};

// SwaggerEditor.__init__ on a body SwaggerEditor.is_valid accepts: each path item, or each branch
// of its Fn::If, must be a map, and an Fn::If must hold a list.
BodyVerdict swaggerEditorVerdict(const model::Node& body);

// _add_cors's add_cors loop on a valid body: a falsy AllowOrigin is rejected at the first path
// without an OPTIONS method. `source`: where Cors is written.
BodyVerdict corsOriginVerdict(const model::Node& body, const model::Node& cors,
                              const model::Node* source);

// SwaggerEditor.add_disable_execute_api_endpoint_extension on a valid body: the extension (at
// the top, or in each of `servers` of an OpenAPI 3 body) must be a map.
BodyVerdict endpointExtensionVerdict(const model::Node& body);

// _openapi_postprocess of a body (`openApiVersion`: the API's OpenApiVersion, or null): an
// OpenAPI 3 body's paths, path items, OPTIONS methods and their 200 response headers must be maps.
BodyVerdict openApiPostprocessVerdict(const model::Node& body, const model::Node* openApiVersion);

// SwaggerEditor.__init__'s message for a body is_valid refuses.
SamProblem invalidSwaggerProblem(const model::Node* node);

}  // namespace samshift::sam
