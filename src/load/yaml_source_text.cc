#include "load/yaml_source_text.h"

#include <algorithm>

#include "load/text_checks.h"

namespace samshift::load {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isFlowIndicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

}  // namespace

YamlSourceText::YamlSourceText(std::string_view original) {
  bomLength_ = byteOrderMarkLength(original);
  original.remove_prefix(bomLength_);
  text_.reserve(original.size());
  for (size_t i = 0; i < original.size(); ++i) {
    if (original[i] == '\r' && i + 1 < original.size() && original[i + 1] == '\n') {
      removedCarriageReturns_.push_back(static_cast<uint32_t>(text_.size()));
      continue;
    }
    text_ += original[i];
  }
}

uint32_t YamlSourceText::originalOffset(size_t parsedOffset) const {
  parsedOffset = std::min(parsedOffset, text_.size());
  // A CR dropped at parsed offset p stood before the byte now at p.
  auto removed = std::upper_bound(removedCarriageReturns_.begin(), removedCarriageReturns_.end(),
                                  static_cast<uint32_t>(parsedOffset)) -
                 removedCarriageReturns_.begin();
  // The CR just before a line break belongs to the line it ends, not to the next token.
  if (removed > 0 && removedCarriageReturns_[removed - 1] == parsedOffset) --removed;
  return static_cast<uint32_t>(parsedOffset + bomLength_ + removed);
}

size_t YamlSourceText::lineStart(size_t pos) const {
  pos = std::min(pos, text_.size());
  size_t newline = pos == 0 ? std::string::npos : text_.rfind('\n', pos - 1);
  return newline == std::string::npos ? 0 : newline + 1;
}

size_t YamlSourceText::lineIndent(size_t pos) const {
  size_t start = lineStart(pos);
  size_t i = start;
  while (i < text_.size() && text_[i] == ' ') ++i;
  return i - start;
}

size_t YamlSourceText::skipProperties(size_t pos) const {
  while (pos < text_.size() && (text_[pos] == '&' || text_[pos] == '!')) {
    while (pos < text_.size() && !isSpace(text_[pos])) ++pos;
    while (pos < text_.size() && isSpace(text_[pos])) ++pos;
  }
  return pos;
}

size_t YamlSourceText::scalarEnd(size_t pos, std::string_view value, bool inFlow) const {
  if (pos >= text_.size()) return text_.size();
  switch (text_[pos]) {
    case '"':
      return quotedEnd(pos, '"');
    case '\'':
      return quotedEnd(pos, '\'');
    case '|':
    case '>':
      return blockEnd(pos);
    default:
      return plainEnd(pos, value, inFlow);
  }
}

size_t YamlSourceText::nullEnd(size_t pos) const {
  std::string_view rest = std::string_view(text_).substr(std::min(pos, text_.size()));
  if (!rest.empty() && rest[0] == '~') return pos + 1;
  for (std::string_view word : {"null", "Null", "NULL"}) {
    if (rest.substr(0, 4) == word) return pos + 4;
  }
  return pos;
}

size_t YamlSourceText::quotedEnd(size_t pos, char quote) const {
  for (size_t i = pos + 1; i < text_.size(); ++i) {
    if (quote == '"' && text_[i] == '\\') {
      ++i;
    } else if (text_[i] == quote) {
      if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return text_.size();
}

size_t YamlSourceText::plainLineEnd(size_t pos, bool inFlow) const {
  size_t i = pos;
  while (i < text_.size()) {
    char c = text_[i];
    if (c == '\n') break;
    if (c == '#' && i > pos && isBlank(text_[i - 1])) break;
    if (c == ':' && (i + 1 == text_.size() || isSpace(text_[i + 1]) ||
                     (inFlow && isFlowIndicator(text_[i + 1])))) {
      break;
    }
    if (inFlow && isFlowIndicator(c)) break;
    ++i;
  }
  while (i > pos && isBlank(text_[i - 1])) --i;
  return i;
}

// A plain scalar may continue on following lines; its folded value tells how far: each line
// break between two content lines folds to one space, each empty line to one newline.
size_t YamlSourceText::plainEnd(size_t pos, std::string_view value, bool inFlow) const {
  size_t end = plainLineEnd(pos, inFlow);
  size_t consumed = end - pos;
  size_t cursor = end;
  while (consumed < value.size()) {
    size_t newline = text_.find('\n', cursor);
    if (newline == std::string::npos) break;
    size_t start = newline + 1;
    while (start < text_.size() && isBlank(text_[start])) ++start;
    if (start >= text_.size()) break;
    cursor = start;
    if (text_[start] == '\n') {
      ++consumed;
      continue;
    }
    size_t lineEnd = plainLineEnd(start, inFlow);
    consumed += 1 + (lineEnd - start);
    end = lineEnd;
    cursor = lineEnd;
  }
  return end;
}

size_t YamlSourceText::blockEnd(size_t pos) const {
  size_t parentIndent = lineIndent(pos);
  size_t header = text_.find('\n', pos);
  if (header == std::string::npos) return text_.size();
  size_t end = header;
  size_t contentIndent = 0;
  size_t line = header + 1;
  while (line < text_.size()) {
    size_t next = text_.find('\n', line);
    size_t lineEnd = next == std::string::npos ? text_.size() : next;
    size_t indent = 0;
    while (line + indent < lineEnd && text_[line + indent] == ' ') ++indent;
    bool blank = std::all_of(text_.begin() + static_cast<long>(line + indent),
                             text_.begin() + static_cast<long>(lineEnd), isBlank);
    if (!blank) {
      if (indent <= parentIndent) break;
      if (contentIndent == 0) contentIndent = indent;
      if (indent < contentIndent) break;
      end = lineEnd;
    }
    if (next == std::string::npos) break;
    line = next + 1;
  }
  return end;
}

size_t YamlSourceText::flowCollectionEnd(size_t pos, char close) const {
  size_t i = pos;
  while (i < text_.size() && text_[i] != close) {
    if (text_[i] == '#') {
      while (i < text_.size() && text_[i] != '\n') ++i;
      continue;
    }
    ++i;
  }
  return std::min(i + 1, text_.size());
}

size_t YamlSourceText::afterColon(size_t pos) const {
  size_t colon = text_.find(':', pos);
  return colon == std::string::npos ? pos : colon + 1;
}

}  // namespace samshift::load
