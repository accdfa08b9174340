#pragma once
// Small UTF-8 helpers shared by the loader, the positions and the JSON writers.

#include <cstdint>
#include <string>
#include <string_view>

namespace samshift::core {

// Length of the UTF-8 sequence that starts with this byte (1 for a stray continuation byte).
inline int utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// Offset of the first byte that does not start a valid UTF-8 sequence, or npos.
size_t findInvalidUtf8(std::string_view text);

// The 8 bytes at `index` as one word (the caller checks that 8 bytes remain). Scanners test a
// word at a time for the plain-ASCII common case and look at single bytes only around the rest.
uint64_t loadWord(std::string_view text, size_t index);
// True when every byte of the word is below 0x80.
inline bool isAsciiWord(uint64_t word) { return (word & 0x8080808080808080ull) == 0; }

// Decodes one code point at text[index]; advances index. Invalid bytes decode as U+FFFD.
uint32_t decodeUtf8(std::string_view text, size_t& index);

void appendUtf8(std::string& out, uint32_t codePoint);

}  // namespace samshift::core
