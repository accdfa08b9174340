#include "load/short_forms.h"

#include <string>

namespace samshift::load {

using model::Node;
using model::NodeKind;

bool isShortFormTag(std::string_view tag) {
  return tag.size() > 1 && tag[0] == '!' && tag[1] != '!' && tag[1] != '<';
}

namespace {

// `!GetAtt Fn.Arn` → [Fn, Arn]; the pieces keep their places when the scalar was written plain.
Node splitGetAtt(const Node& scalar) {
  Node list = Node::sequence();
  list.setSpan(scalar.span());
  const std::string& text = scalar.text();
  size_t dot = text.find('.');
  bool plain = scalar.style() == model::NodeStyle::kPlain && scalar.span().known();
  uint32_t begin = scalar.span().begin;
  auto piece = [&](size_t from, size_t length) {
    Node part = Node::string(text.substr(from, length));
    part.setStyle(scalar.style());
    if (plain) {
      uint32_t at = begin + static_cast<uint32_t>(from);
      part.setSpan(core::Span{at, at + static_cast<uint32_t>(part.text().size())});
    } else {
      part.setSpan(scalar.span());
    }
    return part;
  };
  if (dot == std::string::npos) {
    list.push(piece(0, text.size()));
  } else {
    list.push(piece(0, dot));
    list.push(piece(dot + 1, std::string::npos));
  }
  return list;
}

}  // namespace

Node wrapShortForm(std::string_view tag, Node value, core::Span tagSpan) {
  std::string name(tag.substr(1));
  std::string key = (name == "Ref" || name == "Condition") ? name : "Fn::" + name;
  if (value.isScalar()) {
    core::Span span = value.span();
    if (name == "GetAtt" && value.kind() != NodeKind::kNull) {
      value = splitGetAtt(value);
    } else {
      // The SAM loader constructs a tagged scalar as a string, whatever it looks like.
      std::string text = value.text();
      model::NodeStyle style = value.style();
      value = Node::string(std::move(text));
      value.setStyle(style);
      value.setSpan(span);
    }
  }
  Node wrapper = Node::mapping();
  wrapper.setStyle(value.style());
  Node keyNode = Node::string(std::move(key));
  keyNode.setSpan(tagSpan);
  keyNode.setStyle(model::NodeStyle::kPlain);
  wrapper.entries().push_back(model::MapEntry{std::move(keyNode), std::move(value)});
  return wrapper;
}

}  // namespace samshift::load
