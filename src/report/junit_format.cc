#include "report/junit_format.h"

#include "core/xml_escape.h"

namespace samshift::report {

namespace {

// Where a finding is, as the text format says it: "line:col".
std::string placeOf(const FileReport& file, core::Span span) {
  if (!span.known()) return "1:1";
  core::Position at = file.source->position(span.begin);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

void writeJunit(std::ostream& out, const std::vector<FileReport>& files) {
  size_t failures = 0;
  for (const FileReport& file : files) failures += file.diagnostics.size();
  std::string counts = " tests=\"" + std::to_string(files.size()) + "\" failures=\"" +
                       std::to_string(failures) + "\" errors=\"0\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"samshift\"" << counts << ">\n";
  out << "  <testsuite name=\"samshift lint\"" << counts << " skipped=\"0\">\n";
  for (const FileReport& file : files) {
    std::string path = core::xmlEscape(file.displayPath);
    out << "    <testcase classname=\"samshift\" name=\"" << path << "\" file=\"" << path << "\"";
    if (file.diagnostics.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    for (const core::Diagnostic& d : file.diagnostics) {
      std::string place = placeOf(file, d.span);
      std::string severity(core::severityName(d.severity));
      out << "      <failure type=\"" << core::xmlEscape(d.code) << "\" message=\""
          << core::xmlEscape(place + ": " + d.code + " [" + d.slug + "] " + d.message) << "\">";
      std::string body = file.displayPath + ":" + place + ": " + severity + " " + d.code + " [" +
                         d.slug + "] " + d.message;
      for (const core::Note& note : d.notes) {
        body += "\nnote: ";
        if (note.span.known()) body += file.displayPath + ":" + placeOf(file, note.span) + ": ";
        body += note.message;
      }
      out << core::xmlEscape(body) << "</failure>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n";
  out << "</testsuites>\n";
}

}  // namespace samshift::report
