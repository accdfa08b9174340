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

}  // namespace samshift::report
