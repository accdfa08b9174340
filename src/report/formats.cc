#include "report/formats.h"

#include "core/project.h"
#include "report/github_format.h"
#include "report/json_format.h"
#include "report/junit_format.h"
#include "report/sarif_format.h"
#include "report/text_format.h"

namespace samshift::report {

namespace {

void text(std::ostream& out, const std::vector<FileReport>& files, const ReportSettings& settings) {
  writeText(out, files, TextOptions{settings.color, settings.showSource});
}

void json(std::ostream& out, const std::vector<FileReport>& files, const ReportSettings&) {
  writeJson(out, files);
}

void sarif(std::ostream& out, const std::vector<FileReport>& files,
           const ReportSettings& settings) {
  SarifOptions options;
  options.toolVersion = settings.toolVersion;
  options.informationUri = std::string(core::kHomepage);
  options.helpUriBase = std::string(core::kRuleDocsBase);
  options.workingDirectory = settings.workingDirectory;
  writeSarif(out, files, settings.rules, options);
}

void junit(std::ostream& out, const std::vector<FileReport>& files, const ReportSettings&) {
  writeJunit(out, files);
}

void github(std::ostream& out, const std::vector<FileReport>& files,
            const ReportSettings& settings) {
  writeGithub(out, files, settings.workingDirectory);
}

constexpr std::array<ReportFormat, 5> kFormats = {{
    {"text", text},
    {"json", json},
    {"sarif", sarif},
    {"junit", junit},
    {"github", github},
}};

}  // namespace

const std::array<ReportFormat, 5>& reportFormats() { return kFormats; }

const std::array<std::string_view, 5>& reportFormatNames() {
  static const std::array<std::string_view, 5> kNames = [] {
    std::array<std::string_view, 5> names;
    for (size_t i = 0; i < kFormats.size(); ++i) names[i] = kFormats[i].name;
    return names;
  }();
  return kNames;
}

const ReportFormat* findReportFormat(std::string_view name) {
  for (const ReportFormat& format : kFormats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

}  // namespace samshift::report
