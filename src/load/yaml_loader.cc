#include "load/yaml_loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>
#include <unordered_map>

#include "load/short_forms.h"
#include "load/text_checks.h"
#include "load/yaml_source_text.h"
#include "model/scalar_resolver.h"

namespace samshift::load {

namespace {

using model::MapEntry;
using model::Node;
using model::NodeKind;
using model::NodeStyle;

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

// Thrown from inside the event handler to stop yaml-cpp's parser when a limit is crossed; caught
// in loadYaml at the yaml-cpp boundary.
struct StopParsing {
  LoadProblem problem;
};

size_t countNodes(const Node& node) {
  size_t count = 1;
  for (const Node& item : node.items()) count += countNodes(item);
  for (const MapEntry& entry : node.entries()) count += countNodes(entry.key) + countNodes(entry.value);
  return count;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const YamlSourceText& source, const LoadLimits& limits, std::vector<LoadProblem>& problems)
      : source_(source), limits_(limits), problems_(problems) {}

  std::optional<Node> takeRoot() { return std::move(root_); }
  size_t documentCount() const { return documents_; }
  uint32_t secondDocumentOffset() const { return secondDocument_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 2) secondDocument_ = source_.originalOffset(mark.pos);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    size_t token = source_.skipProperties(mark.pos);
    size_t end = source_.nullEnd(token);
    Node node;
    node.setStyle(NodeStyle::kPlain);
    if (end == token) token = end = emptyValuePosition(mark.pos);
    node.setSpan(span(std::min<size_t>(mark.pos, token), end));
    attach(std::move(node), anchor, end);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = anchors_.find(anchor);
    size_t end = mark.pos + 1;
    while (end < source_.text().size() && !std::isspace(static_cast<unsigned char>(source_.text()[end])) &&
           source_.text()[end] != ',' && source_.text()[end] != ']' && source_.text()[end] != '}') {
      ++end;
    }
    if (found == anchors_.end()) {
      throw StopParsing{problem(mark.pos, end, "Alias refers to an unknown anchor")};
    }
    aliasNodes_ += found->second.size;
    if (aliasNodes_ > limits_.maxAliasNodes) {
      throw StopParsing{problem(mark.pos, end,
                                "Aliases expand to more than " + std::to_string(limits_.maxAliasNodes) +
                                    " nodes (an alias bomb?); expansion stopped here")};
    }
    Node copy = found->second.node;
    copy.setSpan(span(mark.pos, end));
    attach(std::move(copy), 0, end);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    size_t token = source_.skipProperties(mark.pos);
    size_t end = source_.scalarEnd(token, value, inFlow());
    Node node = scalarNode(token, tag, value);
    node.setSpan(span(token, end));
    if (isShortFormTag(tag)) {
      node = wrapShortForm(tag, std::move(node), span(mark.pos, mark.pos + tag.size()));
    }
    node.setSpan(span(mark.pos, end));
    if (!tag.empty() && tag != "?" && tag != "!") node.setTag(tag);
    attach(std::move(node), anchor, end);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Node::sequence(), mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(']'); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Node::mapping(), mark, tag, anchor, style);
  }
  void OnMapEnd() override { close('}'); }

 private:
  struct Frame {
    Node node;
    std::string tag;
    YAML::anchor_t anchor = 0;
    size_t begin = 0;
    size_t lastEnd = 0;  // parsed offset where the latest child ended
    bool flow = false;
    std::optional<Node> pendingKey;
    std::unordered_map<std::string, size_t> keyIndex;  // key text -> entry index
    std::vector<Node> merges;                           // values of `<<` keys, in order
  };

  struct Anchored {
    Node node;
    size_t size = 0;
  };

  bool inFlow() const { return !stack_.empty() && stack_.back().flow; }

  core::Span span(size_t begin, size_t end) const {
    return core::Span{source_.originalOffset(begin), source_.originalOffset(std::max(begin, end))};
  }

  LoadProblem problem(size_t begin, size_t end, std::string message) const {
    return LoadProblem{ProblemKind::kSyntax, span(begin, end), std::move(message), {}, {}};
  }

  // An empty value sits just after the `:` of its key, or just after the `-` of its item.
  size_t emptyValuePosition(size_t markPos) const {
    if (stack_.empty()) return markPos;
    const Frame& frame = stack_.back();
    if (frame.node.isMapping() && frame.pendingKey) return source_.afterColon(frame.lastEnd);
    if (frame.node.isSequence()) {
      size_t dash = source_.text().find('-', frame.lastEnd);
      return dash == std::string::npos || dash > markPos ? markPos : dash + 1;
    }
    return markPos;
  }

  Node scalarNode(size_t token, const std::string& tag, const std::string& value) const {
    Node node;
    const std::string& text = source_.text();
    char first = token < text.size() ? text[token] : '\0';
    NodeStyle style = NodeStyle::kPlain;
    if (first == '"') style = NodeStyle::kDoubleQuoted;
    if (first == '\'') style = NodeStyle::kSingleQuoted;
    if (first == '|') style = NodeStyle::kLiteral;
    if (first == '>') style = NodeStyle::kFolded;
    if (tag == "?") {
      model::resolvePlainScalar(value, node);
    } else if (tag.rfind(kCoreTagPrefix, 0) == 0 && tag != std::string(kCoreTagPrefix) + "str") {
      model::resolvePlainScalar(value, node);  // `!!int 5` and friends: typed as written
    } else {
      node.setScalar(NodeKind::kString, value);
    }
    node.setStyle(style);
    return node;
  }

  void open(Node node, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    if (stack_.size() >= limits_.maxDepth) {
      throw StopParsing{problem(mark.pos, mark.pos + 1,
                                "Nesting deeper than " + std::to_string(limits_.maxDepth) + " levels")};
    }
    Frame frame;
    frame.flow = style == YAML::EmitterStyle::Flow;
    node.setStyle(frame.flow ? NodeStyle::kFlow : NodeStyle::kBlock);
    frame.node = std::move(node);
    frame.tag = tag;
    frame.anchor = anchor;
    frame.begin = mark.pos;
    size_t token = source_.skipProperties(mark.pos);
    frame.lastEnd = frame.flow ? token + 1 : token;
    stack_.push_back(std::move(frame));
  }

  void close(char bracket) {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    size_t end = frame.flow ? source_.flowCollectionEnd(frame.lastEnd, bracket) : frame.lastEnd;
    if (!frame.merges.empty()) applyMerges(frame);
    Node node = std::move(frame.node);
    node.setSpan(span(frame.begin, end));
    if (isShortFormTag(frame.tag)) {
      node = wrapShortForm(frame.tag, std::move(node), span(frame.begin, frame.begin + frame.tag.size()));
      node.setSpan(span(frame.begin, end));
    }
    if (!frame.tag.empty() && frame.tag != "?" && frame.tag != "!") node.setTag(frame.tag);
    attach(std::move(node), frame.anchor, end);
  }

  void attach(Node node, YAML::anchor_t anchor, size_t end) {
    if (anchor != 0) anchors_[anchor] = Anchored{node, countNodes(node)};
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& frame = stack_.back();
    frame.lastEnd = std::max(frame.lastEnd, end);
    if (frame.node.isSequence()) {
      frame.node.push(std::move(node));
      return;
    }
    if (!frame.pendingKey) {
      if (!node.isScalar()) {
        problems_.push_back(LoadProblem{ProblemKind::kSyntax, node.span(),
                                        "A mapping key must be a scalar, not a " +
                                            std::string(model::nodeKindName(node.kind())),
                                        {}, {}});
      }
      frame.pendingKey = std::move(node);
      return;
    }
    Node key = std::move(*frame.pendingKey);
    frame.pendingKey.reset();
    addEntry(frame, std::move(key), std::move(node));
  }

  void addEntry(Frame& frame, Node key, Node value) {
    if (key.style() == NodeStyle::kPlain && key.isString("<<") && key.tag().empty()) {
      frame.merges.push_back(std::move(value));
      return;
    }
    auto& entries = frame.node.entries();
    auto [it, inserted] = frame.keyIndex.try_emplace(key.text(), entries.size());
    if (!inserted) {
      MapEntry& first = entries[it->second];
      problems_.push_back(LoadProblem{ProblemKind::kDuplicateKey, key.span(),
                                      "Duplicate key `" + key.text() + "`; only the last value is used",
                                      first.key.span(), "`" + key.text() + "` first appears here"});
      first.value = std::move(value);  // PyYAML keeps the last value, in the first key's place
      return;
    }
    entries.push_back(MapEntry{std::move(key), std::move(value)});
  }

  // YAML merge keys: entries of the merged mappings come first, explicit keys win, and among
  // several merged mappings the earlier one wins (PyYAML's flatten_mapping).
  void applyMerges(Frame& frame) {
    std::vector<const Node*> sources;
    for (const Node& merge : frame.merges) {
      if (merge.isMapping()) {
        sources.push_back(&merge);
      } else if (merge.isSequence()) {
        for (const Node& item : merge.items()) {
          if (item.isMapping()) sources.push_back(&item);
        }
      }
      if (!merge.isMapping() && !(merge.isSequence() && sources.size())) {
        problems_.push_back(LoadProblem{ProblemKind::kSyntax, merge.span(),
                                        "A merge key `<<` needs a mapping or a list of mappings", {}, {}});
      }
    }
    std::vector<MapEntry> merged;
    std::unordered_map<std::string, bool> seen;
    for (const MapEntry& own : frame.node.entries()) seen[own.key.text()] = true;
    for (const Node* source : sources) {
      for (const MapEntry& entry : source->entries()) {
        if (seen.emplace(entry.key.text(), true).second) merged.push_back(entry);
      }
    }
    for (MapEntry& own : frame.node.entries()) merged.push_back(std::move(own));
    frame.node.entries() = std::move(merged);
  }

  const YamlSourceText& source_;
  const LoadLimits& limits_;
  std::vector<LoadProblem>& problems_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  size_t aliasNodes_ = 0;
  std::optional<Node> root_;
  size_t documents_ = 0;
  uint32_t secondDocument_ = 0;
};

