#include "expand/api/models.h"

#include <cctype>

#include "expand/api/swagger.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

bool addModels(ExpandContext& ctx, const std::string& id, RestApi& api, const Node& models) {
  std::string what = "Models of AWS::Serverless::Api " + id;
  // SAM rejects Models without an inline Swagger body, and a model that is not a map or has no
  // type; those are not yet SamProblems.
  bool valid = api.body && isValidSwagger(*api.body) && models.isMapping() && !models.isIntrinsic();
  for (const MapEntry& entry : valid ? models.entries() : model::kNoEntries) {
    const Node& schema = entry.value;
    if (!schema.isMapping() || schema.isIntrinsic() || !schema.get("type") ||
        !sam::pythonTruthy(*schema.get("type"))) {
      valid = false;
    }
    for (char c : entry.key.text()) {
      if (static_cast<unsigned char>(c) >= 0x80) valid = false;  // str.lower() beyond ASCII
    }
  }
  PyObject& body = *api.body;
  const PyObject* existing = valid ? body.get("definitions") : nullptr;
  bool existingTruthy = existing && sam::pythonTruthy(existing->toNode());
  if (!valid || (existingTruthy && !existing->isDict())) {
    ctx.notSupported("API Gateway: SAM's rejection of the " + what);
    return false;
  }
  body.deepcopy();
  PyObject definitions = existingTruthy ? *existing : PyObject::dict(true);
  // The models in the Py27Dict order SAM walks them, each under its lower-cased name.
  PyObject ordered = PyObject::fromTemplate(models);
  for (const std::string& name : ordered.keys()) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    definitions.set(lower, *ordered.get(name), true);
  }
  body.set("definitions", std::move(definitions));
  body.deepcopy();
  return true;
}

}  // namespace samshift::expand::api
