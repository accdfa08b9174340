#include "report/github_format.h"

#include "core/printable_text.h"
#include "report/relative_path.h"

namespace samshift::report {

namespace {

std::string_view commandOf(core::Severity severity) {
  switch (severity) {
    case core::Severity::kError:
      return "error";
    case core::Severity::kWarning:
      return "warning";
    case core::Severity::kInfo:
      return "notice";
  }
  return "error";
}

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string githubEscapeData(std::string_view text) { return escape(text, false); }
std::string githubEscapeProperty(std::string_view text) { return escape(text, true); }

// Template text (in messages and notes) and file names are made printable first: a line break or
// an escape sequence in them shows as `\n` or `\x1b`, and only the line breaks between a message
// and its notes are real (escaped as %0A, which GitHub shows as line breaks in the annotation).
void writeGithub(std::ostream& out, const std::vector<FileReport>& files,
                 const std::string& workingDirectory) {
  for (const FileReport& file : files) {
    std::string path =
        githubEscapeProperty(core::printableText(relativePath(file.displayPath, workingDirectory)));
    for (const core::Diagnostic& d : file.diagnostics) {
      out << "::" << commandOf(d.severity) << " file=" << path;
      if (d.span.known()) {
        core::Range range = file.source->range(d.span);
        out << ",line=" << range.begin.line;
        // GitHub keeps columns only for an annotation on a single line.
        if (range.end.line == range.begin.line) out << ",col=" << range.begin.column;
        out << ",endLine=" << range.end.line;
        if (range.end.line == range.begin.line) out << ",endColumn=" << range.end.column;
      }
      out << ",title=" << githubEscapeProperty(d.code + " [" + d.slug + "]") << "::";
      std::string message = core::printableText(d.message);
      for (const core::Note& note : d.notes) {
        message += "\nnote: ";
        if (note.span.known()) {
          core::Position at = file.source->position(note.span.begin);
          message +=
              "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": ";
        }
        message += core::printableText(note.message);
      }
      out << githubEscapeData(message) << '\n';
    }
  }
}

}  // namespace samshift::report
