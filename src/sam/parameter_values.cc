#include "sam/parameter_values.h"

#include "model/intrinsics.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

std::string partitionOfRegion(std::string_view region) {
  auto starts = [&](std::string_view prefix) { return region.substr(0, prefix.size()) == prefix; };
  if (starts("cn-")) return "aws-cn";
  if (starts("us-gov")) return "aws-us-gov";
  if (starts("us-iso-")) return "aws-iso";
  if (starts("us-isob")) return "aws-iso-b";
  if (starts("eu-isoe")) return "aws-iso-e";
  if (starts("us-isof")) return "aws-iso-f";
  if (starts("eusc-")) return "aws-eusc";
  return "aws";
}

ParameterValues::ParameterValues(const model::Template& templ,
                                 const std::vector<std::pair<std::string, std::string>>& overrides,
                                 std::string region)
    : region_(std::move(region)), partition_(partitionOfRegion(region_)) {
  for (const auto& [name, value] : overrides) values_.insert_or_assign(name, Node::string(value));
  if (const Node* parameters = templ.parameters(); parameters && parameters->isMapping()) {
    for (const MapEntry& entry : parameters->entries()) {
      if (values_.count(entry.key.text())) continue;
      if (const Node* def = entry.value.get("Default")) values_.emplace(entry.key.text(), *def);
    }
  }
  values_.insert_or_assign("AWS::Region", Node::string(region_));
  values_.insert_or_assign("AWS::Partition", Node::string(partition_));
}

const Node* ParameterValues::value(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

namespace {

// Python's str() of a scalar, as SAM's Sub substitution writes it.
std::string scalarText(const Node& node) {
  if (node.isBool()) return node.boolValue() ? "True" : "False";
  return node.text();
}

// Substitutes `${Name}` (Name made of [A-Za-z0-9.:]) when Name is a known value.
std::string substitute(std::string_view text, const ParameterValues& params) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t j = i + 2;
      while (j < text.size() && (isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.' || text[j] == ':')) ++j;
      if (j < text.size() && text[j] == '}' && j > i + 2) {
        std::string_view name = text.substr(i + 2, j - i - 2);
        const Node* value = params.value(name);
        if (value && value->isScalar() && !value->isNull()) {
          out += scalarText(*value);
        } else {
          out.append(text.substr(i, j + 1 - i));
        }
        i = j + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

Node resolveOne(const Node& node, const ParameterValues& params) {
  if (!node.isIntrinsic()) return node;
  std::string_view name = node.intrinsicName();
  const Node& arg = node.intrinsicArgument();
  if (name == "Ref") {
    if (arg.isString()) {
      if (const Node* value = params.value(arg.text())) return *value;
    }
    return node;
  }
  if (name == "Fn::Sub") {
    Node out = node;
    Node& sub = out.entries()[0].value;
    if (sub.isString()) {
      sub = Node::string(substitute(sub.text(), params));
    } else if (sub.isSequence() && !sub.items().empty() && sub.items()[0].isString()) {
      sub.items()[0] = Node::string(substitute(sub.items()[0].text(), params));
    }
    return out;
  }
  return node;
}

Node traverse(const Node& node, const ParameterValues& params) {
  Node value = resolveOne(node, params);
  if (value.isMapping()) {
    for (MapEntry& entry : value.entries()) entry.value = traverse(entry.value, params);
  } else if (value.isSequence()) {
    for (Node& item : value.items()) item = traverse(item, params);
  }
  return value;
}

const Node* findInMap(const Node& node, const Node* mappings) {
  const Node& arg = node.intrinsicArgument();
  if (!arg.isSequence() || arg.items().size() != 3 || !mappings || !mappings->isMapping()) return nullptr;
  for (const Node& key : arg.items()) {
    if (!key.isString()) return nullptr;
  }
  const Node* top = mappings->get(arg.items()[0].text());
  const Node* second = top ? top->get(arg.items()[1].text()) : nullptr;
  return second ? second->get(arg.items()[2].text()) : nullptr;
}

Node traverseMappings(const Node& node, const Node* mappings) {
  if (node.isIntrinsic() && node.intrinsicName() == "Fn::FindInMap") {
    Node resolvedArgs = node;
    resolvedArgs.entries()[0].value = traverseMappings(node.intrinsicArgument(), mappings);
    if (const Node* found = findInMap(resolvedArgs, mappings)) return *found;
    return node;
  }
  Node value = node;
  if (value.isMapping()) {
    for (MapEntry& entry : value.entries()) entry.value = traverseMappings(entry.value, mappings);
  } else if (value.isSequence()) {
    for (Node& item : value.items()) item = traverseMappings(item, mappings);
  }
  return value;
}

}  // namespace

Node ParameterValues::resolve(const Node& node) const { return traverse(node, *this); }

Node ParameterValues::resolveWithMappings(const Node& node, const Node* mappings) const {
  return traverseMappings(resolve(node), mappings);
}

}  // namespace samshift::sam
