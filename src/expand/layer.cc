#include "expand/layer.h"

#include "expand/builders.h"
#include "expand/pass_through.h"
#include "sam/deployment_model.h"
#include "sam/layer.h"

namespace samshift::expand {

using model::Node;

std::string expandLayer(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  sam::LayerModel layer = sam::readLayer(ctx.templ, resource, ctx.params);
  if (!layer.resolveFailure.empty()) {
    ctx.notSupported(layer.resolveFailure);
    return {};
  }
  if (!layer.content) {  // sam::validateLayer rejects it, unless samshift cannot read the URI
    ctx.notSupported("ContentUri of layer " + id +
                     (layer.contentUnsure ? " (a URI Python's urlparse may read otherwise)" : ""));
    return {};
  }
  const Node& props = layer.props;
  auto given = [&](const char* name) -> const Node* {
    const Node* value = props.get(name);
    return value && !value->isNull() ? value : nullptr;
  };
  // LambdaLayerVersion.property_types order; LayerName is the old logical ID when falsy.
  Node out = Node::mapping();
  out.set("Content", *layer.content);
  if (const Node* description = given("Description")) out.set("Description", *description);
  const Node* name = props.get("LayerName");
  out.set("LayerName", name && sam::pythonTruthy(*name) ? *name : str(id));
  for (const char* key : {"CompatibleArchitectures", "CompatibleRuntimes", "LicenseInfo"}) {
    if (const Node* value = given(key)) out.set(key, *value);
  }
  // Type, DependsOn, the pass-through attributes, DeletionPolicy Retain when not given, then
  // RetentionPolicy's value in DeletionPolicy's place.
  Node result = passThroughResource("AWS::Lambda::LayerVersion", resource);
  if (!resource.deletionPolicy) result.set("DeletionPolicy", str("Retain"));
  if (layer.retention) result.set("DeletionPolicy", str(*layer.retention));
  result.set("Properties", std::move(out));
  ctx.add(layer.logicalId, std::move(result));
  return layer.logicalId;
}

}  // namespace samshift::expand
