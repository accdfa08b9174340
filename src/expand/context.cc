#include "expand/context.h"

namespace samshift::expand {

using model::Node;

PassThrough passThroughOf(const model::ResourceView& resource) {
  return {resource.condition, resource.deletionPolicy, resource.updateReplacePolicy};
}

Node makeResource(const std::string& type, Node properties, const PassThrough& attributes) {
  Node resource = Node::mapping();
  resource.set("Type", Node::string(type));
  if (attributes.condition) resource.set("Condition", *attributes.condition);
  if (attributes.deletionPolicy) resource.set("DeletionPolicy", *attributes.deletionPolicy);
  if (attributes.updateReplacePolicy) resource.set("UpdateReplacePolicy", *attributes.updateReplacePolicy);
  resource.set("Properties", std::move(properties));
  return resource;
}

}  // namespace samshift::expand
