#pragma once
// The template tree: what YAML and JSON both load into, what rules read and what `expand` builds.
// A node is a plain value (copyable, comparable); it keeps the span of the text it came from, its
// YAML tag and its scalar style. A mapping keeps its entries in source order, keys as nodes so
// that a key has a span of its own.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace samshift::model {

enum class NodeKind : uint8_t { kNull, kBool, kInt, kFloat, kString, kSequence, kMapping };

enum class NodeStyle : uint8_t {
  kGenerated,  // made by samshift, not read from a file
  kPlain,
  kSingleQuoted,
  kDoubleQuoted,
  kLiteral,  // `|` block scalar
  kFolded,   // `>` block scalar
  kBlock,    // block mapping or sequence
  kFlow,     // `{}` / `[]` in YAML
  kJson,     // read from JSON
};

std::string_view nodeKindName(NodeKind kind);

struct MapEntry;

// A string that is nearly always empty (a node's YAML tag): one pointer wide instead of a
// std::string's 32 bytes, because every node of a large template carries one.
class RareString {
 public:
  RareString() = default;
  RareString(const RareString& other) { *this = other; }
  RareString(RareString&&) noexcept = default;
  RareString& operator=(const RareString& other) {
    if (this != &other)
      value_ = other.value_ ? std::make_unique<std::string>(*other.value_) : nullptr;
    return *this;
  }
  RareString& operator=(RareString&&) noexcept = default;

  const std::string& get() const {
    static const std::string kEmpty;
    return value_ ? *value_ : kEmpty;
  }
  void set(std::string text) {
    value_ = text.empty() ? nullptr : std::make_unique<std::string>(std::move(text));
  }

 private:
  std::unique_ptr<std::string> value_;
};

class Node {
 public:
  // Defined after MapEntry: a vector of an incomplete type may be declared here but not used.
  Node();
  ~Node();
  Node(const Node&);
  Node(Node&&) noexcept;
  Node& operator=(const Node&);
  Node& operator=(Node&&) noexcept;

  static Node null();
  static Node boolean(bool value);
  static Node integer(int64_t value);
  static Node floating(double value);
  static Node string(std::string value);
  static Node sequence();
  static Node mapping();

  NodeKind kind() const { return kind_; }
  bool isNull() const { return kind_ == NodeKind::kNull; }
  bool isBool() const { return kind_ == NodeKind::kBool; }
  bool isInt() const { return kind_ == NodeKind::kInt; }
  bool isFloat() const { return kind_ == NodeKind::kFloat; }
  bool isNumber() const { return isInt() || isFloat(); }
  bool isString() const { return kind_ == NodeKind::kString; }
  bool isScalar() const { return kind_ != NodeKind::kSequence && kind_ != NodeKind::kMapping; }
  bool isSequence() const { return kind_ == NodeKind::kSequence; }
  bool isMapping() const { return kind_ == NodeKind::kMapping; }

  // Scalars. `text` is the scalar as written (after YAML unescaping); for a string it is the value.
  const std::string& text() const { return text_; }
  bool boolValue() const { return scalar_.boolean; }
  int64_t intValue() const { return scalar_.integer; }
  double floatValue() const { return scalar_.floating; }
  bool isString(std::string_view value) const { return isString() && text_ == value; }

  // Collections. A node without children keeps none (see Children below); asking a const node
  // for them gives an empty list, asking a mutable one makes the lists it can then fill.
  const std::vector<Node>& items() const;
  std::vector<Node>& items();
  const std::vector<MapEntry>& entries() const;
  std::vector<MapEntry>& entries();
  size_t size() const;

  // Mapping access by string key; null when absent or when this is not a mapping.
  const Node* get(std::string_view key) const;
  Node* get(std::string_view key);
  const MapEntry* entry(std::string_view key) const;
  bool has(std::string_view key) const { return get(key) != nullptr; }
  // Replaces the value of an existing key in place, or appends the entry.
  Node& set(std::string_view key, Node value);
  bool erase(std::string_view key);
  void push(Node item) { items().push_back(std::move(item)); }

  // An intrinsic function: a mapping of exactly one key that is `Ref`, `Condition` or `Fn::*`.
  bool isIntrinsic() const;
  std::string_view intrinsicName() const;  // empty unless isIntrinsic()
  const Node& intrinsicArgument() const;   // the one value; only when isIntrinsic()

  core::Span span() const { return span_; }
  void setSpan(core::Span span) { span_ = span; }
  const std::string& tag() const { return tag_.get(); }
  void setTag(std::string tag) { tag_.set(std::move(tag)); }
  NodeStyle style() const { return style_; }
  void setStyle(NodeStyle style) { style_ = style; }

  // Value equality: kind and content, ignoring spans, tags and styles.
  bool sameValue(const Node& other) const;

  // Setters used by the loaders.
  void setScalar(NodeKind kind, std::string text);
  void setBoolValue(bool value) { scalar_.boolean = value; }
  void setIntValue(int64_t value) { scalar_.integer = value; }
  void setFloatValue(double value) { scalar_.floating = value; }

 private:
  // A collection's children live in a block of their own: most nodes of a template are scalars,
  // and two empty vectors in each would make every node 40 bytes larger (72 instead of 112).
  struct Children;
  Children& children();

  NodeKind kind_ = NodeKind::kNull;
  NodeStyle style_ = NodeStyle::kGenerated;
  core::Span span_;
  union {
    bool boolean;
    int64_t integer;
    double floating;
  } scalar_{.integer = 0};
  std::string text_;
  RareString tag_;
  std::unique_ptr<Children> children_;
};

struct MapEntry {
  Node key;
  Node value;
};

struct Node::Children {
  std::vector<Node> items;
  std::vector<MapEntry> entries;
};

inline const std::vector<Node> kNoItems;
inline const std::vector<MapEntry> kNoEntries;

inline Node::Children& Node::children() {
  if (!children_) children_ = std::make_unique<Children>();
  return *children_;
}
inline const std::vector<Node>& Node::items() const {
  return children_ ? children_->items : kNoItems;
}
inline std::vector<Node>& Node::items() { return children().items; }
inline const std::vector<MapEntry>& Node::entries() const {
  return children_ ? children_->entries : kNoEntries;
}
inline std::vector<MapEntry>& Node::entries() { return children().entries; }

inline Node::Node() = default;
inline Node::~Node() = default;
inline Node::Node(Node&&) noexcept = default;
inline Node& Node::operator=(Node&&) noexcept = default;

// A node that is never present: what lookups return by reference when nothing is there.
const Node& missingNode();

}  // namespace samshift::model
