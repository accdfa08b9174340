#include "load/json_loader.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cerrno>
#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "load/child_buffer.h"
#include "load/load_budget.h"
#include "load/mapping_entries.h"
#include "load/text_checks.h"

namespace samshift::load {

namespace {

using model::MapEntry;
using model::Node;
using model::NodeKind;
using model::NodeStyle;

// A RapidJSON input stream over the file's bytes that lets the handler ask where it is.
class OffsetStream {
 public:
  using Ch = char;
  explicit OffsetStream(std::string_view text) : text_(text) {}
  Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
  size_t Tell() const { return pos_; }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  TreeBuilder(std::string_view text, const OffsetStream& stream, const LoadLimits& limits,
              std::vector<model::LoadProblem>& problems)
      : text_(text), stream_(stream), budget_(limits), problems_(problems) {}

  std::optional<Node>& root() { return root_; }
  // Why the handler stopped the parse (a limit passed), or empty.
  const std::string& limitMessage() const { return limitMessage_; }

  bool Null() { return scalar(Node::null()); }
  bool Bool(bool value) { return scalar(Node::boolean(value)); }
  bool Int(int value) { return Int64(value); }
  bool Uint(unsigned value) { return Int64(value); }
  bool Int64(int64_t value) { return scalar(Node::integer(value)); }
  bool Uint64(uint64_t value) {
    if (value > static_cast<uint64_t>(INT64_MAX)) return Double(static_cast<double>(value));
    return Int64(static_cast<int64_t>(value));
  }
  bool Double(double value) { return scalar(Node::floating(value)); }
  // Numbers arrive as their text (RapidJSON's own conversion asserts on some huge exponents):
  // integers that fit 64 bits stay integers, everything else is read by strtod, correctly rounded.
  bool RawNumber(const char* chars, rapidjson::SizeType length, bool) {
    std::string text(chars, length);
    bool integral = text.find_first_of(".eE") == std::string::npos;
    if (integral) {
      errno = 0;
      long long value = std::strtoll(text.c_str(), nullptr, 10);
      if (errno != ERANGE) {
        Node node = Node::integer(value);
        node.setScalar(NodeKind::kInt, text);
        node.setIntValue(value);
        return scalar(std::move(node));
      }
    }
    Node node = Node::floating(std::strtod(text.c_str(), nullptr));
    node.setScalar(NodeKind::kFloat, text);
    return scalar(std::move(node));
  }
  bool String(const char* chars, rapidjson::SizeType length, bool) {
    return scalar(Node::string(std::string(chars, length)));
  }
  bool Key(const char* chars, rapidjson::SizeType length, bool) {
    Node key = Node::string(std::string(chars, length));
    key.setStyle(NodeStyle::kJson);
    key.setSpan(tokenSpan());
    pendingKey_ = std::move(key);
    return true;
  }
  bool StartObject() { return open(Node::mapping()); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(Node::sequence()); }
  bool EndArray(rapidjson::SizeType) { return close(); }

 private:
  // Frames are reused from one collection to the next at the same depth (see ChildBuffer).
  struct Frame {
    Node node;
    uint32_t begin = 0;
    std::optional<Node> key;
    MappingEntries entries;
    ChildBuffer<Node> items;
  };

  // A token begins at the first byte after the previous token that is not white space or a
  // separator; it ends where the stream now stands.
  core::Span tokenSpan() {
    size_t begin = previousEnd_;
    while (begin < text_.size() &&
           (text_[begin] == ' ' || text_[begin] == '\t' || text_[begin] == '\n' ||
            text_[begin] == '\r' || text_[begin] == ',' || text_[begin] == ':')) {
      ++begin;
    }
    previousEnd_ = stream_.Tell();
    return core::Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(previousEnd_)};
  }

  bool scalar(Node node) {
    node.setStyle(NodeStyle::kJson);
    node.setSpan(tokenSpan());
    return attach(std::move(node));
  }

