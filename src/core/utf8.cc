#include "core/utf8.h"

#include <cstring>

namespace samshift::core {

namespace {

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Returns the code point of a well-formed sequence of `length` bytes at text[index], or -1.
int64_t wellFormed(std::string_view text, size_t index, int length) {
  if (index + length > text.size()) return -1;
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[index + k]); };
  for (int k = 1; k < length; ++k) {
    if (!isContinuation(byte(k))) return -1;
  }
  uint32_t cp = 0;
  switch (length) {
    case 1:
      return byte(0) < 0x80 ? byte(0) : -1;
    case 2:
      cp = ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
      return cp >= 0x80 ? cp : -1;
    case 3:
      cp = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
      return (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) ? cp : -1;
    case 4:
      cp = ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
           (byte(3) & 0x3F);
      return (cp >= 0x10000 && cp <= 0x10FFFF) ? cp : -1;
    default:
      return -1;
  }
}

}  // namespace

uint64_t loadWord(std::string_view text, size_t index) {
  uint64_t word;
  std::memcpy(&word, text.data() + index, sizeof word);
  return word;
}

size_t findInvalidUtf8(std::string_view text) {
  size_t index = 0;
  while (index < text.size()) {
    if (index + 8 <= text.size() && isAsciiWord(loadWord(text, index))) {
      index += 8;
      continue;
    }
    auto lead = static_cast<unsigned char>(text[index]);
    if (lead < 0x80) {
      ++index;
      continue;
    }
    int length = utf8SequenceLength(lead);
    if (length == 1 || wellFormed(text, index, length) < 0) return index;
    index += length;
  }
  return std::string_view::npos;
}

uint32_t decodeUtf8(std::string_view text, size_t& index) {
  auto lead = static_cast<unsigned char>(text[index]);
  int length = utf8SequenceLength(lead);
  int64_t cp = wellFormed(text, index, length);
  if (cp < 0) {
    ++index;
    return 0xFFFD;
  }
  index += length;
  return static_cast<uint32_t>(cp);
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace samshift::core
