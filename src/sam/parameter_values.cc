#include "sam/parameter_values.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

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

std::optional<std::string> valueText(const Node& node) {
  if (node.isString() || node.isInt() || node.isFloat()) return node.text();
  if (node.isBool()) return std::string(node.boolValue() ? "true" : "false");
  return std::nullopt;
}

std::optional<double> valueNumber(const Node& node) {
  if (node.isInt()) return static_cast<double>(node.intValue());
  if (node.isFloat()) return node.floatValue();
  if (node.isString() && !node.text().empty()) {
    char* end = nullptr;
    double value = std::strtod(node.text().c_str(), &end);
    if (end && *end == '\0') return value;
  }
  return std::nullopt;
}

std::string ResolveFailure::describe() const {
  switch (kind) {
    case Kind::kCycle: {
      std::string path;
      for (const std::string& name : chain) path += (path.empty() ? "`" : " → `") + name + "`";
      std::string first = chain.empty() ? std::string() : chain.front();
      return subject + " `" + first + "` whose value refers back to itself (" + path + ")";
    }
    case Kind::kTooDeep:
      return "a value nested more than " + std::to_string(ParameterValues::kMaxResolvedDepth) +
             " levels deep once parameters are substituted";
    case Kind::kTooLarge:
      return "parameter values that grow past " +
             std::to_string(ParameterValues::kMaxSubstitutedBytes >> 20) + " MiB once substituted";
    case Kind::kSubstitutedNotString:
      return "an Fn::Sub variable whose value `" + value + "` is not a string";
    case Kind::kFindInMapArguments:
      return "an Fn::FindInMap whose argument `" + value + "` is not a list of 3 values";
    case Kind::kFindInMapNotTwoLevel:
      return "an Fn::FindInMap on mapping `" + value + "`, which is not a two-level map";
    case Kind::kFindInMapUnprintable:
      return "an Fn::FindInMap SAM's resolver refuses with a message samshift cannot print";
  }
  return "a value that cannot be resolved";
}

std::string ResolveFailure::describeForSam() const {
  // SAM walks into every value it substitutes: a cycle repeats the same walk until Python stops
  // it. Depth and size bounds are samshift's own and say nothing of what SAM does.
  if (kind == Kind::kCycle) return describe() + ", on which SAM's transform fails (RecursionError)";
  if (kind != Kind::kTooDeep && kind != Kind::kTooLarge) return describe() + ", which SAM rejects";
  return describe();
}

ParameterValues::ParameterValues(const model::Template& templ) : templ_(&templ) {}

ParameterValues::ParameterValues(const model::Template& templ,
                                 const std::vector<std::pair<std::string, std::string>>& overrides,
                                 std::string region)
    : templ_(&templ),
      indexed_(true),
      region_(std::move(region)),
      partition_(partitionOfRegion(region_)),
      regionNode_(Node::string(region_)),
      partitionNode_(Node::string(partition_)) {
  for (const auto& [name, value] : overrides)
    overrides_.insert_or_assign(name, Node::string(value));
  if (const Node* parameters = templ.parameters(); parameters && parameters->isMapping()) {
    for (const MapEntry& entry : parameters->entries()) {
      // The first of duplicate names, as a linear lookup finds it.
      if (const Node* def = entry.value.get("Default")) defaults_.emplace(entry.key.text(), def);
    }
  }
}

const Node* ParameterValues::value(std::string_view name) const {
  if (!region_.empty()) {
    if (name == "AWS::Region") return &regionNode_;
    if (name == "AWS::Partition") return &partitionNode_;
  }
  if (auto it = overrides_.find(name); it != overrides_.end()) return &it->second;
  if (indexed_) {
    auto it = defaults_.find(name);
    return it == defaults_.end() ? nullptr : it->second;
  }
  const Node* parameter = templ_->parameter(name);
  return parameter ? parameter->get("Default") : nullptr;
}

