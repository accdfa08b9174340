#include "expand/pass_through.h"

#include "sam/deployment_model.h"

namespace samshift::expand {

model::Node passThroughResource(const std::string& type, const model::ResourceView& resource) {
  model::Node head = model::Node::mapping();
  head.set("Type", model::Node::string(type));
  if (resource.dependsOn && sam::pythonTruthy(*resource.dependsOn))
    head.set("DependsOn", *resource.dependsOn);
  if (resource.condition) head.set("Condition", *resource.condition);
  if (resource.deletionPolicy) head.set("DeletionPolicy", *resource.deletionPolicy);
  if (resource.updateReplacePolicy) head.set("UpdateReplacePolicy", *resource.updateReplacePolicy);
  return head;
}

}  // namespace samshift::expand
