#pragma once
// The report formats of findings, by name: the one table `lint` (and any command that reports
// findings) reads, instead of a chain of ifs per command. Each format's writer lives in its own
// file (text_format, json_format, sarif_format, junit_format, github_format).

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_info.h"
#include "report/file_report.h"

namespace samshift::report {

// What some formats need beyond the findings.
struct ReportSettings {
  std::vector<const core::RuleInfo*> rules;  // SARIF lists the rules that ran
  std::string workingDirectory;              // SARIF and GitHub give paths relative to it
  std::string toolVersion;
  bool color = false;       // text: ANSI colours
  bool showSource = false;  // text: source excerpts under each finding
};

struct ReportFormat {
  std::string_view name;
  void (*write)(std::ostream& out, const std::vector<FileReport>& files,
                const ReportSettings& settings);
};

// Every format, the default (text) first.
const std::array<ReportFormat, 5>& reportFormats();
// The names in the same order, for option parsing and usage text.
const std::array<std::string_view, 5>& reportFormatNames();
// nullptr when no format has this name.
const ReportFormat* findReportFormat(std::string_view name);

}  // namespace samshift::report