  // True when no limit was passed; otherwise records why the parse stops.
  bool within(Limit passed) {
    if (passed == Limit::kNone) return true;
    limitMessage_ = budget_.describe(passed);
    return false;
  }

  bool open(Node node) {
    if (!within(budget_.checkDepth(depth_)) || !within(budget_.addNodes(1))) return false;
    // RapidJSON's iterative reader reports a bracket before consuming it.
    if (depth_ == stack_.size()) stack_.emplace_back();
    Frame& frame = stack_[depth_++];
    frame.begin = tokenSpan().begin;
    previousEnd_ = stream_.Tell() + 1;
    frame.key = std::move(pendingKey_);
    pendingKey_.reset();
    node.setStyle(NodeStyle::kJson);
    frame.node = std::move(node);
    frame.entries.clear();
    frame.items.clear();
    return true;
  }

  bool close() {
    previousEnd_ = stream_.Tell() + 1;
    Frame& frame = stack_[--depth_];
    // An empty collection gets no children block (see model::Node).
    if (frame.entries.size() > 0) frame.entries.takeInto(frame.node.entries());
    if (!frame.items.empty()) frame.items.takeInto(frame.node.items());
    frame.node.setSpan(core::Span{frame.begin, static_cast<uint32_t>(previousEnd_)});
    pendingKey_ = std::move(frame.key);
    frame.key.reset();
    return attach(std::move(frame.node));
  }

  bool attach(Node node) {
    // A scalar counts here, a collection at its start, a key with its value.
    if (node.isScalar() && !within(budget_.addNodes(1))) return false;
    if (depth_ == 0) {
      root_ = std::move(node);
      return true;
    }
    Frame& frame = stack_[depth_ - 1];
    if (frame.node.isSequence()) {
      frame.items.push(std::move(node));
      return true;
    }
    Node key = std::move(*pendingKey_);
    pendingKey_.reset();
    frame.entries.add(std::move(key), std::move(node), problems_);
    return within(budget_.addNodes(1)) && within(budget_.checkProblems(problems_.size()));
  }

  std::string_view text_;
  const OffsetStream& stream_;
  LoadBudget budget_;
  std::vector<model::LoadProblem>& problems_;
  std::vector<Frame> stack_;  // frames [0, depth_) are open
  size_t depth_ = 0;
  std::optional<Node> pendingKey_;
  std::optional<Node> root_;
  size_t previousEnd_ = 0;
  std::string limitMessage_;
};

}  // namespace

void loadJson(model::Document& doc, const LoadLimits& limits) {
  doc.format = model::Format::kJson;
  doc.parsed = false;
  std::string_view text = doc.source.text();
  if (auto unreadable = findUnreadableText(text, limits)) {
    doc.problems.push_back(*unreadable);
    return;
  }
  size_t bom = byteOrderMarkLength(text);
  OffsetStream stream(text);
  while (stream.Tell() < bom) stream.Take();
  TreeBuilder builder(text, stream, limits, doc.problems);
  rapidjson::Reader reader;
  // Iterative parsing: RapidJSON's recursive parser would overflow the stack on deep input.
  rapidjson::ParseResult result =
      reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag |
                   rapidjson::kParseNanAndInfFlag>(stream, builder);
  if (result.IsError()) {
    auto at = static_cast<uint32_t>(std::min(result.Offset(), text.size()));
    std::string message = !builder.limitMessage().empty()
                              ? builder.limitMessage()
                              : std::string(rapidjson::GetParseError_En(result.Code()));
    if (!message.empty() && message.back() == '.') message.pop_back();
    doc.problems.push_back(
        model::LoadProblem{model::ProblemKind::kSyntax, core::Span{at, at + 1}, message, {}, {}});
    return;
  }
  doc.root = std::move(builder.root()).value_or(Node());
  doc.parsed = true;
}

}  // namespace samshift::load
