#include "report/junit_format.h"

#include <algorithm>

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

// One testcase per finding, so that CI servers (Jenkins, GitLab, Azure Pipelines) list each one
// as its own failed test, grouped by file (the classname); a clean file is one passing testcase.
void writeJunit(std::ostream& out, const std::vector<FileReport>& files) {
  size_t tests = 0;
  size_t failures = 0;
  for (const FileReport& file : files) {
    failures += file.diagnostics.size();
    tests += std::max<size_t>(file.diagnostics.size(), 1);
  }
  std::string counts = " tests=\"" + std::to_string(tests) + "\" failures=\"" +
                       std::to_string(failures) + "\" errors=\"0\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"samshift\"" << counts << ">\n";
  out << "  <testsuite name=\"samshift lint\"" << counts << " skipped=\"0\">\n";
  for (const FileReport& file : files) {
    std::string path = core::xmlEscape(file.displayPath);
    if (file.diagnostics.empty()) {
      out << "    <testcase classname=\"" << path << "\" name=\"" << path << "\" file=\"" << path
          << "\"/>\n";
      continue;
    }
    for (const core::Diagnostic& d : file.diagnostics) {
      std::string place = placeOf(file, d.span);
      std::string rule = d.code + " [" + d.slug + "]";
      std::string severity(core::severityName(d.severity));
      out << "    <testcase classname=\"" << path << "\" name=\""
          << core::xmlEscape(place + ": " + rule) << "\" file=\"" << path << "\" line=\""
          << place.substr(0, place.find(':')) << "\">\n";
      out << "      <failure type=\"" << core::xmlEscape(d.code) << "\" message=\""
          << core::xmlEscape(place + ": " + rule + " " + d.message) << "\">";
      std::string body =
          file.displayPath + ":" + place + ": " + severity + " " + rule + " " + d.message;
      for (const core::Note& note : d.notes) {
        body += "\nnote: ";
        if (note.span.known()) body += file.displayPath + ":" + placeOf(file, note.span) + ": ";
        body += note.message;
      }
      out << core::xmlEscape(body) << "</failure>\n";
      out << "    </testcase>\n";
    }
  }
  out << "  </testsuite>\n";
  out << "</testsuites>\n";
}

}  // namespace samshift::report
