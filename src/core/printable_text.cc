#include "core/printable_text.h"

#include <cstdio>

#include "core/utf8.h"

namespace samshift::core {

namespace {

bool mustEscape(uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t appendEscape(std::string& out, const char* format, uint32_t value) {
  char buffer[16];
  int length = std::snprintf(buffer, sizeof buffer, format, value);
  out.append(buffer, static_cast<size_t>(length));
  return static_cast<size_t>(length);
}

}  // namespace

size_t appendPrintableCharacter(std::string& out, std::string_view text, size_t& index,
                                bool keepTab) {
  auto byte = static_cast<unsigned char>(text[index]);
  if ((byte >= 0x20 && byte < 0x7F) || (keepTab && byte == '\t')) {
    out += static_cast<char>(byte);
    ++index;
    return 1;
  }
  size_t start = index;
  uint32_t cp = decodeUtf8(text, index);
  bool invalid = cp == 0xFFFD && text.substr(start, 3) != "\xEF\xBF\xBD";
  if (invalid) return appendEscape(out, "\\x%02x", byte);
  if (!mustEscape(cp)) {
    out.append(text.substr(start, index - start));
    return 1;
  }
  switch (cp) {
    case '\n':
      out += "\\n";
      return 2;
    case '\r':
      out += "\\r";
      return 2;
    case '\t':
      out += "\\t";
      return 2;
    default:
      return appendEscape(out, cp < 0x80 ? "\\x%02x" : "\\u%04x", cp);
  }
}

std::string printableText(std::string_view text) {
  size_t plain = 0;
  while (plain < text.size() && text[plain] >= 0x20 && text[plain] < 0x7F) ++plain;
  if (plain == text.size()) return std::string(text);
  std::string out(text.substr(0, plain));
  for (size_t index = plain; index < text.size();) appendPrintableCharacter(out, text, index);
  return out;
}

}  // namespace samshift::core
