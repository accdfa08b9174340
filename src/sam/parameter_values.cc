#include "sam/parameter_values.h"

#include <algorithm>
#include <cctype>

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

size_t treeBytes(const Node& node) {
  size_t bytes = sizeof(Node) + node.text().size();
  for (const MapEntry& entry : node.entries())
    bytes += treeBytes(entry.key) + treeBytes(entry.value);
  for (const Node& item : node.items()) bytes += treeBytes(item);
  return bytes;
}

std::string ResolveFailure::describe() const {
  switch (kind) {
    case Kind::kCycle: {
      std::string path;
      for (const std::string& name : chain) path += (path.empty() ? "`" : " → `") + name + "`";
      std::string first = chain.empty() ? std::string() : chain.front();
      return "parameter `" + first + "` whose value refers back to itself (" + path + ")";
    }
    case Kind::kTooDeep:
      return "a value nested more than " + std::to_string(ParameterValues::kMaxResolvedDepth) +
             " levels deep once parameters are substituted";
    case Kind::kTooLarge:
      return "parameter values that grow past " +
             std::to_string(ParameterValues::kMaxSubstitutedBytes >> 20) + " MiB once substituted";
  }
  return "a value that cannot be resolved";
}

std::string ResolveFailure::describeForSam() const {
  // SAM walks into every value it substitutes: a cycle repeats the same walk until Python stops
  // it. Depth and size bounds are samshift's own and say nothing of what SAM does.
  if (kind == Kind::kCycle) return describe() + ", on which SAM's transform fails (RecursionError)";
  return describe();
}

ParameterValues::ParameterValues(const model::Template& templ,
                                 const std::vector<std::pair<std::string, std::string>>& overrides,
                                 std::string region)
    : region_(std::move(region)), partition_(partitionOfRegion(region_)) {
  auto keep = [&](const std::string& name, Node node) {
    size_t bytes = treeBytes(node);
    values_.insert_or_assign(name, Value{std::move(node), bytes});
  };
  for (const auto& [name, value] : overrides) keep(name, Node::string(value));
  if (const Node* parameters = templ.parameters(); parameters && parameters->isMapping()) {
    for (const MapEntry& entry : parameters->entries()) {
      if (values_.count(entry.key.text())) continue;
      if (const Node* def = entry.value.get("Default")) keep(entry.key.text(), *def);
    }
  }
  keep("AWS::Region", Node::string(region_));
  keep("AWS::Partition", Node::string(partition_));
}

const Node* ParameterValues::value(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second.node;
}

bool ParameterValues::spend(size_t bytes) const {
  if (bytes > substitutionBudget_) {
    substitutionBudget_ = 0;
    return false;
  }
  substitutionBudget_ -= bytes;
  return true;
}

namespace {

// Python's str() of a scalar, as SAM's Sub substitution writes it.
std::string scalarText(const Node& node) {
  if (node.isBool()) return node.boolValue() ? "True" : "False";
  return node.text();
}

// One resolution of one value, in place: SAM's pre-order traversal (resolve a node, then walk
// into what it became), with the guards SAM lacks. The first failure stops all further work.
class Resolution {
 public:
  explicit Resolution(const ParameterValues& params) : params_(params) {}

  void parameters(Node& node, size_t depth) {
    if (!enter(depth)) return;
    std::string_view function = node.intrinsicName();
    if (function == "Ref") {
      const Node& arg = node.intrinsicArgument();
      const Node* value = arg.isString() ? params_.value(arg.text()) : nullptr;
      if (value) {
        substituteParameter(node, arg.text(), *value, depth);
        return;
      }
    } else if (function == "Fn::Sub") {
      Node& sub = node.entries()[0].value;
      if (sub.isString()) {
        substituteText(sub);
      } else if (sub.isSequence() && !sub.items().empty() && sub.items()[0].isString()) {
        substituteText(sub.items()[0]);
      }
      if (failure) return;
    }
    for (MapEntry& entry : node.entries()) parameters(entry.value, depth + 1);
    for (Node& item : node.items()) parameters(item, depth + 1);
  }

