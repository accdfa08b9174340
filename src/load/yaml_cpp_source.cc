// yaml-cpp as a YAML event source. Its events carry only a start mark and no scalar style, so
// ends and styles are read back from the text (YamlSourceText).

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <sstream>
#include <unordered_map>

#include "load/yaml_parsers.h"
#include "load/yaml_source_text.h"

namespace samshift::load {

namespace {

using model::NodeStyle;

// Thrown inside the handler when the sink stops the parse; caught at the yaml-cpp boundary.
struct SinkStopped {};

class EventAdapter : public YAML::EventHandler {
 public:
  EventAdapter(const YamlSourceText& source, YamlEventSink& sink) : source_(source), sink_(sink) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    YamlEvent event;
    event.kind = YamlEventKind::kDocumentStart;
    event.begin = event.end = source_.originalOffset(mark.pos);
    emit(event);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    size_t token = source_.skipProperties(mark.pos);
    size_t end = source_.nullEnd(token);
    YamlEvent event = scalarEvent(mark.pos, token, end, anchor);
    event.isNull = true;
    event.value = source_.text().substr(token, end - token);
    event.emptyWithoutPosition = end == token;
    emit(event);
    childEnded(end);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::string& text = source_.text();
    size_t end = mark.pos + 1;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           text[end] != ',' && text[end] != ']' && text[end] != '}') {
      ++end;
    }
    YamlEvent event;
    event.kind = YamlEventKind::kAlias;
    event.begin = event.valueBegin = source_.originalOffset(mark.pos);
    event.end = source_.originalOffset(end);
    event.anchor = anchorName(anchor);
    emit(event);
    childEnded(end);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    size_t token = source_.skipProperties(mark.pos);
    size_t end = source_.scalarEnd(token, value, inFlow());
    YamlEvent event = scalarEvent(mark.pos, token, end, anchor);
    event.tag = tag == "?" || tag == "!" ? "" : tag;
    event.value = value;
    char first = token < source_.text().size() ? source_.text()[token] : '\0';
    event.style = first == '"'    ? NodeStyle::kDoubleQuoted
                  : first == '\'' ? NodeStyle::kSingleQuoted
                  : first == '|'  ? NodeStyle::kLiteral
                  : first == '>'  ? NodeStyle::kFolded
                  : tag == "!"    ? NodeStyle::kDoubleQuoted  // non-plain but not found: not plain
                                  : NodeStyle::kPlain;
    emit(event);
    childEnded(end);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(YamlEventKind::kSequenceStart, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(YamlEventKind::kSequenceEnd, ']'); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(YamlEventKind::kMappingStart, mark, tag, anchor, style);
  }
  void OnMapEnd() override { close(YamlEventKind::kMappingEnd, '}'); }
  void OnAnchor(const YAML::Mark&, const std::string& name) override { pendingAnchorName_ = name; }

 private:
  struct Open {
    bool flow = false;
    bool bracketed = false;  // false for a single `key: value` pair inside a flow sequence
    size_t lastEnd = 0;
  };

  bool inFlow() const { return !open_.empty() && open_.back().flow; }

  std::string anchorName(YAML::anchor_t anchor) {
    if (anchor == 0) return {};
    auto [it, inserted] = anchorNames_.try_emplace(anchor, pendingAnchorName_);
    if (inserted) pendingAnchorName_.clear();
    return it->second;
  }

  YamlEvent scalarEvent(size_t markPos, size_t token, size_t end, YAML::anchor_t anchor) {
    YamlEvent event;
    event.kind = YamlEventKind::kScalar;
    event.begin = source_.originalOffset(markPos);
    event.valueBegin = source_.originalOffset(token);
    event.end = source_.originalOffset(end);
    event.anchor = anchorName(anchor);
    return event;
  }

  void open(YamlEventKind kind, const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
    Open frame;
    frame.flow = style == YAML::EmitterStyle::Flow;
    size_t token = source_.skipProperties(mark.pos);
    char first = token < source_.text().size() ? source_.text()[token] : '\0';
    frame.bracketed = frame.flow && (first == '[' || first == '{');
    frame.lastEnd = frame.bracketed ? token + 1 : token;
    YamlEvent event;
    event.kind = kind;
    event.begin = source_.originalOffset(mark.pos);
    event.valueBegin = source_.originalOffset(token);
    event.tag = tag == "?" || tag == "!" ? "" : tag;
    event.anchor = anchorName(anchor);
    event.style = frame.flow ? NodeStyle::kFlow : NodeStyle::kBlock;
    open_.push_back(frame);
    emit(event);
  }

  void close(YamlEventKind kind, char bracket) {
    Open frame = open_.back();
    open_.pop_back();
    size_t end =
        frame.bracketed ? source_.flowCollectionEnd(frame.lastEnd, bracket) : frame.lastEnd;
    YamlEvent event;
    event.kind = kind;
    event.end = source_.originalOffset(end);
    emit(event);
    childEnded(end);
  }

  void childEnded(size_t end) {
    if (!open_.empty()) open_.back().lastEnd = std::max(open_.back().lastEnd, end);
  }

  void emit(const YamlEvent& event) {
    if (!sink_.onEvent(event)) throw SinkStopped{};
  }

  const YamlSourceText& source_;
  YamlEventSink& sink_;
  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, std::string> anchorNames_;
  std::string pendingAnchorName_;
};

// yaml-cpp's messages are terse; say what usually causes them.
std::string explain(const YamlSourceText& source, const YAML::ParserException& error) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&error) != nullptr)
    return "Nesting too deep for the YAML parser";
  std::string message = error.msg;
  if (!message.empty())
    message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  const std::string& text = source.text();
  size_t at = std::min<size_t>(error.mark.pos, text.size());
  size_t lineBegin = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
  lineBegin = lineBegin == std::string::npos ? 0 : lineBegin + 1;
  for (size_t i = lineBegin; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t')
      return message + " (a tab is used for indentation; YAML allows only spaces)";
  }
  return message;
}

}  // namespace

std::optional<model::LoadProblem> parseWithYamlCpp(std::string_view text, YamlEventSink& sink) {
  YamlSourceText source(text);
  std::istringstream stream(source.text());
  EventAdapter adapter(source, sink);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(adapter)) {
    }
  } catch (const SinkStopped&) {
    return std::nullopt;
  } catch (const YAML::ParserException& error) {
    uint32_t at = source.originalOffset(error.mark.pos);
    return model::LoadProblem{
        model::ProblemKind::kSyntax, core::Span{at, at + 1}, explain(source, error), {}, {}};
  } catch (const YAML::Exception& error) {
    return model::LoadProblem{model::ProblemKind::kSyntax, core::Span{0, 1}, error.msg, {}, {}};
  }
  return std::nullopt;
}

}  // namespace samshift::load
