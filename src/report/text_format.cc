#include "report/text_format.h"

#include <string>

#include "core/utf8.h"

namespace samshift::report {

namespace {

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

void writeExcerpt(std::ostream& out, const core::SourceFile& source, core::Range range, bool color) {
  std::string_view line = source.lineText(range.begin.line);
  out << "    " << line << '\n' << "    ";
  // Keep tabs so the caret lines up under the same characters.
  size_t index = 0;
  for (uint32_t column = 1; column < range.begin.column && index < line.size(); ++column) {
    out << (line[index] == '\t' ? '\t' : ' ');
    core::decodeUtf8(line, index);
  }
  uint32_t width = 1;
  if (range.end.line == range.begin.line && range.end.column > range.begin.column) {
    width = range.end.column - range.begin.column;
  }
  if (color) out << "\x1b[1;32m";
  out << '^' << std::string(width - 1, '~');
  if (color) out << "\x1b[0m";
  out << '\n';
}

}  // namespace

void writeText(std::ostream& out, const std::vector<FileReport>& files, const TextOptions& options) {
  for (const FileReport& file : files) {
    for (const core::Diagnostic& d : file.diagnostics) {
      core::Range range = file.source->range(d.span);
      if (!d.span.known()) range = core::Range{{1, 1, 0}, {1, 1, 0}};
      if (options.color) out << "\x1b[1m";
      out << file.displayPath << ':' << range.begin.line << ':' << range.begin.column << ": ";
      if (options.color) out << "\x1b[0m" << colorOf(d.severity);
      out << core::severityName(d.severity);
      if (options.color) out << "\x1b[0m";
      out << ' ' << d.code << " [" << d.slug << "] " << d.message << '\n';
      if (options.showSource && d.span.known()) writeExcerpt(out, *file.source, range, options.color);
      for (const core::Note& note : d.notes) {
        out << "    note: ";
        if (note.span.known()) {
          core::Position at = file.source->position(note.span.begin);
          out << file.displayPath << ':' << at.line << ':' << at.column << ": ";
        }
        out << note.message << '\n';
      }
    }
  }
}

}  // namespace samshift::report
