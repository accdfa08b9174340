#pragma once
// The text yaml-cpp is given, and the way back to the original bytes. yaml-cpp mishandles
// CRLF inside block scalars and counts offsets without the byte order mark, so it reads a copy
// with the BOM dropped and every CR of a CRLF removed; `originalOffset` undoes both.
// yaml-cpp's events carry only a start mark, so the ends of nodes are found here by reading the
// text from that mark, the way the YAML grammar delimits each kind of scalar.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samshift::load {

class YamlSourceText {
 public:
  explicit YamlSourceText(std::string_view original);

  const std::string& text() const { return text_; }
  uint32_t originalOffset(size_t parsedOffset) const;

  // Skips anchors (`&a`) and tags (`!Ref`) and the white space after them.
  size_t skipProperties(size_t pos) const;
  // End of a scalar token that starts at `pos` (after properties) and has the given value.
  size_t scalarEnd(size_t pos, std::string_view value, bool inFlow) const;
  // End of a `~`/`null` token at pos, or pos itself for an empty value.
  size_t nullEnd(size_t pos) const;
  // Position just after the closing bracket of a flow collection whose content ends at pos.
  size_t flowCollectionEnd(size_t pos, char close) const;
  // Position just after the next `:` at or after pos (where an empty mapping value sits).
  size_t afterColon(size_t pos) const;
  // Where the leading white space of the line containing pos ends (its indentation).
  size_t lineIndent(size_t pos) const;

 private:
  size_t plainEnd(size_t pos, std::string_view value, bool inFlow) const;
  size_t plainLineEnd(size_t pos, bool inFlow) const;
  size_t quotedEnd(size_t pos, char quote) const;
  size_t blockEnd(size_t pos) const;
  size_t lineStart(size_t pos) const;

  std::string text_;
  size_t bomLength_ = 0;
  std::vector<uint32_t> removedCarriageReturns_;  // parsed offsets where a CR was dropped
};

}  // namespace samshift::load
