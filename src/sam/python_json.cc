#include "sam/python_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "model/scalar_resolver.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

std::string pythonFloatRepr(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  // Shortest round-trip digits and decimal exponent, then Python's layout rules (float_repr_style
  // 'short': repr uses exponent form when exp < -4 or exp >= 16).
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exponent = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exp;
  }
  if (exponent < 0) {
    return out + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  }
  size_t intDigits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= intDigits) {
    return out + digits + std::string(intDigits - digits.size(), '0') + ".0";
  }
  return out + digits.substr(0, intDigits) + "." + digits.substr(intDigits);
}

std::string pythonNumber(const Node& number) {
  if (number.isInt()) return std::to_string(number.intValue());
  if (model::bigInteger(number) == model::BigInteger::kDecimal)
    return model::bigIntegerDigits(number);
  return pythonFloatRepr(number.floatValue());
}

namespace {

void appendEscape(std::string& out, unsigned code) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", code);
  out += buf;
}

void writeString(std::string& out, const std::string& text) {
  out += '"';
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        default:
          // Python's json.dumps (ensure_ascii) escapes all but ' ' to '~': DEL too.
          if (c < 0x20 || c == 0x7f) {
            appendEscape(out, c);
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence (the loader guarantees valid UTF-8).
    unsigned code = 0;
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    code = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (size_t k = 1; k < len && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += len;
    if (code >= 0x10000) {
      code -= 0x10000;
      appendEscape(out, 0xD800 + (code >> 10));
      appendEscape(out, 0xDC00 + (code & 0x3FF));
    } else {
      appendEscape(out, code);
    }
  }
  out += '"';
}

// json.dumps' compact form with sorted keys, or its default form (", " and ": ", keys in order).
struct JsonStyle {
  bool sortKeys = true;
  const char* itemSeparator = ",";
  const char* keySeparator = ":";
};

void write(std::string& out, const Node& node, const JsonStyle& style = {}) {
  switch (node.kind()) {
    case model::NodeKind::kNull:
      out += "null";
      return;
    case model::NodeKind::kBool:
      out += node.boolValue() ? "true" : "false";
      return;
    case model::NodeKind::kInt:
    case model::NodeKind::kFloat:
      out += pythonNumber(node);
      return;
    case model::NodeKind::kString:
      writeString(out, node.text());
      return;
    case model::NodeKind::kSequence: {
      out += '[';
      bool first = true;
      for (const Node& item : node.items()) {
        if (!first) out += style.itemSeparator;
        first = false;
        write(out, item, style);
      }
      out += ']';
      return;
    }
    case model::NodeKind::kMapping: {
      std::vector<const MapEntry*> sorted;
      for (const MapEntry& entry : node.entries()) sorted.push_back(&entry);
      // Byte order of UTF-8 equals code-point order, which is how Python sorts str keys.
      if (style.sortKeys) {
        std::stable_sort(sorted.begin(), sorted.end(), [](const MapEntry* a, const MapEntry* b) {
          return a->key.text() < b->key.text();
        });
      }
      out += '{';
      bool first = true;
      for (const MapEntry* entry : sorted) {
        if (!first) out += style.itemSeparator;
        first = false;
        writeString(out, entry->key.text());
        out += style.keySeparator;
        write(out, entry->value, style);
      }
      out += '}';
      return;
    }
  }
}

void writeIndented(std::string& out, const Node& node, int indent, int depth) {
  std::string pad(static_cast<size_t>(indent * (depth + 1)), ' ');
  std::string closePad(static_cast<size_t>(indent * depth), ' ');
  if (node.isSequence() && !node.items().empty()) {
    out += "[\n";
    bool first = true;
    for (const Node& item : node.items()) {
      if (!first) out += ",\n";
      first = false;
      out += pad;
      writeIndented(out, item, indent, depth + 1);
    }
    out += "\n" + closePad + "]";
    return;
  }
  if (node.isMapping() && !node.entries().empty()) {
    std::vector<const MapEntry*> sorted;
    for (const MapEntry& entry : node.entries()) sorted.push_back(&entry);
    std::stable_sort(sorted.begin(), sorted.end(), [](const MapEntry* a, const MapEntry* b) {
      return a->key.text() < b->key.text();
    });
    out += "{\n";
    bool first = true;
    for (const MapEntry* entry : sorted) {
      if (!first) out += ",\n";
      first = false;
      out += pad;
      writeString(out, entry->key.text());
      out += ": ";
      writeIndented(out, entry->value, indent, depth + 1);
    }
    out += "\n" + closePad + "}";
    return;
  }
  write(out, node);
}

}  // namespace

std::string pythonJsonIndented(const Node& value, int indent) {
  std::string out;
  writeIndented(out, value, indent, 0);
  return out;
}

std::string pythonJson(const Node& value) {
  std::string out;
  write(out, value);
  return out;
}

std::string pythonJsonDefault(const Node& value) {
  std::string out;
  write(out, value, JsonStyle{false, ", ", ": "});
  return out;
}

}  // namespace samshift::sam
