#include "cli/lint_summary.h"

#include <algorithm>
#include <array>

namespace samshift::cli {

namespace {

std::string counted(size_t count, const std::string& noun, const std::string& plural) {
  return std::to_string(count) + " " + (count == 1 ? noun : plural);
}

}  // namespace

std::string findingSummary(const std::vector<report::FileReport>& reports) {
  std::array<size_t, 3> bySeverity{};  // indexed by core::Severity: info, warning, error
  size_t filesWithFindings = 0;
  for (const report::FileReport& report : reports) {
    for (const core::Diagnostic& d : report.diagnostics) ++bySeverity[static_cast<int>(d.severity)];
    if (!report.diagnostics.empty()) ++filesWithFindings;
  }
  if (filesWithFindings == 0) return "no findings in " + counted(reports.size(), "file", "files");
  std::string text;
  auto add = [&](core::Severity severity, const std::string& noun, const std::string& plural) {
    size_t count = bySeverity[static_cast<int>(severity)];
    if (count > 0) text += (text.empty() ? "" : ", ") + counted(count, noun, plural);
  };
  add(core::Severity::kError, "error", "errors");
  add(core::Severity::kWarning, "warning", "warnings");
  add(core::Severity::kInfo, "info", "info");  // as the severity is named in every report
  return text + " in " + counted(filesWithFindings, "file", "files");
}

std::vector<std::string> emptyDirectoryWarnings(const std::vector<SearchedDirectory>& directories,
                                                const std::vector<int>& linted) {
  std::vector<std::string> warnings;
  for (size_t i = 0; i < directories.size(); ++i) {
    if (directories[i].complete &&
        std::find(linted.begin(), linted.end(), static_cast<int>(i)) == linted.end())
      warnings.push_back("no template found in " + directories[i].path);
  }
  return warnings;
}

}  // namespace samshift::cli
