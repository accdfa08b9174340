#include "model/node.h"

namespace samshift::model {

std::string_view nodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return "boolean";
    case NodeKind::kInt:
      return "integer";
    case NodeKind::kFloat:
      return "number";
    case NodeKind::kString:
      return "string";
    case NodeKind::kSequence:
      return "list";
    case NodeKind::kMapping:
      return "mapping";
  }
  return "value";
}

Node::Node(const Node& other)
    : kind_(other.kind_),
      style_(other.style_),
      span_(other.span_),
      scalar_(other.scalar_),
      text_(other.text_),
      tag_(other.tag_),
      children_(other.children_ ? std::make_unique<Children>(*other.children_) : nullptr) {}

Node& Node::operator=(const Node& other) {
  if (this != &other) *this = Node(other);
  return *this;
}

Node Node::null() { return Node(); }

Node Node::boolean(bool value) {
  Node node;
  node.setScalar(NodeKind::kBool, value ? "true" : "false");
  node.scalar_.boolean = value;
  return node;
}

Node Node::integer(int64_t value) {
  Node node;
  node.setScalar(NodeKind::kInt, std::to_string(value));
  node.scalar_.integer = value;
  return node;
}

Node Node::floating(double value) {
  Node node;
  node.setScalar(NodeKind::kFloat, std::string());
  node.scalar_.floating = value;
  return node;
}

Node Node::string(std::string value) {
  Node node;
  node.setScalar(NodeKind::kString, std::move(value));
  return node;
}

Node Node::sequence() {
  Node node;
  node.kind_ = NodeKind::kSequence;
  return node;
}

Node Node::mapping() {
  Node node;
  node.kind_ = NodeKind::kMapping;
  return node;
}

void Node::setScalar(NodeKind kind, std::string text) {
  kind_ = kind;
  text_ = std::move(text);
}

size_t Node::size() const {
  if (kind_ == NodeKind::kSequence) return items().size();
  if (kind_ == NodeKind::kMapping) return entries().size();
  return 0;
}

const MapEntry* Node::entry(std::string_view key) const {
  if (kind_ != NodeKind::kMapping) return nullptr;
  for (const MapEntry& entry : entries()) {
    if (entry.key.isScalar() && entry.key.text_ == key) return &entry;
  }
  return nullptr;
}

const Node* Node::get(std::string_view key) const {
  const MapEntry* found = entry(key);
  return found ? &found->value : nullptr;
}

Node* Node::get(std::string_view key) {
  return const_cast<Node*>(static_cast<const Node*>(this)->get(key));
}

Node& Node::set(std::string_view key, Node value) {
  kind_ = NodeKind::kMapping;
  if (Node* existing = get(key)) {
    *existing = std::move(value);
    return *existing;
  }
  std::vector<MapEntry>& list = entries();
  list.push_back(MapEntry{Node::string(std::string(key)), std::move(value)});
  return list.back().value;
}

bool Node::erase(std::string_view key) {
  if (!children_) return false;
  std::vector<MapEntry>& list = children_->entries;
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (it->key.isScalar() && it->key.text_ == key) {
      list.erase(it);
      return true;
    }
  }
  return false;
}

bool Node::isIntrinsic() const {
  if (kind_ != NodeKind::kMapping || entries().size() != 1) return false;
  const Node& key = entries().front().key;
  if (!key.isString()) return false;
  std::string_view name = key.text_;
  return name == "Ref" || name == "Condition" || name.substr(0, 4) == "Fn::";
}

std::string_view Node::intrinsicName() const {
  return isIntrinsic() ? std::string_view(entries().front().key.text_) : std::string_view();
}

const Node& Node::intrinsicArgument() const {
  return isIntrinsic() ? entries().front().value : missingNode();
}

bool Node::sameValue(const Node& other) const {
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case NodeKind::kNull:
      return true;
    case NodeKind::kBool:
      return scalar_.boolean == other.scalar_.boolean;
    case NodeKind::kInt:
      return scalar_.integer == other.scalar_.integer;
    case NodeKind::kFloat:
      return scalar_.floating == other.scalar_.floating;
    case NodeKind::kString:
      return text_ == other.text_;
    case NodeKind::kSequence:
      if (items().size() != other.items().size()) return false;
      for (size_t i = 0; i < items().size(); ++i) {
        if (!items()[i].sameValue(other.items()[i])) return false;
      }
      return true;
    case NodeKind::kMapping:
      if (entries().size() != other.entries().size()) return false;
      for (const MapEntry& entry : entries()) {
        const Node* theirs = other.get(entry.key.text_);
        if (!theirs || !entry.value.sameValue(*theirs)) return false;
      }
      return true;
  }
  return false;
}

const Node& missingNode() {
  static const Node kMissing;
  return kMissing;
}

}  // namespace samshift::model