  // `Fn::FindInMap` with plain-string arguments (after resolving FindInMaps among them) becomes
  // the mapping's value.
  void mappings(Node& node, size_t depth, const Node* maps) {
    if (!enter(depth)) return;
    if (node.intrinsicName() == "Fn::FindInMap") {
      mappings(node.entries()[0].value, depth + 1, maps);
      if (failure) return;
      if (const Node* found = findInMap(node.intrinsicArgument(), maps)) {
        if (!params_.spend(treeBytes(*found))) return fail(ResolveFailure::Kind::kTooLarge);
        node = *found;
      }
      return;
    }
    for (MapEntry& entry : node.entries()) mappings(entry.value, depth + 1, maps);
    for (Node& item : node.items()) mappings(item, depth + 1, maps);
  }

  std::optional<ResolveFailure> failure;

 private:
  bool enter(size_t depth) {
    if (failure) return false;
    if (depth > ParameterValues::kMaxResolvedDepth) {
      fail(ResolveFailure::Kind::kTooDeep);
      return false;
    }
    return true;
  }

  void fail(ResolveFailure::Kind kind) {
    if (!failure) failure = ResolveFailure{kind, {}, {}};
  }

  // `{Ref: name}` becomes the parameter's value, and SAM walks on into that value: meeting `name`
  // again there would repeat the same walk for ever.
  void substituteParameter(Node& node, std::string_view name, const Node& value, size_t depth) {
    if (std::find(resolving_.begin(), resolving_.end(), name) != resolving_.end()) {
      ResolveFailure cycle{ResolveFailure::Kind::kCycle, {}, node.span()};
      auto from = std::find(resolving_.begin(), resolving_.end(), name);
      for (auto it = from; it != resolving_.end(); ++it) cycle.chain.emplace_back(*it);
      cycle.chain.emplace_back(name);
      failure = std::move(cycle);
      return;
    }
    if (!params_.spend(treeBytes(value))) return fail(ResolveFailure::Kind::kTooLarge);
    std::string held(name);  // `name` lives in `node`, which the value replaces
    node = value;
    resolving_.push_back(std::move(held));
    for (MapEntry& entry : node.entries()) parameters(entry.value, depth + 1);
    for (Node& item : node.items()) parameters(item, depth + 1);
    resolving_.pop_back();
  }

  // Substitutes `${Name}` (Name made of [A-Za-z0-9.:]) when Name is a parameter with a scalar
  // value.
  void substituteText(Node& node) {
    std::string_view text = node.text();
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
      if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
        size_t j = i + 2;
        while (j < text.size() &&
               (isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.' || text[j] == ':')) {
          ++j;
        }
        if (j < text.size() && text[j] == '}' && j > i + 2) {
          const Node* value = params_.value(text.substr(i + 2, j - i - 2));
          if (value && value->isScalar() && !value->isNull()) {
            std::string replacement = scalarText(*value);
            if (!params_.spend(replacement.size())) return fail(ResolveFailure::Kind::kTooLarge);
            out += replacement;
          } else {
            out.append(text.substr(i, j + 1 - i));
          }
          i = j + 1;
          continue;
        }
      }
      out += text[i++];
    }
    node = Node::string(std::move(out));
  }

  static const Node* findInMap(const Node& arg, const Node* maps) {
    if (!arg.isSequence() || arg.items().size() != 3 || !maps || !maps->isMapping()) return nullptr;
    for (const Node& key : arg.items()) {
      if (!key.isString()) return nullptr;
    }
    const Node* top = maps->get(arg.items()[0].text());
    const Node* second = top ? top->get(arg.items()[1].text()) : nullptr;
    return second ? second->get(arg.items()[2].text()) : nullptr;
  }

  const ParameterValues& params_;
  std::vector<std::string>
      resolving_;  // the parameters whose values are being walked, outermost first
};

}  // namespace

Resolved ParameterValues::resolve(const Node& node) const {
  Resolved out{node, std::nullopt};
  Resolution resolution(*this);
  resolution.parameters(out.value, 0);
  out.failure = std::move(resolution.failure);
  return out;
}

Resolved ParameterValues::resolveWithMappings(const Node& node, const Node* mappings) const {
  Resolved out = resolve(node);
  if (out.failure) return out;
  Resolution resolution(*this);
  resolution.mappings(out.value, 0, mappings);
  out.failure = std::move(resolution.failure);
  return out;
}

}  // namespace samshift::sam
