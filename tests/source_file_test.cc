#include <catch2/catch.hpp>

#include <string>

#include "core/source_file.h"
#include "core/utf8.h"

using samshift::core::LspPosition;
using samshift::core::Position;
using samshift::core::SourceFile;

TEST_CASE("positions count characters for people and UTF-16 units for LSP", "[core][positions]") {
  // "é" is 2 bytes, 1 character, 1 UTF-16 unit; "😀" is 4 bytes, 1 character, 2 UTF-16 units.
  SourceFile file("t.yaml", "a: b\nx: \xC3\xA9\xF0\x9F\x98\x80z\r\nlast");
  CHECK(file.position(0) == Position{1, 1, 0});
  CHECK(file.position(5) == Position{2, 1, 5});
  uint32_t z = 5 + 3 + 2 + 4;
  CHECK(file.position(z) == Position{2, 6, z});
  CHECK(file.lspPosition(z) == LspPosition{1, 6});
  CHECK(file.offsetOfLsp(LspPosition{1, 6}) == z);
  CHECK(file.offsetOf(2, 6) == z);
  CHECK(file.lineText(2) == "x: \xC3\xA9\xF0\x9F\x98\x80z");
  CHECK(file.lineText(3) == "last");
  CHECK(file.position(9999).line == 3);
}

TEST_CASE("a lone CR, CRLF and LF are one line break each", "[core][positions]") {
  // Lines: "a: 1" CR, "b: 2" CRLF, "c: 3" LF, "" CR, "d: 4" (no break).
  SourceFile file("t.yaml", "a: 1\rb: 2\r\nc: 3\n\rd: 4");
  REQUIRE(file.lineCount() == 5);
  CHECK(file.lineText(1) == "a: 1");
  CHECK(file.lineText(2) == "b: 2");
  CHECK(file.lineText(3) == "c: 3");
  CHECK(file.lineText(4) == "");
  CHECK(file.lineText(5) == "d: 4");
  CHECK(file.position(5) == Position{2, 1, 5});
  CHECK(file.position(8) == Position{2, 4, 8});
  CHECK(file.position(11) == Position{3, 1, 11});
  CHECK(file.position(16) == Position{4, 1, 16});
  CHECK(file.position(17) == Position{5, 1, 17});
  CHECK(file.position(20) == Position{5, 4, 20});
  CHECK(file.lspPosition(17) == LspPosition{4, 0});
  CHECK(file.offsetOfLsp(LspPosition{1, 3}) == 8);
  CHECK(file.offsetOfLsp(LspPosition{3, 0}) == 16);
  // A column past the line's end stops before its break, whichever break it is.
  CHECK(file.offsetOfLsp(LspPosition{0, 99}) == 4);
  CHECK(file.offsetOfLsp(LspPosition{1, 99}) == 9);
  CHECK(file.offsetOf(2, 99) == 9);
  CHECK(file.lineBreakOf(1) == "\r");
  CHECK(file.lineBreakOf(2) == "\r\n");
  CHECK(file.lineBreakOf(3) == "\n");
  CHECK(file.lineBreakOf(5) == "\r");  // the last line has none: the one before it
  CHECK(SourceFile("t.yaml", "one line").lineBreakOf(1) == "\n");
}

TEST_CASE("a file of lone CRs has one line per CR", "[core][positions]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": v\r";
  SourceFile file("t.yaml", text);
  CHECK(file.lineCount() == 101);
  uint32_t k42 = static_cast<uint32_t>(text.find("k42"));
  CHECK(file.position(k42) == Position{43, 1, k42});
  CHECK(file.lspPosition(k42 + 5) == LspPosition{42, 5});
  CHECK(file.offsetOfLsp(LspPosition{42, 5}) == k42 + 5);
}

TEST_CASE("the start of the line holding an offset, for every line break", "[core][positions]") {
  using samshift::core::lineBreakLength;
  using samshift::core::lineStartAt;
  std::string_view text = "ab\rcd\r\nef\ngh";
  CHECK(lineStartAt(text, 0) == 0);
  CHECK(lineStartAt(text, 2) == 0);
  CHECK(lineStartAt(text, 3) == 3);
  CHECK(lineStartAt(text, 5) == 3);
  CHECK(lineStartAt(text, 6) == 3);  // between CR and LF: still the line the CRLF ends
  CHECK(lineStartAt(text, 7) == 7);
  CHECK(lineStartAt(text, 10) == 10);
  CHECK(lineStartAt(text, 99) == 10);
  CHECK(lineBreakLength(text, 2) == 1);
  CHECK(lineBreakLength(text, 5) == 2);
  CHECK(lineBreakLength(text, 9) == 1);
  CHECK(lineBreakLength(text, 0) == 0);
}

TEST_CASE("columns on a line of many kilobytes count as a walk from the line start would",
          "[core][positions]") {
  // A minified template is one line; positions count from checkpoints, not from the line start.
  // Multi-byte characters straddle the checkpoints, and a stray continuation byte counts as one.
  std::string text = "first line\n";
  for (int i = 0; i < 5000; ++i)
    text += i % 7 == 0 ? "\xF0\x9F\x98\x80" : i % 5 == 0 ? "\xC3\xA9" : "ab";
  text += "\x80tail\nlast";
  SourceFile file("t.json", text);
  uint32_t lineStart = 11;
  for (uint32_t offset = lineStart; offset < text.size() - 5; offset += 97) {
    uint32_t characters = 0, units = 0;
    std::string_view line(text);
    size_t index = lineStart;
    while (index < offset) {
      uint32_t cp = samshift::core::decodeUtf8(line, index);
      ++characters;
      units += cp >= 0x10000 ? 2 : 1;
    }
    INFO("offset " << offset);
    CHECK(file.position(offset) == Position{2, 1 + characters, offset});
    CHECK(file.lspPosition(offset) == LspPosition{1, units});
  }
  CHECK(file.position(static_cast<uint32_t>(text.size())) ==
        Position{3, 5, static_cast<uint32_t>(text.size())});
}
