#include "report/junit_format.h"

#include "core/utf8.h"

namespace samshift::report {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Where a finding is, as the text format says it: "line:col".
std::string placeOf(const FileReport& file, core::Span span) {
  if (!span.known()) return "1:1";
  core::Position at = file.source->position(span.begin);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

std::string xmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t index = 0;
  while (index < text.size()) {
    size_t start = index;
    uint32_t c = core::decodeUtf8(text, index);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default: {
        bool allowed = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        // Invalid UTF-8 decodes as U+FFFD: write the character, never the bad bytes.
        if (allowed && c != 0xFFFD) {
          out.append(text.substr(start, index - start));
        } else {
          out += kReplacement;
        }
      }
    }
  }
  return out;
}

void writeJunit(std::ostream& out, const std::vector<FileReport>& files) {
  size_t failures = 0;
  for (const FileReport& file : files) failures += file.diagnostics.size();
  std::string counts = " tests=\"" + std::to_string(files.size()) + "\" failures=\"" + std::to_string(failures) +
                       "\" errors=\"0\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"samshift\"" << counts << ">\n";
  out << "  <testsuite name=\"samshift lint\"" << counts << " skipped=\"0\">\n";
  for (const FileReport& file : files) {
    std::string path = xmlEscape(file.displayPath);
    out << "    <testcase classname=\"samshift\" name=\"" << path << "\" file=\"" << path << "\"";
    if (file.diagnostics.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    for (const core::Diagnostic& d : file.diagnostics) {
      std::string place = placeOf(file, d.span);
      std::string severity(core::severityName(d.severity));
      out << "      <failure type=\"" << xmlEscape(d.code) << "\" message=\""
          << xmlEscape(place + ": " + d.code + " [" + d.slug + "] " + d.message) << "\">";
      std::string body = file.displayPath + ":" + place + ": " + severity + " " + d.code + " [" + d.slug + "] " +
                         d.message;
      for (const core::Note& note : d.notes) {
        body += "\nnote: ";
        if (note.span.known()) body += file.displayPath + ":" + placeOf(file, note.span) + ": ";
        body += note.message;
      }
      out << xmlEscape(body) << "</failure>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n";
  out << "</testsuites>\n";
}

}  // namespace samshift::report
