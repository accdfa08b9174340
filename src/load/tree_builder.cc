#include "load/tree_builder.h"

#include <algorithm>
#include <cctype>

#include "load/short_forms.h"
#include "model/scalar_resolver.h"

namespace samshift::load {

using model::MapEntry;
using model::Node;
using model::NodeKind;
using model::NodeStyle;

namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

core::Span spanOf(uint32_t begin, uint32_t end) { return core::Span{begin, std::max(begin, end)}; }

}  // namespace

TreeBuilder::Size TreeBuilder::sizeOf(const Node& node) {
  Size size{1, node.text().size() + node.tag().size(), 0};
  auto add = [&size](const Size& child) {
    size.nodes += child.nodes;
    size.textBytes += child.textBytes;
    size.height = std::max(size.height, child.height + 1);
  };
  if (node.isSequence() || node.isMapping()) size.height = 1;
  for (const Node& item : node.items()) add(sizeOf(item));
  for (const MapEntry& entry : node.entries()) {
    add(sizeOf(entry.key));
    add(sizeOf(entry.value));
  }
  return size;
}

bool TreeBuilder::stop(uint32_t begin, uint32_t end, std::string message) {
  problems_.push_back(model::LoadProblem{model::ProblemKind::kSyntax,
                                         spanOf(begin, std::max(end, begin + 1)),
                                         std::move(message),
                                         {},
                                         {}});
  stopped_ = true;
  return false;
}

// True when no limit was passed; otherwise stops loading at [begin, end).
bool TreeBuilder::within(Limit passed, uint32_t begin, uint32_t end) {
  return passed == Limit::kNone || stop(begin, end, budget_.describe(passed));
}

bool TreeBuilder::onEvent(const YamlEvent& event) {
  switch (event.kind) {
    case YamlEventKind::kDocumentStart:
      if (++documents_ == 2)
        return stop(event.begin, event.begin + 1, "Expected a single document, found another here");
      return true;
    case YamlEventKind::kScalar: {
      Node node = scalarNode(event);
      uint32_t begin = event.begin;
      uint32_t end = event.end;
      // A block scalar's text ends at its last character, not after the line breaks it keeps.
      if (event.style == NodeStyle::kLiteral || event.style == NodeStyle::kFolded) {
        while (end > event.valueBegin + 1 && end <= text_.size() &&
               std::isspace(static_cast<unsigned char>(text_[end - 1])))
          --end;
        node.setSpan(spanOf(event.valueBegin, end));
      }
      if (event.emptyWithoutPosition) {
        begin = end = std::min(event.begin, emptyValuePosition(event.begin));
        node.setSpan(spanOf(begin, end));
      }
      size_t nodes = 1;
      if (isShortFormTag(event.tag)) {
        node = wrapShortForm(
            event.tag, std::move(node),
            spanOf(event.begin, event.begin + static_cast<uint32_t>(event.tag.size())));
        nodes = sizeOf(node).nodes;  // a few: the wrapper, its key, a split `!GetAtt`
      }
      if (!within(budget_.addNodes(nodes), begin, end)) return false;
      node.setSpan(spanOf(begin, end));
      if (!event.tag.empty() && event.tag != "!") node.setTag(event.tag);
      return attach(std::move(node), event.anchor, begin, end);
    }
    case YamlEventKind::kAlias: {
      auto found = anchors_.find(event.anchor);
      if (found == anchors_.end())
        return stop(event.begin, event.end, "Alias refers to an unknown anchor");
      const Size& size = found->second.size;
      if (size.height > 0 &&
          !within(budget_.checkDepth(depth_ + size.height - 1), event.begin, event.end))
        return false;
      if (!within(budget_.addCopy(size.nodes, size.textBytes), event.begin, event.end))
        return false;
      Node copy = found->second.node;
      copy.setSpan(spanOf(event.begin, event.end));
      return attach(std::move(copy), {}, event.begin, event.end);
    }
    case YamlEventKind::kSequenceStart:
      return open(event, Node::sequence());
    case YamlEventKind::kMappingStart:
      return open(event, Node::mapping());
    case YamlEventKind::kSequenceEnd:
    case YamlEventKind::kMappingEnd:
      return close(event.end);
  }
  return true;
}

// An empty value sits just after the `:` of its key, or just after the `-` of its item.
uint32_t TreeBuilder::emptyValuePosition(uint32_t fallback) const {
  if (depth_ == 0) return fallback;
  const Frame& frame = stack_[depth_ - 1];
  char introducer = frame.node.isMapping() && frame.pendingKey ? ':'
                    : frame.node.isSequence()                  ? '-'
                                                               : '\0';
  if (introducer == '\0') return fallback;
  size_t found = text_.find(introducer, frame.lastEnd);
  return found == std::string_view::npos || found >= fallback ? fallback
                                                              : static_cast<uint32_t>(found + 1);
}

Node TreeBuilder::scalarNode(const YamlEvent& event) const {
  Node node;
  const std::string& tag = event.tag;
  if (event.isNull && (tag.empty() || isShortFormTag(tag))) {
    node.setScalar(NodeKind::kNull, event.value);
  } else if (tag.empty() && event.style == NodeStyle::kPlain) {
    model::resolvePlainScalar(event.value, node);
  } else if (tag.rfind(kCoreTagPrefix, 0) == 0 && tag != std::string(kCoreTagPrefix) + "str") {
    model::resolvePlainScalar(event.value, node);  // `!!int 5` and friends: typed as written
  } else {
    node.setScalar(NodeKind::kString, event.value);
  }
  node.setStyle(event.style);
  node.setSpan(spanOf(event.valueBegin, event.end));
  return node;
}

