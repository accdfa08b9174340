#include "model/template.h"

namespace samshift::model {

bool namesSamTransform(const Node* transform) {
  if (!transform) return false;
  if (transform->isString()) return transform->text().rfind("AWS::Serverless", 0) == 0;
  for (const Node& item : transform->items()) {
    if (namesSamTransform(&item)) return true;
  }
  return false;
}

Template::Template(const Node& root) : root_(root) {
  sam_ = namesSamTransform(root.get("Transform"));
  const Node* resources = root.get("Resources");
  if (!resources || !resources->isMapping()) return;
  resources_.reserve(resources->entries().size());
  for (const MapEntry& entry : resources->entries()) {
    // `Fn::ForEach::Name` (AWS::LanguageExtensions) is a loop that makes resources, not one.
    if (entry.key.text().rfind("Fn::ForEach::", 0) == 0) continue;
    ResourceView view;
    view.id = entry.key.text();
    view.idNode = &entry.key;
    view.node = &entry.value;
    if (entry.value.isMapping()) {
      view.typeNode = entry.value.get("Type");
      if (view.typeNode && view.typeNode->isString()) view.type = view.typeNode->text();
      view.properties = entry.value.get("Properties");
      view.condition = entry.value.get("Condition");
      view.dependsOn = entry.value.get("DependsOn");
      view.deletionPolicy = entry.value.get("DeletionPolicy");
      view.updateReplacePolicy = entry.value.get("UpdateReplacePolicy");
      view.updatePolicy = entry.value.get("UpdatePolicy");
      view.metadata = entry.value.get("Metadata");
    }
    if (view.isServerless()) sam_ = true;  // SAM's own fixtures often omit `Transform`
    index_.emplace(view.id, resources_.size());
    resources_.push_back(view);
  }
  for (const ResourceView& view : resources_) byType_[view.type].push_back(&view);
}

const Node& ResourceView::propertiesMapping() const {
  static const Node kNoProperties = Node::mapping();
  return properties && properties->isMapping() ? *properties : kNoProperties;
}

const ResourceView* Template::resource(std::string_view id) const {
  auto found = index_.find(id);
  return found == index_.end() ? nullptr : &resources_[found->second];
}

const std::vector<const ResourceView*>& Template::resourcesOfType(std::string_view type) const {
  static const std::vector<const ResourceView*> kNone;
  auto found = byType_.find(type);
  return found == byType_.end() ? kNone : found->second;
}

const Node* Template::parameter(std::string_view name) const {
  const Node* params = parameters();
  return params ? params->get(name) : nullptr;
}

bool Template::hasCondition(std::string_view name) const {
  const Node* conds = conditions();
  return conds && conds->has(name);
}

bool Template::hasMapping(std::string_view name) const {
  const Node* maps = mappings();
  return maps && maps->has(name);
}

}  // namespace samshift::model