std::string pythonStr(const Node& scalar) {
  if (scalar.isNull()) return "None";
  if (scalar.isBool()) return scalar.boolValue() ? "True" : "False";
  if (scalar.isInt()) return std::to_string(scalar.intValue());
  return scalar.text();
}

namespace {

// Python's str() of a list of plain strings and integers (['a', 'b']); nothing for one whose
// repr samshift does not reproduce (quotes, escapes, other kinds of items).
std::optional<std::string> simpleListRepr(const Node& list) {
  std::string out = "[";
  for (const Node& item : list.items()) {
    if (out.size() > 1) out += ", ";
    if (item.isInt()) {
      out += std::to_string(item.intValue());
      continue;
    }
    if (!item.isString()) return std::nullopt;
    for (char c : item.text()) {
      if (c < 0x20 || c > 0x7e || c == '\'' || c == '\\') return std::nullopt;
    }
    out += "'" + item.text() + "'";
  }
  return out + "]";
}

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

// The mapping value `Fn::FindInMap [map, top, second]` names, when each key is a string.
const Node* mappingValue(const Node* maps, const Node& map, const Node& top, const Node& second) {
  if (!maps || !maps->isMapping() || !map.isString() || !top.isString() || !second.isString()) {
    return nullptr;
  }
  const Node* level = maps->get(map.text());
  level = level && level->isMapping() ? level->get(top.text()) : nullptr;
  return level && level->isMapping() ? level->get(second.text()) : nullptr;
}

}  // namespace

// One resolution of one value, in place: SAM's pre-order traversal (resolve a node, then walk
// into what it became), with the guards SAM lacks. The first failure stops all further work.
class ParameterValues::Resolution {
 public:
  // `samsView`: resolve as SAM's transform does (which rejects what CloudFormation accepts).
  Resolution(const ParameterValues& values, bool samsView) : values_(values), samsView_(samsView) {}

  // SAM's parameter resolver (intrinsics/resolver.py with RefAction and SubAction).
  void parameters(Node& node, size_t depth) {
    if (!enter(depth)) return;
    std::string_view function = node.intrinsicName();
    if (function == "Ref") {
      const Node& arg = node.intrinsicArgument();
      const Node* value = arg.isString() ? values_.value(arg.text()) : nullptr;
      if (value) {
        std::string name = arg.text();
        if (!substitute(node, *value, "parameter", name, parameterStack_)) return;
        parameterStack_.push_back(std::move(name));
        walkParameters(node, depth);
        parameterStack_.pop_back();
        return;
      }
    } else if (function == "Fn::Sub") {
      Node& sub = node.entries()[0].value;
      if (sub.isString()) {
        substituteText(sub);
      } else if (sub.isSequence() && !sub.items().empty() && sub.items()[0].isString()) {
        substituteText(sub.items()[0]);
      }
    }
    walkParameters(node, depth);
  }

  // SAM's mappings resolver (FindInMapAction): the keys may themselves be FindInMaps, resolved
  // on the spot; a mapping value found is walked into like a substituted parameter value.
  void mappings(Node& node, size_t depth) {
    if (!enter(depth)) return;
    if (node.intrinsicName() == "Fn::FindInMap") {
      const Node& arg = node.intrinsicArgument();
      if (samsView_ && !findInMapReadable(arg)) return;
      if (arg.isSequence() && arg.items().size() == 3) {
        const Node* keys[3];
        for (size_t i = 0; i < 3; ++i) keys[i] = &key(arg.items()[i], depth);
        if (failure) return;
        if (samsView_ && !twoLevelMap(*keys[0], *keys[1], *keys[2])) return;
        const Node* found = mappingValue(values_.templ_->mappings(), *keys[0], *keys[1], *keys[2]);
        if (found) {
          std::string entry = keys[0]->text() + "." + keys[1]->text() + "." + keys[2]->text();
          if (!substitute(node, *found, "mapping entry", entry, entryStack_)) return;
          rewritesMappings = rewritesMappings || !entryStack_.empty();
          entryStack_.push_back(std::move(entry));
          walkMappings(node, depth);
          entryStack_.pop_back();
          return;
        }
      }
    }
    walkMappings(node, depth);
  }

