#include "plan/values.h"

#include "sam/parameter_values.h"

namespace samshift::plan {

using model::MapEntry;
using model::Node;

namespace {

bool needsQuotes(const std::string& text) {
  if (text.empty()) return true;
  for (char c : text) {
    if (c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#' ||
        c == '\'' || c == '"') {
      return true;
    }
  }
  return text.front() == ' ' || text.back() == ' ' || text.front() == '!' || text.front() == '*' ||
         text.front() == '&';
}

std::string quoted(const std::string& text) {
  if (!needsQuotes(text)) return text;
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::string shortForm(const Node& node) {
  switch (node.kind()) {
    case model::NodeKind::kNull:
      return "null";
    case model::NodeKind::kBool:
      return node.boolValue() ? "true" : "false";
    case model::NodeKind::kInt:
    case model::NodeKind::kFloat:
      return node.text();
    case model::NodeKind::kString:
      return quoted(node.text());
    case model::NodeKind::kSequence: {
      std::string out = "[";
      for (size_t i = 0; i < node.items().size(); ++i) {
        if (i) out += ", ";
        out += shortForm(node.items()[i]);
      }
      return out + "]";
    }
    case model::NodeKind::kMapping: {
      if (node.isIntrinsic()) {
        std::string_view name = node.intrinsicName();
        const Node& arg = node.intrinsicArgument();
        if (name == "Fn::GetAtt" && arg.isSequence() && arg.items().size() == 2 &&
            arg.items()[0].isString() && arg.items()[1].isString()) {
          return "!GetAtt " + arg.items()[0].text() + "." + arg.items()[1].text();
        }
        std::string bare(name.substr(0, 4) == "Fn::" ? name.substr(4) : name);
        return "!" + bare + " " + shortForm(arg);
      }
      std::string out = "{";
      for (size_t i = 0; i < node.entries().size(); ++i) {
        if (i) out += ", ";
        out += quoted(node.entries()[i].key.text()) + ": " + shortForm(node.entries()[i].value);
      }
      return out + "}";
    }
  }
  return "";
}

std::string display(const Node& node) {
  if (node.isString()) return node.text();
  if (node.isIntrinsic() && node.intrinsicName() == "Ref" && node.intrinsicArgument().isString()) {
    return node.intrinsicArgument().text();
  }
  if (node.isScalar()) {
    if (auto value = sam::valueText(node)) return *value;
  }
  return shortForm(node);
}

std::optional<std::string> undecidedCondition(const Node& node) {
  if (node.isIntrinsic() && node.intrinsicName() == "Fn::If") {
    const Node& arg = node.intrinsicArgument();
    if (arg.isSequence() && !arg.items().empty() && arg.items()[0].isString())
      return arg.items()[0].text();
  }
  for (const MapEntry& entry : node.entries()) {
    if (auto found = undecidedCondition(entry.value)) return found;
  }
  for (const Node& item : node.items()) {
    if (auto found = undecidedCondition(item)) return found;
  }
  return std::nullopt;
}

}  // namespace samshift::plan