bool TreeBuilder::open(const YamlEvent& event, Node node) {
  if (!within(budget_.checkDepth(depth_), event.begin, event.begin + 1)) return false;
  if (!within(budget_.addNodes(1), event.begin, event.begin + 1)) return false;
  if (depth_ == stack_.size()) stack_.emplace_back();
  Frame& frame = stack_[depth_++];
  node.setStyle(event.style);
  frame.node = std::move(node);
  frame.tag = event.tag;
  frame.anchor = event.anchor;
  frame.begin = event.begin;
  frame.lastEnd = event.valueBegin;
  frame.pendingKey.reset();
  frame.entries.clear();
  frame.items.clear();
  frame.merges.clear();
  return true;
}

bool TreeBuilder::close(uint32_t end) {
  Frame& frame = stack_[--depth_];
  // A block collection ends with its last child, not where the parser saw the next token.
  if (frame.node.style() == NodeStyle::kBlock && frame.lastEnd > frame.begin) end = frame.lastEnd;
  // An empty collection gets no children block (see model::Node).
  if (frame.entries.size() > 0) frame.entries.takeInto(frame.node.entries());
  if (!frame.items.empty()) frame.items.takeInto(frame.node.items());
  if (!frame.merges.empty() && !applyMerges(frame, end)) return false;
  Node node = std::move(frame.node);
  node.setSpan(spanOf(frame.begin, end));
  if (isShortFormTag(frame.tag)) {
    if (!within(budget_.addNodes(2), frame.begin, end)) return false;  // the wrapper and its key
    node =
        wrapShortForm(frame.tag, std::move(node),
                      spanOf(frame.begin, frame.begin + static_cast<uint32_t>(frame.tag.size())));
    node.setSpan(spanOf(frame.begin, end));
  }
  if (!frame.tag.empty() && frame.tag != "!") node.setTag(frame.tag);
  return attach(std::move(node), frame.anchor, frame.begin, end);
}

bool TreeBuilder::attach(Node&& node, const std::string& anchor, uint32_t begin, uint32_t end) {
  if (!anchor.empty()) {
    // The anchor keeps a copy (the node itself moves on into its parent): a copy like an alias's.
    Size size = sizeOf(node);
    if (!within(budget_.addCopy(size.nodes, size.textBytes), begin, end)) return false;
    anchors_[anchor] = Anchored{node, size};
  }
  if (depth_ == 0) {
    if (!root_) root_ = std::move(node);
    return true;
  }
  Frame& frame = stack_[depth_ - 1];
  frame.lastEnd = std::max(frame.lastEnd, end);
  if (frame.node.isSequence()) {
    frame.items.push(std::move(node));
    return true;
  }
  if (!frame.pendingKey) {
    if (!node.isScalar()) {
      problems_.push_back(model::LoadProblem{
          model::ProblemKind::kSyntax,
          node.span(),
          "A mapping key must be a scalar, not a " + std::string(model::nodeKindName(node.kind())),
          {},
          {}});
    }
    frame.pendingKey = std::move(node);
    return within(budget_.checkProblems(problems_.size()), begin, end);
  }
  Node key = std::move(*frame.pendingKey);
  frame.pendingKey.reset();
  addEntry(frame, std::move(key), std::move(node));
  return within(budget_.checkProblems(problems_.size()), begin, end);
}

void TreeBuilder::addEntry(Frame& frame, Node&& key, Node&& value) {
  if (key.style() == NodeStyle::kPlain && key.isString("<<") && key.tag().empty()) {
    frame.merges.push_back(std::move(value));
    return;
  }
  frame.entries.add(std::move(key), std::move(value), problems_);
}

// YAML merge keys: entries of the merged mappings come first, explicit keys win, and among
// several merged mappings the earlier one wins (PyYAML's flatten_mapping). The entries merged in
// are copies, and count as copies.
bool TreeBuilder::applyMerges(Frame& frame, uint32_t end) {
  std::vector<const Node*> sources;
  for (const Node& merge : frame.merges) {
    bool valid = merge.isMapping();
    if (merge.isMapping()) sources.push_back(&merge);
    if (merge.isSequence()) {
      valid = std::all_of(merge.items().begin(), merge.items().end(),
                          [](const Node& n) { return n.isMapping(); });
      for (const Node& item : merge.items()) {
        if (item.isMapping()) sources.push_back(&item);
      }
    }
    if (!valid) {
      problems_.push_back(
          model::LoadProblem{model::ProblemKind::kSyntax,
                             merge.span(),
                             "A merge key `<<` needs a mapping or a list of mappings",
                             {},
                             {}});
    }
  }
  if (!within(budget_.checkProblems(problems_.size()), frame.begin, end)) return false;
  std::vector<MapEntry> merged;
  std::unordered_map<std::string, bool> seen;
  for (const MapEntry& own : frame.node.entries()) seen[own.key.text()] = true;
  for (const Node* source : sources) {
    for (const MapEntry& entry : source->entries()) {
      if (!seen.emplace(entry.key.text(), true).second) continue;
      Size key = sizeOf(entry.key);
      Size value = sizeOf(entry.value);
      if (!within(budget_.addCopy(key.nodes + value.nodes, key.textBytes + value.textBytes),
                  frame.begin, end)) {
        return false;
      }
      merged.push_back(entry);
    }
  }
  for (MapEntry& own : frame.node.entries()) merged.push_back(std::move(own));
  frame.node.entries() = std::move(merged);
  return true;
}

}  // namespace samshift::load
