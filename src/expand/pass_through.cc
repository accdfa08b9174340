#include "expand/pass_through.h"

#include "sam/deployment_model.h"

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
  for (const auto& [name, value] : {std::pair{"DeletionPolicy", resource.deletionPolicy},
                                    std::pair{"UpdatePolicy", resource.updatePolicy},
                                    std::pair{"Condition", resource.condition},
                                    std::pair{"UpdateReplacePolicy", resource.updateReplacePolicy},
                                    std::pair{"Metadata", resource.metadata}}) {
    if (value) head.set(name, *value);
  }
  return head;
}

}  // namespace samshift::expand
