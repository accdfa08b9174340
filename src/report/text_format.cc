#include "report/text_format.h"

#include <string>

#include "core/printable_text.h"

namespace samshift::report {

namespace {

// An excerpt shows a line whole up to this many characters, and otherwise a window of this many
// around the place (kContextBefore of them before it), cut marks at the ends: a minified
// template is one line of hundreds of kilobytes, and printing it whole for each finding made
// 2,000 findings print 1.25 GB. Finding the window reads only the window, never the line.
constexpr size_t kExcerptCharacters = 160;
constexpr size_t kContextBefore = 60;
constexpr std::string_view kCutMark = "...";

bool isContinuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Byte offsets `count` characters back from, or forward from, `at` (stopping at the line's ends).
size_t charactersBack(std::string_view line, size_t at, size_t count) {
  for (; count > 0 && at > 0; --count) {
    --at;
    while (at > 0 && isContinuation(line[at])) --at;
  }
  return at;
}
size_t charactersForward(std::string_view line, size_t at, size_t count) {
  for (; count > 0 && at < line.size(); --count) {
    ++at;
    while (at < line.size() && isContinuation(line[at])) ++at;
  }
  return at;
}

const char* colorOf(core::Severity severity) {
  switch (severity) {
    case core::Severity::kError:
      return "\x1b[1;31m";
    case core::Severity::kWarning:
      return "\x1b[1;33m";
    case core::Severity::kInfo:
      return "\x1b[1;36m";
  }
  return "";
}

// The source line with a caret line under the span's start (and tildes along the rest of it on
// that line). Control characters show escaped, as in messages; tabs stay, and the caret line
// repeats them, so that the caret lines up under the same characters.
void writeExcerpt(std::ostream& out, const core::SourceFile& source, core::Range range,
                  bool color) {
  std::string_view line = source.lineText(range.begin.line);
  size_t lineStart = static_cast<size_t>(line.data() - source.text().data());
  size_t caret = std::min<size_t>(range.begin.offset - lineStart, line.size());
  size_t from = 0;
  size_t to = line.size();
  if (charactersForward(line, 0, kExcerptCharacters) < line.size()) {
    from = charactersBack(line, caret, kContextBefore);
    to = charactersForward(line, from, kExcerptCharacters);
    if (to == line.size()) from = charactersBack(line, to, kExcerptCharacters);
  }
  // Where the underline stops: the span's end when it is on this line, else just the caret.
  bool sameLine = range.end.line == range.begin.line && range.end.offset > range.begin.offset;
  size_t underlineEnd = sameLine ? range.end.offset - lineStart : caret;

  std::string text = from > 0 ? std::string(kCutMark) : std::string();
  std::string marks(from > 0 ? kCutMark.size() : 0, ' ');
  size_t underline = 0;
  for (size_t index = from; index < to;) {
    size_t at = index;
    size_t columns = core::appendPrintableCharacter(text, line, index, /*keepTab=*/true);
    if (at < caret) {
      marks.append(columns, line[at] == '\t' ? '\t' : ' ');
    } else if (at < underlineEnd) {
      underline += columns;
    }
  }
  if (to < line.size()) text += kCutMark;
  // A span may end past the line's text (its line break): one column for each byte beyond.
  if (to == line.size() && underlineEnd > line.size()) underline += underlineEnd - line.size();
  underline = std::max<size_t>(underline, 1);

  out << "    " << text << '\n' << "    " << marks;
  if (color) out << "\x1b[1;32m";
  out << '^' << std::string(underline - 1, '~');
  if (color) out << "\x1b[0m";
  out << '\n';
}

}  // namespace

void writeText(std::ostream& out, const std::vector<FileReport>& files,
               const TextOptions& options) {
  for (const FileReport& file : files) {
    std::string path = core::printableText(file.displayPath);
    for (const core::Diagnostic& d : file.diagnostics) {
      core::Range range = file.source->range(d.span);
      if (!d.span.known()) range = core::Range{{1, 1, 0}, {1, 1, 0}};
      if (options.color) out << "\x1b[1m";
      out << path << ':' << range.begin.line << ':' << range.begin.column << ": ";
      if (options.color) out << "\x1b[0m" << colorOf(d.severity);
      out << core::severityName(d.severity);
      if (options.color) out << "\x1b[0m";
      out << ' ' << d.code << " [" << d.slug << "] " << core::printableText(d.message) << '\n';
      if (options.showSource && d.span.known())
        writeExcerpt(out, *file.source, range, options.color);
      for (const core::Note& note : d.notes) {
        out << "    note: ";
        if (note.span.known()) {
          core::Position at = file.source->position(note.span.begin);
          out << path << ':' << at.line << ':' << at.column << ": ";
        }
        out << core::printableText(note.message) << '\n';
      }
    }
  }
}

}  // namespace samshift::report
