#include "expand/pass_through.h"

#include "sam/deployment_model.h"
#include "sam/resource_attributes.h"

namespace samshift::expand {

namespace {

// Type and DependsOn (when truthy): Resource._generate_resource_dict.
model::Node typeAndDependsOn(const std::string& type, const model::ResourceView& resource) {
  model::Node head = model::Node::mapping();
  head.set("Type", model::Node::string(type));
  if (resource.dependsOn && sam::pythonTruthy(*resource.dependsOn))
    head.set("DependsOn", *resource.dependsOn);
  return head;
}

}  // namespace

model::Node passThroughResource(const std::string& type, const model::ResourceView& resource) {
  model::Node head = typeAndDependsOn(type, resource);
  if (resource.condition) head.set("Condition", *resource.condition);
  if (resource.deletionPolicy) head.set("DeletionPolicy", *resource.deletionPolicy);
  if (resource.updateReplacePolicy) head.set("UpdateReplacePolicy", *resource.updateReplacePolicy);
  return head;
}

model::Node allAttributesResource(const std::string& type, const model::ResourceView& resource) {
  model::Node head = typeAndDependsOn(type, resource);
  if (!resource.node || !resource.node->isMapping()) return head;
  // In SAM's order (sam/resource_attributes.h), as makeMainResource writes them.
  for (std::string_view name : sam::kSupportedResourceAttributes) {
    if (const model::Node* value = resource.node->get(name)) head.set(name, *value);
  }
  return head;
}

}  // namespace samshift::expand
