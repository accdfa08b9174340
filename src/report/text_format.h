#pragma once
// `file:line:col: severity CODE [slug] message`, one line a finding, notes indented below; on a
// terminal, with the source line and a caret under the place, in color.

#include <ostream>
#include <vector>

#include "report/file_report.h"

namespace samshift::report {

struct TextOptions {
  bool color = false;
  bool showSource = false;
};

void writeText(std::ostream& out, const std::vector<FileReport>& files, const TextOptions& options);

}  // namespace samshift::report
