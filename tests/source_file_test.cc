#include <catch2/catch.hpp>

#include "core/source_file.h"

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
