// libyaml as a YAML event source: the YAML 1.1 parser PyYAML is built on, with start and end
// marks and the style of every event. Its marks count characters, so a cursor turns them into
// byte offsets (events arrive in order, so the cursor mostly walks forward).

#include <yaml.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <new>

#include "core/utf8.h"
#include "load/text_checks.h"
#include "load/yaml_parsers.h"

namespace samshift::load {

namespace {

using model::NodeStyle;

class CharacterToByte {
 public:
  CharacterToByte(std::string_view text, size_t bomLength)
      : text_(text), byte_(bomLength), base_(bomLength) {
    ascii_ = std::all_of(text.begin(), text.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }

  uint32_t offset(size_t characterIndex) {
    if (ascii_) return static_cast<uint32_t>(std::min(base_ + characterIndex, text_.size()));
    while (character_ < characterIndex && byte_ < text_.size()) {
      byte_ += core::utf8SequenceLength(static_cast<unsigned char>(text_[byte_]));
      ++character_;
    }
    while (character_ > characterIndex && byte_ > base_) {
      do {
        --byte_;
      } while (byte_ > base_ && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80);
      --character_;
    }
    return static_cast<uint32_t>(std::min(byte_, text_.size()));
  }

 private:
  std::string_view text_;
  size_t byte_;
  size_t base_;
  size_t character_ = 0;
  bool ascii_ = true;
};

struct ParserDeleter {
  void operator()(yaml_parser_t* parser) const {
    yaml_parser_delete(parser);
    delete parser;
  }
};

NodeStyle scalarStyle(yaml_scalar_style_t style) {
  switch (style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
      return NodeStyle::kSingleQuoted;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      return NodeStyle::kDoubleQuoted;
    case YAML_LITERAL_SCALAR_STYLE:
      return NodeStyle::kLiteral;
    case YAML_FOLDED_SCALAR_STYLE:
      return NodeStyle::kFolded;
    default:
      return NodeStyle::kPlain;
  }
}

std::string text(const yaml_char_t* chars) {
  return chars ? std::string(reinterpret_cast<const char*>(chars)) : "";
}

// libyaml's problems read like PyYAML's ("found character '\t' that cannot start any token");
// start them with a capital and add the usual cause of a tab.
std::string describeProblem(const yaml_parser_t& parser, std::string_view source, uint32_t at) {
  std::string message = parser.problem ? parser.problem : "invalid YAML";
  if (at < source.size() && source[at] == '\t' &&
      message.find("cannot start any token") != std::string::npos) {
    return "Found a tab character where a token should start (YAML allows only spaces for "
           "indentation)";
  }
  if (parser.context) message += std::string(", ") + parser.context;
  if (!message.empty())
    message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  return message;
}

}  // namespace

std::optional<model::LoadProblem> parseWithLibyaml(std::string_view source, YamlEventSink& sink) {
  size_t bom = byteOrderMarkLength(source);
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) {
    throw std::bad_alloc();
  }
  yaml_parser_set_input_string(parser.get(),
                               reinterpret_cast<const unsigned char*>(source.data() + bom),
                               source.size() - bom);
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
  CharacterToByte offsets(source, bom);
  while (true) {
    yaml_event_t raw;
    if (!yaml_parser_parse(parser.get(), &raw)) {
      // libyaml reports a failed allocation as a parse error; it is the machine's limit, not
      // the template's, and goes up as any failed allocation does.
      if (parser->error == YAML_MEMORY_ERROR) throw std::bad_alloc();
      uint32_t at = offsets.offset(parser->problem_mark.index);
      return model::LoadProblem{model::ProblemKind::kSyntax,
                                core::Span{at, at + 1},
                                describeProblem(*parser, source, at),
                                {},
                                {}};
    }
    std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> owned(&raw, yaml_event_delete);
    YamlEvent event;
    event.begin = event.valueBegin = offsets.offset(raw.start_mark.index);
    event.end = offsets.offset(raw.end_mark.index);
    switch (raw.type) {
      case YAML_STREAM_END_EVENT:
        return std::nullopt;
      case YAML_DOCUMENT_START_EVENT:
        event.kind = YamlEventKind::kDocumentStart;
        break;
      case YAML_SCALAR_EVENT: {
        event.kind = YamlEventKind::kScalar;
        event.tag = text(raw.data.scalar.tag);
        event.anchor = text(raw.data.scalar.anchor);
        event.value.assign(reinterpret_cast<const char*>(raw.data.scalar.value),
                           raw.data.scalar.length);
        event.style = scalarStyle(raw.data.scalar.style);
        if (event.tag == "!") event.tag.clear();
        // The value starts after the anchor and tag that precede it.
        if (!event.anchor.empty() || !event.tag.empty()) {
          size_t pos = event.begin;
          while (pos < source.size() && (source[pos] == '&' || source[pos] == '!')) {
            while (pos < source.size() && !std::isspace(static_cast<unsigned char>(source[pos])))
              ++pos;
            while (pos < source.size() && std::isspace(static_cast<unsigned char>(source[pos])))
              ++pos;
          }
          event.valueBegin = static_cast<uint32_t>(std::min<size_t>(pos, event.end));
        }
        break;
      }
      case YAML_ALIAS_EVENT:
        event.kind = YamlEventKind::kAlias;
        event.anchor = text(raw.data.alias.anchor);
        break;
      case YAML_SEQUENCE_START_EVENT:
        event.kind = YamlEventKind::kSequenceStart;
        event.tag = text(raw.data.sequence_start.tag);
        event.anchor = text(raw.data.sequence_start.anchor);
        event.style = raw.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE ? NodeStyle::kFlow
                                                                                : NodeStyle::kBlock;
        break;
      case YAML_MAPPING_START_EVENT:
        event.kind = YamlEventKind::kMappingStart;
        event.tag = text(raw.data.mapping_start.tag);
        event.anchor = text(raw.data.mapping_start.anchor);
        event.style = raw.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? NodeStyle::kFlow
                                                                              : NodeStyle::kBlock;
        break;
      case YAML_SEQUENCE_END_EVENT:
        event.kind = YamlEventKind::kSequenceEnd;
        break;
      case YAML_MAPPING_END_EVENT:
        event.kind = YamlEventKind::kMappingEnd;
        break;
      default:
        continue;  // stream start, document end
    }
    if (event.tag == "!") event.tag.clear();
    if (!sink.onEvent(event)) return std::nullopt;
  }
}

}  // namespace samshift::load
