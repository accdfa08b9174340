#include "plan/values.h"

#include <algorithm>
#include <cstdlib>

namespace samshift::plan {

using model::MapEntry;
using model::Node;

namespace {

// How deep a value's Fn::If and a condition's functions are followed (values nest at most as
// deep as the loader allows; this keeps each walk short).
constexpr int kMaxDepth = 32;
// How many conditions may be evaluated one inside another (`!Condition A` in B in C …): real
// templates chain a few; deeper ones are undecidable rather than a deep recursion.
constexpr size_t kMaxConditionChain = 64;

bool hasSubstitution(std::string_view text) {
  size_t pos = 0;
  while ((pos = text.find("${", pos)) != std::string_view::npos) {
    if (pos + 2 < text.size() && text[pos + 2] != '!') return true;
    pos += 2;
  }
  return false;
}

// `${!Literal}` is how Fn::Sub writes a literal `${Literal}`.
std::string unescapeSub(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "${!") {
      out += "${";
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

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

sam::Resolved ValueReader::resolve(const Node& node) const {
  sam::Resolved resolved = params_.resolveWithMappings(node, templ_.mappings());
  if (!resolved.failure) resolved.value = decide(resolved.value, 0);
  return resolved;
}

Node ValueReader::decide(const Node& node, int depth) const {
  if (depth > kMaxDepth) return node;
  if (node.isIntrinsic()) {
    std::string_view name = node.intrinsicName();
    const Node& arg = node.intrinsicArgument();
    if (name == "Fn::If" && arg.isSequence() && arg.items().size() == 3 &&
        arg.items()[0].isString()) {
      if (auto chosen = condition(arg.items()[0].text())) {
        return decide(arg.items()[*chosen ? 1 : 2], depth + 1);
      }
    }
    if (name == "Fn::Sub") {
      if (arg.isString() && !hasSubstitution(arg.text()))
        return Node::string(unescapeSub(arg.text()));
      if (arg.isSequence() && arg.items().size() == 2 && arg.items()[0].isString() &&
          !hasSubstitution(arg.items()[0].text())) {
        return Node::string(unescapeSub(arg.items()[0].text()));
      }
    }
  }
  Node out = node;
  if (out.isMapping()) {
    for (MapEntry& entry : out.entries()) entry.value = decide(entry.value, depth + 1);
  } else if (out.isSequence()) {
    for (Node& item : out.items()) item = decide(item, depth + 1);
  }
  return out;
}

std::optional<bool> ValueReader::condition(std::string_view name) const {
  if (auto known = conditions_.find(name); known != conditions_.end()) return known->second;
  if (std::find(evaluating_.begin(), evaluating_.end(), name) != evaluating_.end()) {
    return std::nullopt;  // a loop
  }
  const Node* conditions = templ_.conditions();
  const Node* body = conditions && conditions->isMapping() ? conditions->get(name) : nullptr;
  std::optional<bool> value;
  if (body && evaluating_.size() < kMaxConditionChain) {
    evaluating_.emplace_back(name);
    value = evaluate(*body, 0);
    evaluating_.pop_back();
  }
  conditions_.emplace(std::string(name), value);
  return value;
}

// CloudFormation's condition functions over values known before deployment. Fn::Equals compares
// the two values as strings, so `true` and "true" are equal.
std::optional<bool> ValueReader::evaluate(const Node& node, int depth) const {
  if (depth > kMaxDepth || !node.isIntrinsic()) return std::nullopt;
  std::string_view name = node.intrinsicName();
  const Node& arg = node.intrinsicArgument();
  if (name == "Condition") {
    return arg.isString() ? condition(arg.text()) : std::nullopt;
  }
  if (!arg.isSequence()) return std::nullopt;
  const std::vector<Node>& items = arg.items();
  if (name == "Fn::Equals") {
    if (items.size() != 2) return std::nullopt;
    auto side = [&](const Node& item) -> std::optional<std::string> {
      sam::Resolved resolved = params_.resolveWithMappings(item, templ_.mappings());
      if (resolved.failure) return std::nullopt;
      return text(decide(resolved.value, depth + 1));
    };
    auto left = side(items[0]);
    auto right = side(items[1]);
    if (!left || !right) return std::nullopt;
    return *left == *right;
  }
  if (name == "Fn::Not") {
    if (items.size() != 1) return std::nullopt;
    auto inner = evaluate(items[0], depth + 1);
    return inner ? std::optional<bool>(!*inner) : std::nullopt;
  }
  if (name == "Fn::And" || name == "Fn::Or") {
    bool isAnd = name == "Fn::And";
    bool unknown = false;
    for (const Node& item : items) {
      auto value = evaluate(item, depth + 1);
      if (!value) {
        unknown = true;
      } else if (*value != isAnd) {
        return !isAnd;  // a false in And, a true in Or, decides
      }
    }
    if (unknown) return std::nullopt;
    return isAnd;
  }
  return std::nullopt;
}

std::optional<std::string> ValueReader::text(const Node& node) const {
  if (node.isString() || node.isInt() || node.isFloat()) return node.text();
  if (node.isBool()) return std::string(node.boolValue() ? "true" : "false");
  return std::nullopt;
}

std::optional<double> ValueReader::number(const Node& node) const {
  if (node.isInt()) return static_cast<double>(node.intValue());
  if (node.isFloat()) return node.floatValue();
  if (node.isString() && !node.text().empty()) {
    char* end = nullptr;
    double value = std::strtod(node.text().c_str(), &end);
    if (end && *end == '\0') return value;
  }
  return std::nullopt;
}

std::string ValueReader::display(const Node& node) const {
  if (node.isString()) return node.text();
  if (node.isIntrinsic() && node.intrinsicName() == "Ref" && node.intrinsicArgument().isString()) {
    return node.intrinsicArgument().text();
  }
  if (node.isScalar()) {
    if (auto value = text(node)) return *value;
  }
  return shortForm(node);
}

std::optional<std::string> ValueReader::undecidedCondition(const Node& node) {
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
