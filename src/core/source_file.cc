#include "core/source_file.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"

namespace samshift::core {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  // Most files have no CR at all: then one memchr pass for LF finds every line.
  if (std::memchr(text_.data(), '\r', text_.size()) == nullptr) {
    for (size_t at = text_.find('\n'); at != std::string::npos; at = text_.find('\n', at + 1)) {
      lineStarts_.push_back(static_cast<uint32_t>(at + 1));
    }
  } else {
    for (size_t at = text_.find_first_of("\r\n"); at != std::string::npos;
         at = text_.find_first_of("\r\n", at)) {
      at += lineBreakLength(text_, at);
      lineStarts_.push_back(static_cast<uint32_t>(at));
    }
  }
  // Checkpoints only where a line is long enough to need them: most files have none.
  bool longLine = text_.size() - lineStarts_.back() > kCheckpointBytes;
  for (size_t i = 1; i < lineStarts_.size() && !longLine; ++i) {
    longLine = lineStarts_[i] - lineStarts_[i - 1] > kCheckpointBytes;
  }
  if (!longLine) return;
  std::string_view view(text_);
  Count count;
  checkpoints_.reserve(text_.size() / kCheckpointBytes + 1);
  for (size_t target = 0;; target += kCheckpointBytes) {
    while (count.offset < target && count.offset < view.size()) {
      if (count.offset + 8 <= target && count.offset + 8 <= view.size() &&
          isAsciiWord(loadWord(view, count.offset))) {
        count.offset += 8;
        count.characters += 8;
        count.utf16Units += 8;
      } else {
        countOne(view, count);
      }
    }
    checkpoints_.push_back(count);
    if (target >= view.size()) break;
  }
}

void SourceFile::countOne(std::string_view text, Count& count) {
  size_t index = count.offset;
  uint32_t cp = decodeUtf8(text, index);
  count.offset = static_cast<uint32_t>(index);
  count.characters += 1;
  count.utf16Units += cp >= 0x10000 ? 2 : 1;
}

// Counts from `from` (a line start) to the first character boundary at or after `to`. Over a
// long line, the difference of two counts from the nearest checkpoints before each: they count
// as a walk from the start of the file would, and every line start is a boundary of that walk
// (a line break never sits inside a sequence).
SourceFile::Count SourceFile::countBetween(uint32_t from, uint32_t to) const {
  std::string_view view(text_);
  if (to - from <= kCheckpointBytes || checkpoints_.empty()) {
    Count count{from, 0, 0};
    while (count.offset < to) countOne(view, count);
    return count;
  }
  auto countTo = [&](uint32_t offset) {
    size_t k = offset / kCheckpointBytes;
    if (checkpoints_[k].offset > offset) --k;
    Count count = checkpoints_[k];
    while (count.offset < offset) countOne(view, count);
    return count;
  };
  Count start = countTo(from);
  Count end = countTo(to);
  return Count{end.offset, end.characters - start.characters, end.utf16Units - start.utf16Units};
}

size_t lineBreakLength(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == '\n') return 1;
  if (text[at] != '\r') return 0;
  return at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
}

size_t lineStartAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  // Inside a CRLF: the offset is on the line that the CRLF ends.
  if (offset > 0 && offset < text.size() && text[offset - 1] == '\r' && text[offset] == '\n')
    --offset;
  size_t lastBreak = text.substr(0, offset).find_last_of("\r\n");
  return lastBreak == std::string_view::npos ? 0 : lastBreak + 1;
}

uint32_t SourceFile::lineIndexOf(uint32_t offset) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<uint32_t>(it - lineStarts_.begin()) - 1;
}

Position SourceFile::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  uint32_t line = lineIndexOf(offset);
  uint32_t column = 1 + countBetween(lineStarts_[line], offset).characters;
  return Position{line + 1, column, offset};
}

Range SourceFile::range(Span span) const {
  if (!span.known()) return Range{};
  return Range{position(span.begin), position(std::max(span.begin, span.end))};
}

LspPosition SourceFile::lspPosition(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  uint32_t line = lineIndexOf(offset);
  return LspPosition{line, countBetween(lineStarts_[line], offset).utf16Units};
}

uint32_t SourceFile::offsetOfLsp(LspPosition position) const {
  if (position.line >= lineStarts_.size()) return static_cast<uint32_t>(text_.size());
  std::string_view line = lineText(position.line + 1);
  size_t index = 0;
  uint32_t units = 0;
  while (index < line.size() && units < position.character) {
    uint32_t cp = decodeUtf8(line, index);
    units += cp >= 0x10000 ? 2 : 1;
  }
  return lineStarts_[position.line] + static_cast<uint32_t>(index);
}

uint32_t SourceFile::offsetOf(uint32_t line, uint32_t column) const {
  if (line == 0 || line > lineStarts_.size()) return static_cast<uint32_t>(text_.size());
  std::string_view text = lineText(line);
  size_t index = 0;
  for (uint32_t c = 1; c < column && index < text.size(); ++c) decodeUtf8(text, index);
  return lineStarts_[line - 1] + static_cast<uint32_t>(index);
}

std::string_view SourceFile::lineText(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  size_t begin = lineStarts_[line - 1];
  size_t end = line < lineStarts_.size() ? lineStarts_[line] : text_.size();
  std::string_view text(text_.data() + begin, end - begin);
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::string_view SourceFile::lineBreakOf(uint32_t line) const {
  if (line >= lineStarts_.size()) line = static_cast<uint32_t>(lineStarts_.size()) - 1;
  if (line == 0) return "\n";
  std::string_view text = lineText(line);
  size_t end = text.data() - text_.data() + text.size();
  return std::string_view(text_).substr(end, lineStarts_[line] - end);
}

}  // namespace samshift::core
