#include "sam/connector_profiles.h"

#include <rapidjson/document.h>

#include <cctype>

#include "sam/embedded_data.h"

namespace samshift::sam {

using model::Node;

namespace {

// The whole file as a node, read once: it is small (32 KB) and every lookup copies a part.
const Node& profiles() {
  static const Node kProfiles = [] {
    rapidjson::Document document;
    std::string_view json = embeddedSamData("connector_profiles");
    document.Parse(json.data(), json.size());
    if (document.HasParseError() || !document.IsObject()) return Node::mapping();
    return jsonToNode(document);
  }();
  return kProfiles;
}

const Node* section(std::string_view name, std::string_view key) {
  const Node* table = profiles().get(name);
  return table ? table->get(key) : nullptr;
}

// Python's str.isalnum over the variable name (SAM's _sanitize): ASCII is all profiles use.
std::string subVariableName(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

// re.search(r"\${.+}", s): `${`, at least one character other than a newline, then `}`.
bool needsSub(std::string_view text) {
  for (size_t start = text.find("${"); start != std::string_view::npos;
       start = text.find("${", start + 1)) {
    for (size_t at = start + 2; at < text.size() && text[at] != '\n'; ++at) {
      if (text[at] == '}' && at > start + 2) return true;
    }
  }
  return false;
}

void replaceAll(std::string& text, std::string_view pattern, std::string_view with) {
  for (size_t at = text.find(pattern); at != std::string::npos;
       at = text.find(pattern, at + with.size()))
    text.replace(at, pattern.size(), with);
}

// SAM's _profile_replace_str.
std::optional<std::string> replaceInString(Node& node,
                                           const std::vector<ProfileVariable>& variables) {
  std::string text = node.text();
  Node values = Node::mapping();
  for (const ProfileVariable& variable : variables) {
    std::string pattern = "%{" + std::string(variable.name) + "}";
    bool missing = !variable.value || variable.value->isNull();
    if (text.find(pattern) == std::string::npos) continue;
    if (missing) return std::string(variable.name) + " is missing.";
    if (text == pattern) {
      node = *variable.value;
      return std::nullopt;
    }
    std::string name = subVariableName(variable.name);
    replaceAll(text, pattern, "${" + name + "}");
    values.set(name, *variable.value);
  }
  if (!needsSub(text)) {
    node = Node::string(std::move(text));
    return std::nullopt;
  }
  Node sub = Node::mapping();
  if (values.entries().empty()) {
    sub.set("Fn::Sub", Node::string(std::move(text)));
  } else {
    Node arguments = Node::sequence();
    arguments.push(Node::string(std::move(text)));
    arguments.push(std::move(values));
    sub.set("Fn::Sub", std::move(arguments));
  }
  node = std::move(sub);
  return std::nullopt;
}

}  // namespace

std::optional<Node> connectorProfile(std::string_view sourceType,
                                     std::string_view destinationType) {
  const Node* bySource = section("Permissions", sourceType);
  const Node* profile = bySource ? bySource->get(destinationType) : nullptr;
  if (!profile) return std::nullopt;
  return *profile;
}

Node connectorResourceProperties(std::string_view type, std::string_view logicalId) {
  const Node* properties = section("CfnResourceProperties", type);
  if (!properties) return Node::mapping();
  Node out = *properties;
  Node id = Node::string(std::string(logicalId));
  replaceProfileVariables(out, {{"logicalId", &id}});
  return out;
}

std::optional<std::string> replaceProfileVariables(Node& node,
                                                   const std::vector<ProfileVariable>& variables) {
  if (node.isString()) return replaceInString(node, variables);
  if (node.isMapping()) {
    for (model::MapEntry& entry : node.entries()) {
      if (auto error = replaceProfileVariables(entry.value, variables)) return error;
    }
  }
  if (node.isSequence()) {
    for (Node& item : node.items()) {
      if (auto error = replaceProfileVariables(item, variables)) return error;
    }
  }
  return std::nullopt;
}

bool hasProfileVariables(const Node& node) {
  // re.findall(r"%{[\w\.]+}") over json.dumps: keys as well as values.
  auto inText = [](std::string_view text) {
    for (size_t at = text.find("%{"); at != std::string_view::npos; at = text.find("%{", at + 1)) {
      size_t end = at + 2;
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                   text[end] == '_' || text[end] == '.'))
        ++end;
      if (end > at + 2 && end < text.size() && text[end] == '}') return true;
    }
    return false;
  };
  if (node.isString()) return inText(node.text());
  for (const model::MapEntry& entry : node.entries()) {
    if (inText(entry.key.text()) || hasProfileVariables(entry.value)) return true;
  }
  for (const Node& item : node.items()) {
    if (hasProfileVariables(item)) return true;
  }
  return false;
}

}  // namespace samshift::sam
