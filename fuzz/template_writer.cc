#include "fuzz/template_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "model/scalar_resolver.h"

namespace samshift::fuzz {

using model::MapEntry;
using model::Node;
using model::NodeKind;

namespace {

void appendEscape(std::string& out, unsigned codePoint) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\u%04X", codePoint);
  out += buffer;
}

// `text` in double quotes with the escapes JSON and YAML share. YAML also escapes what it does not
// allow raw (DEL, the C1 controls) and what YAML 1.1 reads as a line break (NEL, LS, PS), which a
// double-quoted scalar would fold into a space.
void appendQuoted(std::string& out, std::string_view text, TextFormat format) {
  bool yaml = format == TextFormat::kYaml;
  out += '"';
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    auto next = [&](size_t ahead) {
      return i + ahead < text.size() ? static_cast<unsigned char>(text[i + ahead]) : 0u;
    };
    if (byte == '"' || byte == '\\') {
      out += '\\';
      out += static_cast<char>(byte);
    } else if (byte < 0x20 || (yaml && byte == 0x7F)) {
      appendEscape(out, byte);
    } else if (yaml && byte == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {
      appendEscape(out, next(1));
      i += 1;
    } else if (yaml && byte == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) {
      appendEscape(out, 0x2000 + (next(2) - 0x80));
      i += 2;
    } else {
      out += static_cast<char>(byte);
    }
  }
  out += '"';
}

// True when YAML may write the string unquoted: a word that PyYAML's resolver reads back as this
// very string. In a flow collection `:` is kept out too (libyaml reads `{a: b:c}` differently).
bool writesPlain(const std::string& text, bool inFlow) {
  if (text.empty() || text.size() > 256 || text.back() == ':') return false;
  auto first = static_cast<unsigned char>(text.front());
  if (!std::isalpha(first) && first != '_' && first != '/') return false;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    bool punctuation = c == '_' || c == '-' || c == '.' || c == '/' || (c == ':' && !inFlow);
    if (!std::isalnum(byte) && !punctuation) return false;
  }
  Node typed;
  model::resolvePlainScalar(text, typed);
  return typed.isString() && typed.text() == text;
}

// The shortest text that reads back as `value`, with the `.` that YAML 1.1 needs to see a float.
std::string floatText(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value < 0 ? "-.inf" : ".inf";
  char buffer[64];
  auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, written.ptr);
  if (text.find('.') == std::string::npos) {
    size_t exponent = text.find('e');
    text.insert(exponent == std::string::npos ? text.size() : exponent, ".0");
  }
  return text;
}

void appendScalar(std::string& out, const Node& node, TextFormat format, bool inFlow) {
  switch (node.kind()) {
    case NodeKind::kNull:
      out += "null";
      return;
    case NodeKind::kBool:
      out += node.boolValue() ? "true" : "false";
      return;
    case NodeKind::kInt:
      out += std::to_string(node.intValue());
      return;
    case NodeKind::kFloat:
      if (format == TextFormat::kJson && !std::isfinite(node.floatValue())) {
        appendQuoted(out, floatText(node.floatValue()), format);
      } else {
        out += floatText(node.floatValue());
      }
      return;
    case NodeKind::kString:
      if (format == TextFormat::kYaml && writesPlain(node.text(), inFlow)) {
        out += node.text();
      } else {
        appendQuoted(out, node.text(), format);
      }
      return;
    case NodeKind::kSequence:
    case NodeKind::kMapping:
      return;
  }
}

// A mapping key as JSON writes it: always a string.
void appendJsonKey(std::string& out, const Node& key) {
  if (key.isString()) {
    appendQuoted(out, key.text(), TextFormat::kJson);
    return;
  }
  std::string text;
  appendScalar(text, key, TextFormat::kYaml, false);
  appendQuoted(out, text, TextFormat::kJson);
}

// The short-form tag of an intrinsic (`!Ref`, `!If`), or empty when only the long form loads back
// the same tree: a tagged scalar loads as a string, and a string after `!GetAtt` is split at its
// first dot into a list.
std::string shortFormTag(const Node& node) {
  if (!node.isIntrinsic()) return {};
  std::string_view name = node.intrinsicName();
  if (name.substr(0, 4) == "Fn::") name.remove_prefix(4);
  if (name.empty()) return {};
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return {};
  }
  const Node& argument = node.intrinsicArgument();
  bool collection = argument.isSequence() || argument.isMapping();
  if (!collection && !(argument.isString() && name != "GetAtt")) return {};
  return "!" + std::string(name);
}

