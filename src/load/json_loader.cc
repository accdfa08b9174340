#include "load/json_loader.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cerrno>
#include <cstdlib>
#include <optional>
#include <unordered_map>

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
      : text_(text), stream_(stream), limits_(limits), problems_(problems) {}

  std::optional<Node>& root() { return root_; }
  bool depthExceeded() const { return depthExceeded_; }

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
  struct Frame {
    Node node;
    uint32_t begin = 0;
    std::optional<Node> key;
    MappingEntries entries;
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
    attach(std::move(node));
    return true;
  }

  bool open(Node node) {
    if (stack_.size() >= limits_.maxDepth) {
      depthExceeded_ = true;
      return false;
    }
    // RapidJSON's iterative reader reports a bracket before consuming it.
    Frame frame;
    frame.begin = tokenSpan().begin;
    previousEnd_ = stream_.Tell() + 1;
    frame.key = std::move(pendingKey_);
    pendingKey_.reset();
    node.setStyle(NodeStyle::kJson);
    frame.node = std::move(node);
    stack_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    previousEnd_ = stream_.Tell() + 1;
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    frame.node.setSpan(core::Span{frame.begin, static_cast<uint32_t>(previousEnd_)});
    pendingKey_ = std::move(frame.key);
    attach(std::move(frame.node));
    return true;
  }

  void attach(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& frame = stack_.back();
    if (frame.node.isSequence()) {
      frame.node.push(std::move(node));
      return;
    }
    Node key = std::move(*pendingKey_);
    pendingKey_.reset();
    frame.entries.add(frame.node.entries(), std::move(key), std::move(node), problems_);
  }

  std::string_view text_;
  const OffsetStream& stream_;
  const LoadLimits& limits_;
  std::vector<model::LoadProblem>& problems_;
  std::vector<Frame> stack_;
  std::optional<Node> pendingKey_;
  std::optional<Node> root_;
  size_t previousEnd_ = 0;
  bool depthExceeded_ = false;
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
    std::string message = builder.depthExceeded()
                              ? "Nesting deeper than " + std::to_string(limits.maxDepth) + " levels"
                              : std::string(rapidjson::GetParseError_En(result.Code()));
    if (!message.empty() && message.back() == '.') message.pop_back();
    doc.problems.push_back(model::LoadProblem{model::ProblemKind::kSyntax, core::Span{at, at + 1}, message, {}, {}});
    return;
  }
  doc.root = std::move(builder.root()).value_or(Node());
  doc.parsed = true;
}

}  // namespace samshift::load
