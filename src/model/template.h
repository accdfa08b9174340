#pragma once
// A typed view over a loaded tree: the sections of a CloudFormation/SAM template and its
// resources, with their attributes. It borrows the tree; it never copies or changes it.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/node.h"

namespace samshift::model {

struct ResourceView {
  std::string_view id;
  const Node* idNode = nullptr;  // the key, for positions
  const Node* node = nullptr;    // the resource mapping (may not be a mapping in a bad template)
  std::string_view type;         // empty when Type is missing or not a string
  const Node* typeNode = nullptr;
  const Node* properties = nullptr;
  const Node* condition = nullptr;
  const Node* dependsOn = nullptr;
  const Node* deletionPolicy = nullptr;
  const Node* updateReplacePolicy = nullptr;
  const Node* updatePolicy = nullptr;
  const Node* metadata = nullptr;

  const Node* property(std::string_view name) const {
    return properties ? properties->get(name) : nullptr;
  }
  // Properties when they are a mapping, else an empty mapping: what SAM reads either way.
  const Node& propertiesMapping() const;
  bool isServerless() const { return type.substr(0, 17) == "AWS::Serverless::"; }
};

// True when `transform` (a `Transform` value: a name or a list of names) names the SAM transform.
bool namesSamTransform(const Node* transform);

class Template {
 public:
  explicit Template(const Node& root);

  const Node& root() const { return root_; }
  const Node* section(std::string_view name) const { return root_.get(name); }
  const Node* parameters() const { return section("Parameters"); }
  const Node* mappings() const { return section("Mappings"); }
  const Node* conditions() const { return section("Conditions"); }
  const Node* globals() const { return section("Globals"); }
  const Node* resourcesNode() const { return section("Resources"); }
  const Node* outputs() const { return section("Outputs"); }

  const std::vector<ResourceView>& resources() const { return resources_; }
  const ResourceView* resource(std::string_view id) const;
  // In template order; an index built once, because rules ask for it inside per-resource loops.
  const std::vector<const ResourceView*>& resourcesOfType(std::string_view type) const;

  const Node* parameter(std::string_view name) const;
  bool hasCondition(std::string_view name) const;
  bool hasMapping(std::string_view name) const;
  // True when `Transform` names the SAM transform or a resource is an AWS::Serverless one.
  bool isSam() const { return sam_; }

 private:
  const Node& root_;
  std::vector<ResourceView> resources_;
  std::unordered_map<std::string_view, size_t> index_;
  std::unordered_map<std::string_view, std::vector<const ResourceView*>> byType_;
  bool sam_ = false;
};

}  // namespace samshift::model
