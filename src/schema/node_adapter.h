#pragma once
// A valijson adapter over samshift's own node tree, so that a schema error can be traced back to
// the node (and so the source range) it is about. Typing follows CloudFormation, which is lenient:
// any non-null scalar is acceptable where a string is expected, and the strings "true"/"false"
// and numeric strings pass as booleans and numbers (the adapter is not strictly typed).
//
// valijson is header-only; this header is included only by src/schema/*.cc and tests.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/node.h"
#include "schema/valijson.h"

namespace samshift::schema {

class NodeAdapter;
class NodeArrayIterator;
class NodeObjectIterator;

using NodeObjectMember = std::pair<std::string, NodeAdapter>;

class NodeArray {
 public:
  using const_iterator = NodeArrayIterator;
  using iterator = NodeArrayIterator;

  NodeArray() : node_(&emptySequence()) {}
  explicit NodeArray(const model::Node& node) : node_(&node) {
    if (!node.isSequence()) valijson::throwRuntimeError("Value is not an array.");
  }
  NodeArrayIterator begin() const;
  NodeArrayIterator end() const;
  size_t size() const { return node_->items().size(); }

 private:
  static const model::Node& emptySequence() {
    static const model::Node kEmpty = model::Node::sequence();
    return kEmpty;
  }
  const model::Node* node_;
};

class NodeObject {
 public:
  using const_iterator = NodeObjectIterator;
  using iterator = NodeObjectIterator;

  NodeObject() : node_(&emptyMapping()) {}
  explicit NodeObject(const model::Node& node) : node_(&node) {
    if (!node.isMapping()) valijson::throwRuntimeError("Value is not an object.");
  }
  NodeObjectIterator begin() const;
  NodeObjectIterator end() const;
  NodeObjectIterator find(const std::string& propertyName) const;
  size_t size() const { return node_->entries().size(); }

 private:
  static const model::Node& emptyMapping() {
    static const model::Node kEmpty = model::Node::mapping();
    return kEmpty;
  }
  const model::Node* node_;
};

// A copy of a node kept by valijson for `enum` and `const` comparisons.
class NodeFrozenValue : public valijson::adapters::FrozenValue {
 public:
  explicit NodeFrozenValue(model::Node node) : node_(std::move(node)) {}
  FrozenValue* clone() const override { return new NodeFrozenValue(node_); }
  bool equalTo(const valijson::adapters::Adapter& other, bool strict) const override;

 private:
  model::Node node_;
};

class NodeValue {
 public:
  NodeValue() : node_(&emptyMapping()) {}
  explicit NodeValue(const model::Node& node) : node_(&node) {}

  valijson::adapters::FrozenValue* freeze() const { return new NodeFrozenValue(*node_); }

  std::optional<NodeArray> getArrayOptional() const {
    if (node_->isSequence()) return std::make_optional(NodeArray(*node_));
    return {};
  }
  bool getArraySize(size_t& result) const {
    if (!node_->isSequence()) return false;
    result = node_->items().size();
    return true;
  }
  bool getBool(bool& result) const {
    if (!node_->isBool()) return false;
    result = node_->boolValue();
    return true;
  }
  bool getDouble(double& result) const {
    if (node_->isFloat()) {
      result = node_->floatValue();
      return true;
    }
    if (node_->isInt()) {
      result = static_cast<double>(node_->intValue());
      return true;
    }
    return false;
  }
  bool getInteger(int64_t& result) const {
    if (!node_->isInt()) return false;
    result = node_->intValue();
    return true;
  }
  std::optional<NodeObject> getObjectOptional() const {
    if (node_->isMapping()) return std::make_optional(NodeObject(*node_));
    return {};
  }
  bool getObjectSize(size_t& result) const {
    if (!node_->isMapping()) return false;
    result = node_->entries().size();
    return true;
  }
  bool getString(std::string& result) const {
    if (!isString()) return false;
    result = node_->text();
    return true;
  }
  static bool hasStrictTypes() { return false; }
  bool isArray() const { return node_->isSequence(); }
  bool isBool() const { return node_->isBool(); }
  bool isDouble() const { return node_->isFloat(); }
  bool isInteger() const { return node_->isInt(); }
  bool isNull() const { return node_->isNull(); }
  bool isNumber() const { return node_->isNumber(); }
  bool isObject() const { return node_->isMapping(); }
  // CloudFormation turns any scalar into a string where one is expected.
  bool isString() const { return node_->isScalar() && !node_->isNull(); }

