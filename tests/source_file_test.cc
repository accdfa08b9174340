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
