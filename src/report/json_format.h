#pragma once
// A JSON array of findings, one object each:
// {"file", "line", "column", "endLine", "endColumn", "code", "slug", "severity", "message",
//  "notes": [{"line", "column", "message"}]}; lines and columns 1-based, columns in characters.

#include <ostream>
#include <vector>

#include "report/file_report.h"

namespace samshift::report {

void writeJson(std::ostream& out, const std::vector<FileReport>& files);

}  // namespace samshift::report