 private:
  static const model::Node& emptyMapping() {
    static const model::Node kEmpty = model::Node::mapping();
    return kEmpty;
  }
  const model::Node* node_;
};

class NodeAdapter
    : public valijson::adapters::BasicAdapter<NodeAdapter, NodeArray, NodeObjectMember, NodeObject,
                                              NodeValue> {
 public:
  NodeAdapter() = default;
  explicit NodeAdapter(const model::Node& node) : BasicAdapter(NodeValue(node)) {}

  // valijson's weak typing takes an empty list for a possible object and an empty list or mapping
  // for a possible string, then fails to read it as one (`Properties: []`). CloudFormation has no
  // such equivalence: a list is a list, and the schema's type check should say so.
  bool maybeArray() const override { return isArray(); }
  bool maybeObject() const override { return isObject(); }
  bool maybeString() const override { return isString(); }
};

class NodeArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeAdapter;
  using difference_type = NodeAdapter;
  using pointer = NodeAdapter*;
  using reference = NodeAdapter&;

  explicit NodeArrayIterator(std::vector<model::Node>::const_iterator it) : it_(it) {}
  NodeAdapter operator*() const { return NodeAdapter(*it_); }
  valijson::adapters::DerefProxy<NodeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<NodeAdapter>(**this);
  }
  bool operator==(const NodeArrayIterator& other) const { return it_ == other.it_; }
  bool operator!=(const NodeArrayIterator& other) const { return it_ != other.it_; }
  const NodeArrayIterator& operator++() {
    ++it_;
    return *this;
  }
  NodeArrayIterator operator++(int) {
    NodeArrayIterator before(it_);
    ++it_;
    return before;
  }
  const NodeArrayIterator& operator--() {
    --it_;
    return *this;
  }
  void advance(std::ptrdiff_t n) { it_ += n; }

 private:
  std::vector<model::Node>::const_iterator it_;
};

class NodeObjectIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = NodeObjectMember;
  using difference_type = NodeObjectMember;
  using pointer = NodeObjectMember*;
  using reference = NodeObjectMember&;

  explicit NodeObjectIterator(std::vector<model::MapEntry>::const_iterator it) : it_(it) {}
  NodeObjectMember operator*() const {
    return NodeObjectMember(it_->key.text(), NodeAdapter(it_->value));
  }
  valijson::adapters::DerefProxy<NodeObjectMember> operator->() const {
    return valijson::adapters::DerefProxy<NodeObjectMember>(**this);
  }
  bool operator==(const NodeObjectIterator& other) const { return it_ == other.it_; }
  bool operator!=(const NodeObjectIterator& other) const { return it_ != other.it_; }
  const NodeObjectIterator& operator++() {
    ++it_;
    return *this;
  }
  NodeObjectIterator operator++(int) {
    NodeObjectIterator before(it_);
    ++it_;
    return before;
  }

 private:
  std::vector<model::MapEntry>::const_iterator it_;
};

inline bool NodeFrozenValue::equalTo(const valijson::adapters::Adapter& other, bool strict) const {
  return NodeAdapter(node_).equalTo(other, strict);
}

inline NodeArrayIterator NodeArray::begin() const {
  return NodeArrayIterator(node_->items().begin());
}
inline NodeArrayIterator NodeArray::end() const { return NodeArrayIterator(node_->items().end()); }
inline NodeObjectIterator NodeObject::begin() const {
  return NodeObjectIterator(node_->entries().begin());
}
inline NodeObjectIterator NodeObject::end() const {
  return NodeObjectIterator(node_->entries().end());
}
inline NodeObjectIterator NodeObject::find(const std::string& propertyName) const {
  for (auto it = node_->entries().begin(); it != node_->entries().end(); ++it) {
    if (it->key.text() == propertyName) return NodeObjectIterator(it);
  }
  return end();
}

}  // namespace samshift::schema

namespace valijson::adapters {

template <>
struct AdapterTraits<samshift::schema::NodeAdapter> {
  using DocumentType = samshift::model::Node;
  static std::string adapterName() { return "SamshiftNodeAdapter"; }
};

}  // namespace valijson::adapters
