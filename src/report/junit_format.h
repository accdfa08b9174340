#pragma once
// JUnit XML, the report CI servers (Jenkins, GitLab, Azure Pipelines, CircleCI) display as tests:
// one <testsuite> for the run, one <testcase> per linted file (passing when it has no finding),
// one <failure> per finding, whose text is the finding as the text format prints it.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/file_report.h"

namespace samshift::report {

void writeJunit(std::ostream& out, const std::vector<FileReport>& files);

// Text made safe for XML 1.0 element content and attribute values: & < > " ' as entities, tab,
// line feed and carriage return as character references (attribute values would otherwise
// normalise them), other control characters and invalid UTF-8 as U+FFFD (XML cannot carry them).
std::string xmlEscape(std::string_view text);

}  // namespace samshift::report