class YamlWriter {
 public:
  explicit YamlWriter(const WriteStyle& style) : style_(style) {}

  std::string write(const Node& root) {
    if (writesBlock(root, 0) && shortTag(root).empty()) {
      writeBlock(root, 0, 0);
    } else {
      writeInline(root, 0, true, false);
      out_ += '\n';
    }
    return std::move(out_);
  }

 private:
  std::string shortTag(const Node& node) const {
    return style_.shortForms ? shortFormTag(node) : std::string();
  }

  bool writesBlock(const Node& node, size_t depth) const {
    return depth < style_.flowDepth && !node.isScalar() && node.size() > 0;
  }

  // The lines of a non-empty collection, each starting at `indent`.
  void writeBlock(const Node& node, size_t indent, size_t depth) {
    std::string pad(indent, ' ');
    if (node.isSequence()) {
      for (const Node& item : node.items()) {
        out_ += pad + "-";
        writeAfterIndicator(item, indent, depth + 1);
      }
      return;
    }
    for (const MapEntry& entry : node.entries()) {
      out_ += pad;
      appendScalar(out_, entry.key, TextFormat::kYaml, false);
      out_ += ':';
      writeAfterIndicator(entry.value, indent, depth + 1);
    }
  }

  // What follows `key:` or `-`: a tag, then the value on the same line or in lines below.
  void writeAfterIndicator(const Node& node, size_t indent, size_t depth) {
    const Node* value = &node;
    bool shortArgument = true;
    std::string tag = shortTag(node);
    if (!tag.empty()) {
      out_ += ' ' + tag;
      value = &node.intrinsicArgument();
      shortArgument = false;  // one tag per node: an intrinsic argument keeps its long form
    }
    if (writesBlock(*value, depth)) {
      out_ += '\n';
      writeBlock(*value, indent + 2, depth);
      return;
    }
    out_ += ' ';
    writeInline(*value, depth, shortArgument, false);
    out_ += '\n';
  }

  void writeInline(const Node& node, size_t depth, bool allowShort, bool inFlow) {
    std::string tag = allowShort ? shortTag(node) : std::string();
    if (!tag.empty()) {
      out_ += tag + ' ';
      writeInline(node.intrinsicArgument(), depth, false, inFlow);
      return;
    }
    if (node.isSequence()) {
      out_ += '[';
      for (size_t i = 0; i < node.items().size(); ++i) {
        if (i > 0) out_ += ", ";
        writeInline(node.items()[i], depth + 1, true, true);
      }
      out_ += ']';
    } else if (node.isMapping()) {
      out_ += '{';
      for (size_t i = 0; i < node.entries().size(); ++i) {
        if (i > 0) out_ += ", ";
        appendScalar(out_, node.entries()[i].key, TextFormat::kYaml, true);
        out_ += ": ";
        writeInline(node.entries()[i].value, depth + 1, true, true);
      }
      out_ += '}';
    } else {
      appendScalar(out_, node, TextFormat::kYaml, inFlow);
    }
  }

  const WriteStyle& style_;
  std::string out_;
};

class JsonWriter {
 public:
  explicit JsonWriter(const WriteStyle& style) : style_(style) {}

  std::string write(const Node& root) {
    writeValue(root, 0);
    out_ += '\n';
    return std::move(out_);
  }

 private:
  void writeValue(const Node& node, size_t depth) {
    if (node.isScalar()) {
      appendScalar(out_, node, TextFormat::kJson, true);
      return;
    }
    bool lines = depth < style_.flowDepth && node.size() > 0;
    out_ += node.isSequence() ? '[' : '{';
    for (size_t i = 0; i < node.size(); ++i) {
      if (i > 0) out_ += ',';
      if (lines) out_ += '\n' + std::string(2 * (depth + 1), ' ');
      if (node.isSequence()) {
        writeValue(node.items()[i], depth + 1);
      } else {
        appendJsonKey(out_, node.entries()[i].key);
        out_ += ": ";
        writeValue(node.entries()[i].value, depth + 1);
      }
    }
    if (lines) out_ += '\n' + std::string(2 * depth, ' ');
    out_ += node.isSequence() ? ']' : '}';
  }

  const WriteStyle& style_;
  std::string out_;
};

}  // namespace

std::string writeTemplate(const Node& root, const WriteStyle& style) {
  if (style.format == TextFormat::kJson) return JsonWriter(style).write(root);
  return YamlWriter(style).write(root);
}

}  // namespace samshift::fuzz
