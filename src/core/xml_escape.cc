#include "core/xml_escape.h"

#include "core/utf8.h"

namespace samshift::core {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

std::string xmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t index = 0;
  while (index < text.size()) {
    size_t start = index;
    uint32_t c = core::decodeUtf8(text, index);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default: {
        bool allowed = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
                       (c >= 0x10000 && c <= 0x10FFFF);
        // Invalid UTF-8 decodes as U+FFFD: write the character, never the bad bytes.
        if (allowed && c != 0xFFFD) {
          out.append(text.substr(start, index - start));
        } else {
          out += kReplacement;
        }
      }
    }
  }
  return out;
}

}  // namespace samshift::core