// yaml-cpp's messages are terse; say what usually causes them.
std::string explainParserError(const YamlSourceText& source, const YAML::ParserException& error) {
  std::string message = error.msg;
  if (!message.empty()) message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  const std::string& text = source.text();
  size_t lineBegin = text.rfind('\n', std::min<size_t>(error.mark.pos, text.size()) - (error.mark.pos > 0));
  lineBegin = lineBegin == std::string::npos ? 0 : lineBegin + 1;
  for (size_t i = lineBegin; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') return message + " (a tab is used for indentation; YAML allows only spaces)";
  }
  if (dynamic_cast<const YAML::DeepRecursion*>(&error) != nullptr) {
    return "Nesting too deep for the YAML parser";
  }
  return message;
}

}  // namespace

void loadYaml(Document& doc, const LoadLimits& limits) {
  doc.format = Format::kYaml;
  doc.parsed = false;
  if (auto unreadable = findUnreadableText(doc.source.text(), limits)) {
    doc.problems.push_back(*unreadable);
    return;
  }
  YamlSourceText source(doc.source.text());
  std::istringstream stream(source.text());
  TreeBuilder builder(source, limits, doc.problems);
  try {
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder) && parser.HandleNextDocument(builder) && builder.documentCount() > 1) {
      uint32_t at = builder.secondDocumentOffset();
      doc.problems.push_back(LoadProblem{ProblemKind::kSyntax, core::Span{at, at + 1},
                                         "Expected a single document, found another here", {}, {}});
    }
  } catch (const StopParsing& stop) {
    doc.problems.push_back(stop.problem);
    return;
  } catch (const YAML::ParserException& error) {
    uint32_t at = source.originalOffset(error.mark.pos);
    doc.problems.push_back(
        LoadProblem{ProblemKind::kSyntax, core::Span{at, at + 1}, explainParserError(source, error), {}, {}});
    return;
  } catch (const YAML::Exception& error) {
    doc.problems.push_back(LoadProblem{ProblemKind::kSyntax, core::Span{0, 1}, error.msg, {}, {}});
    return;
  }
  doc.root = builder.takeRoot().value_or(Node());
  doc.parsed = true;
  for (const LoadProblem& problem : doc.problems) {
    if (problem.kind == ProblemKind::kSyntax) doc.parsed = false;
  }
}

}  // namespace samshift::load
