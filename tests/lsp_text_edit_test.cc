// Content changes applied through EditableText land where core::SourceFile (the one reference
// for positions) says they do, on every kind of line break, and a run of them stays linear.

#include <catch2/catch.hpp>

#include <random>

#include "core/source_file.h"
#include "lsp/text_edit.h"

using samshift::core::LspPosition;
using samshift::core::SourceFile;
using samshift::lsp::ContentChange;
using samshift::lsp::EditableText;

namespace {

// The reference: one change applied through SourceFile's own position conversion.
std::string applyByLineTable(const std::string& text, const ContentChange& change) {
  SourceFile source("", text);
  uint32_t begin = source.offsetOfLsp(*change.start);
  uint32_t end = source.offsetOfLsp(change.end);
  return text.substr(0, begin) + change.text + text.substr(end);
}

}  // namespace

TEST_CASE("lsp edits: positions on lone CR, CRLF and LF lines", "[lsp][edits]") {
  EditableText buffer("a: 1\rb: 2\r\nc: 3\nd: 4");
  CHECK(buffer.offsetOf(LspPosition{1, 0}) == 5);
  CHECK(buffer.offsetOf(LspPosition{1, 99}) == 9);  // before the CRLF
  CHECK(buffer.offsetOf(LspPosition{2, 1}) == 12);
  CHECK(buffer.offsetOf(LspPosition{3, 4}) == 20);
  CHECK(buffer.offsetOf(LspPosition{9, 0}) == 20);
  REQUIRE(buffer.apply(ContentChange{LspPosition{1, 0}, LspPosition{1, 1}, "B"}).ok());
  REQUIRE(buffer.apply(ContentChange{LspPosition{3, 0}, LspPosition{3, 0}, "x\r"}).ok());
  CHECK(buffer.text() == "a: 1\rB: 2\r\nc: 3\nx\rd: 4");
  REQUIRE(buffer.apply(ContentChange{LspPosition{4, 0}, LspPosition{4, 0}, "y"}).ok());
  CHECK(buffer.text() == "a: 1\rB: 2\r\nc: 3\nx\ryd: 4");
}

TEST_CASE("lsp edits: a CR and an LF brought together become one line break", "[lsp][edits]") {
  EditableText buffer("a\rb");
  REQUIRE(buffer.apply(ContentChange{LspPosition{1, 0}, LspPosition{1, 1}, "\n"}).ok());
  CHECK(buffer.text() == "a\r\n");
  // "a\r\n" has two lines, not three: line 1 is the empty last line.
  CHECK(buffer.offsetOf(LspPosition{1, 0}) == 3);
  REQUIRE(buffer.apply(ContentChange{LspPosition{1, 0}, LspPosition{1, 0}, "z"}).ok());
  CHECK(buffer.text() == "a\r\nz");
  CHECK_FALSE(buffer.apply(ContentChange{LspPosition{1, 1}, LspPosition{0, 0}, ""}).ok());
  CHECK(buffer.text() == "a\r\nz");
}

TEST_CASE("lsp edits: random changes agree with the line table", "[lsp][edits]") {
  // Long enough for many chunks; every kind of break, 2-, 3- and 4-byte characters.
  const std::vector<std::string> pieces = {
      "key: value",       "\r",       "\n", "\r\n", "\xC3\xA9", "\xE2\x82\xAC",
      "\xF0\x9F\x98\x80", "  - item", "",   "x"};
  std::mt19937 random(12345);
  auto pick = [&](size_t n) { return static_cast<uint32_t>(random() % n); };
  std::string text;
  for (int i = 0; i < 3000; ++i) text += pieces[pick(pieces.size())];
  EditableText buffer(text);
  for (int step = 0; step < 2000; ++step) {
    uint32_t lines = SourceFile("", text).lineCount();
    LspPosition a{pick(lines + 2), pick(14)};
    LspPosition b{a.line + pick(3), pick(14)};
    if (b.line == a.line && b.character < a.character) std::swap(a.character, b.character);
    std::string inserted;
    for (uint32_t n = pick(4); n > 0; --n) inserted += pieces[pick(pieces.size())];
    if (step % 500 == 499) inserted = std::string(3000, 'w') + "\r";  // spans chunks
    ContentChange change{a, b, inserted};
    SourceFile reference("", text);
    if (reference.offsetOfLsp(b) < reference.offsetOfLsp(a)) continue;
    REQUIRE(buffer.offsetOf(a) == reference.offsetOfLsp(a));
    REQUIRE(buffer.apply(change).ok());
    text = applyByLineTable(text, change);
    REQUIRE(buffer.size() == text.size());
  }
  CHECK(buffer.text() == text);
}

TEST_CASE("lsp edits: a change without a range replaces everything", "[lsp][edits]") {
  EditableText buffer("old\r\ntext");
  REQUIRE(buffer.apply(ContentChange{std::nullopt, {}, "new"}).ok());
  CHECK(buffer.text() == "new");
  CHECK(buffer.size() == 3);
}
