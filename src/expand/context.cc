#include "expand/context.h"

namespace samshift::expand {

using model::Node;

void ExpandContext::add(const std::string& id, Node resource) {
  if (!owner.empty() && id != owner && templ.resource(id)) {
    const Node* type = resource.get("Type");
    error(owner, "duplicate-logical-id",
          "Transforming resource with id [" + owner + "] attempts to create a new resource with id [" + id +
              "] and type \"" + (type ? type->text() : "") +
              "\". A resource with that id already exists within this template. Please use a different id for that "
              "resource.",
          templ.resource(id)->idNode);
    return;
  }
  auto [it, added] = resourceIndex_.try_emplace(id, resources.entries().size());
  if (added) {
    resources.entries().push_back({Node::string(id), std::move(resource)});
  } else {
    resources.entries()[it->second].value = std::move(resource);
  }
}

Node* ExpandContext::resource(const std::string& id) {
  auto it = resourceIndex_.find(id);
  return it == resourceIndex_.end() ? nullptr : &resources.entries()[it->second].value;
}

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