  // CloudFormation's own resolution where the values allow: Fn::If by its condition, and an
  // Fn::Sub with nothing left to substitute.
  void decide(Node& node, size_t depth) {
    if (!enter(depth)) return;
    std::string_view function = node.intrinsicName();
    if (function == "Fn::If") {
      const Node& arg = node.intrinsicArgument();
      if (arg.isSequence() && arg.items().size() == 3 && arg.items()[0].isString()) {
        if (auto chosen = values_.condition(arg.items()[0].text())) {
          Node branch = std::move(node.entries()[0].value.items()[*chosen ? 1 : 2]);
          node = std::move(branch);
          decide(node, depth + 1);
          return;
        }
      }
    } else if (function == "Fn::Sub") {
      const Node& arg = node.intrinsicArgument();
      const Node* text = arg.isString() ? &arg : nullptr;
      if (arg.isSequence() && arg.items().size() == 2 && arg.items()[0].isString()) {
        text = &arg.items()[0];
      }
      if (text && !hasSubstitution(text->text())) {
        node = Node::string(unescapeSub(text->text()));
        return;
      }
    }
    for (MapEntry& entry : node.entries()) decide(entry.value, depth + 1);
    for (Node& item : node.items()) decide(item, depth + 1);
  }

  std::optional<ResolveFailure> failure;
  bool rewritesMappings = false;

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
    if (!failure) failure = ResolveFailure{kind, "parameter", {}, {}, {}};
  }

  void walkParameters(Node& node, size_t depth) {
    for (MapEntry& entry : node.entries()) parameters(entry.value, depth + 1);
    for (Node& item : node.items()) parameters(item, depth + 1);
  }

  void walkMappings(Node& node, size_t depth) {
    for (MapEntry& entry : node.entries()) mappings(entry.value, depth + 1);
    for (Node& item : node.items()) mappings(item, depth + 1);
  }

  // Replaces `node` (a reference to `name`) by a copy of `value`, unless `name` is being walked
  // already (a cycle: SAM would walk the same value for ever) or the budget is spent.
  bool substitute(Node& node, const Node& value, const char* subject, const std::string& name,
                  const std::vector<std::string>& stack) {
    if (auto from = std::find(stack.begin(), stack.end(), name); from != stack.end()) {
      ResolveFailure cycle{
          ResolveFailure::Kind::kCycle, subject, {from, stack.end()}, node.span(), {}};
      cycle.chain.push_back(name);
      failure = std::move(cycle);
      return false;
    }
    if (!spend(treeBytes(value))) return false;
    node = value;
    return true;
  }

  bool spend(size_t bytes) {
    size_t& budget = values_.substitutionBudget_;
    if (bytes > budget) {
      budget = 0;
      fail(ResolveFailure::Kind::kTooLarge);
      return false;
    }
    budget -= bytes;
    return true;
  }

  // A FindInMap key: itself, or the value a nested FindInMap names (not walked into: SAM reads
  // only a string there).
  const Node& key(const Node& node, size_t depth) {
    if (node.intrinsicName() != "Fn::FindInMap" || depth > ParameterValues::kMaxResolvedDepth) {
      return node;
    }
    const Node& arg = node.intrinsicArgument();
    if (samsView_ && !findInMapReadable(arg)) return node;
    if (!arg.isSequence() || arg.items().size() != 3) return node;
    const Node& map = key(arg.items()[0], depth + 1);
    const Node& top = key(arg.items()[1], depth + 1);
    const Node& second = key(arg.items()[2], depth + 1);
    if (failure || (samsView_ && !twoLevelMap(map, top, second))) return node;
    const Node* found = mappingValue(values_.templ_->mappings(), map, top, second);
    return found ? *found : node;
  }

  // FindInMapAction's first check: its argument is a list of 3 values. False (and the failure
  // set) when SAM raises.
  bool findInMapReadable(const Node& arg) {
    if (arg.isSequence() && arg.items().size() == 3) return true;
    std::optional<std::string> shown;
    if (arg.isSequence()) {
      shown = simpleListRepr(arg);
    } else if (arg.isScalar() && !arg.isNull()) {
      shown = pythonStr(arg);  // an f-string shows str(value)
    }
    if (!failure) {
      failure = ResolveFailure{shown ? ResolveFailure::Kind::kFindInMapArguments
                                     : ResolveFailure::Kind::kFindInMapUnprintable,
                               "mapping entry",
                               {},
                               arg.span(),
                               shown.value_or("")};
    }
    return false;
  }

  // FindInMapAction's second check, once the three keys are strings: the map, and the map's
  // top-level key when present, must be mappings. False (and the failure set) when SAM raises.
  bool twoLevelMap(const Node& map, const Node& top, const Node& second) {
    const Node* maps = values_.templ_->mappings();
    if (!maps || !maps->isMapping() || !map.isString() || !top.isString() || !second.isString())
      return true;
    const Node* level = maps->get(map.text());
    if (level && level->isMapping()) level = level->get(top.text());
    if (!level || level->isMapping()) return true;
    if (!failure) {
      failure = ResolveFailure{
          ResolveFailure::Kind::kFindInMapNotTwoLevel, "mapping entry", {}, {}, map.text()};
    }
    return false;
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
          const Node* value = values_.value(text.substr(i + 2, j - i - 2));
          // SAM's SubAction substitutes strings only and rejects the template for other values
          // (a list too, when samshift can print it as Python does).
          std::optional<std::string> notString;
          if (samsView_ && value && value->isScalar() && !value->isString()) {
            notString = pythonStr(*value);
          } else if (samsView_ && value && value->isSequence()) {
            notString = simpleListRepr(*value);
          }
          if (notString) {
            if (!failure) {
              failure = ResolveFailure{ResolveFailure::Kind::kSubstitutedNotString,
                                       "parameter",
                                       {},
                                       {},
                                       std::move(*notString)};
            }
            return;
          }
          if (value && value->isScalar() && !value->isNull()) {
            std::string replacement = pythonStr(*value);
            if (!spend(replacement.size())) return;
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

  const ParameterValues& values_;
  bool samsView_;
  std::vector<std::string> parameterStack_;  // parameters whose values are being walked
  std::vector<std::string> entryStack_;      // mapping entries whose values are being walked
};

Resolved ParameterValues::resolveThrough(const Node& node, Pass last) const {
  Resolved out{node, std::nullopt};
  Resolution resolution(*this, last != Pass::kDecisions);
  resolution.parameters(out.value, 0);
  if (last >= Pass::kMappings && !resolution.failure) resolution.mappings(out.value, 0);
  if (last >= Pass::kDecisions && !resolution.failure) resolution.decide(out.value, 0);
  out.failure = std::move(resolution.failure);
  out.rewritesMappings = resolution.rewritesMappings;
  return out;
}

Resolved ParameterValues::resolve(const Node& node) const {
  return resolveThrough(node, Pass::kParameters);
}

Resolved ParameterValues::resolveWithMappings(const Node& node) const {
  return resolveThrough(node, Pass::kMappings);
}

Resolved ParameterValues::resolveForDeployment(const Node& node) const {
  return resolveThrough(node, Pass::kDecisions);
}

namespace {

// CloudFormation's condition functions over values known before deployment. Fn::Equals compares
// the two values as strings, so `true` and "true" are equal.
std::optional<bool> evaluate(const ParameterValues& values, const Node& node, size_t depth) {
  if (depth > ParameterValues::kMaxResolvedDepth || !node.isIntrinsic()) return std::nullopt;
  std::string_view name = node.intrinsicName();
  const Node& arg = node.intrinsicArgument();
  if (name == "Condition") return arg.isString() ? values.condition(arg.text()) : std::nullopt;
  if (!arg.isSequence()) return std::nullopt;
  const std::vector<Node>& items = arg.items();
  if (name == "Fn::Equals") {
    if (items.size() != 2) return std::nullopt;
    auto side = [&](const Node& item) -> std::optional<std::string> {
      Resolved resolved = values.resolveForDeployment(item);
      if (resolved.failure) return std::nullopt;
      return valueText(resolved.value);
    };
    auto left = side(items[0]);
    auto right = side(items[1]);
    if (!left || !right) return std::nullopt;
    return *left == *right;
  }
  if (name == "Fn::Not") {
    if (items.size() != 1) return std::nullopt;
    auto inner = evaluate(values, items[0], depth + 1);
    return inner ? std::optional<bool>(!*inner) : std::nullopt;
  }
  if (name == "Fn::And" || name == "Fn::Or") {
    bool isAnd = name == "Fn::And";
    bool unknown = false;
    for (const Node& item : items) {
      auto value = evaluate(values, item, depth + 1);
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

}  // namespace

std::optional<bool> ParameterValues::condition(std::string_view name) const {
  if (auto known = conditions_.find(name); known != conditions_.end()) return known->second;
  if (std::find(evaluating_.begin(), evaluating_.end(), name) != evaluating_.end()) {
    return std::nullopt;  // a loop
  }
  const Node* conditions = templ_->conditions();
  const Node* body = conditions && conditions->isMapping() ? conditions->get(name) : nullptr;
  std::optional<bool> value;
  if (body && evaluating_.size() < kMaxConditionChain) {
    evaluating_.emplace_back(name);
    value = evaluate(*this, *body, 0);
    evaluating_.pop_back();
  }
  conditions_.emplace(std::string(name), value);
  return value;
}

std::optional<std::string> ParameterValues::string(const Node& node) const {
  // What resolve() makes of a node is a scalar only when the node is one, or a Ref whose
  // parameter value is one (a value is substituted once at its root, never resolved again).
  const Node* value = &node;
  if (auto name = model::refName(node)) value = this->value(*name);
  if (value && value->isScalar() && !value->isNull()) return value->text();
  return std::nullopt;
}

namespace {

bool appendScalar(const Node* node, std::vector<std::string>& out) {
  if (!node || !node->isScalar() || node->isNull()) return false;
  out.push_back(node->text());
  return true;
}

bool collectStrings(const ParameterValues& values, const model::Template& templ, const Node& node,
                    std::vector<std::string>& out, size_t depth) {
  if (depth > ParameterValues::kMaxBranchDepth) return false;
  if (node.isScalar()) return appendScalar(&node, out);
  if (auto name = model::refName(node)) {
    // A parameter of the template: its value, and any other value CloudFormation would accept.
    const Node* parameter = templ.parameter(*name);
    if (!parameter || !appendScalar(values.value(*name), out)) return false;
    if (const Node* allowed = parameter->get("AllowedValues"); allowed && allowed->isSequence()) {
      for (const Node& value : allowed->items()) {
        if (!appendScalar(&value, out)) return false;
      }
    }
    return true;
  }
  if (node.intrinsicName() == "Fn::If") {
    const Node& arg = node.intrinsicArgument();
    if (!arg.isSequence() || arg.items().size() != 3) return false;
    return collectStrings(values, templ, arg.items()[1], out, depth + 1) &&
           collectStrings(values, templ, arg.items()[2], out, depth + 1);
  }
  return false;
}

}  // namespace

std::optional<std::vector<std::string>> ParameterValues::possibleStrings(const Node& node) const {
  std::vector<std::string> out;
  if (!collectStrings(*this, *templ_, node, out, 0)) return std::nullopt;
  return out;
}

}  // namespace samshift::sam
