#include "cli/problem_report.h"

#include <algorithm>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/lint_settings.h"
#include "cli/output.h"
#include "core/printable_text.h"
#include "core/version.h"
#include "engine/registry.h"
#include "engine/runner.h"
#include "report/formats.h"
#include "rules/shared/sam_problems.h"

namespace samshift::cli {

int ProblemReport::loadFailure(const model::Document& document) const {
  return lintFindings(document, "T001");  // T001 runs on a document that did not load
}

int ProblemReport::notATemplate(const model::Document& document) const {
  return lintFindings(document, "T003");
}

int ProblemReport::lintFindings(const model::Document& document, std::string code) const {
  // The findings lint gives the same document, so every command names the problem alike.
  engine::RuleSelection only;
  only.select = {std::move(code)};
  engine::LintResult result = engine::lintDocument(document, only);
  return emit(document, std::move(result.diagnostics), {}, kExitInputError);
}

int ProblemReport::rejected(const model::Document& document,
                            const std::vector<expand::ExpandError>& errors) const {
  std::vector<core::Diagnostic> findings;
  for (const expand::ExpandError& error : errors) {
    core::Span at =
        error.node && error.node->span().known() ? error.node->span() : core::Span{0, 0};
    findings.push_back(rules::samRejectionFinding(error.code, error.message, at));
  }
  // SAM's message carries template text (logical IDs, values): escaped, so it cannot forge a line.
  return emit(document, std::move(findings),
              core::printableText(expand::overallErrorMessage(errors)) + "\n", kExitFindings);
}

int ProblemReport::notSupported(const model::Document& document, const std::string& what,
                                std::string_view textLead) const {
  if (format_ == "text") {
    // A tool limit, not a finding: said as the command's own message.
    std::cerr << "samshift " << command_ << ": " << core::printableText(document.source.path())
              << ": " << textLead << core::printableText(what) << "\n";
    return kExitInputError;
  }
  return emit(document, {engine::Registry::instance().errorFinding("X003", core::Span{0, 0}, what)},
              {}, kExitInputError);
}

int ProblemReport::emit(const model::Document& document, std::vector<core::Diagnostic> findings,
                        std::string_view textTrailer, int status) const {
  const report::ReportFormat* format = report::findReportFormat(format_);
  std::vector<const core::RuleInfo*> rulesReported;
  for (const core::Diagnostic& finding : findings) {
    const engine::Rule* rule = engine::Registry::instance().find(finding.code);
    if (rule && std::find(rulesReported.begin(), rulesReported.end(), &rule->info()) ==
                    rulesReported.end()) {
      rulesReported.push_back(&rule->info());
    }
  }
  std::vector<report::FileReport> reports{
      report::FileReport{&document.source, document.source.path(), std::move(findings)}};
  report::ReportSettings settings;
  settings.rules = std::move(rulesReported);
  settings.toolVersion = std::string(core::kVersion);
  settings.workingDirectory = currentDirectory();
  if (format_ == "text") {
    format->write(std::cerr, reports, settings);
    std::cerr << textTrailer;
    return status;
  }
  auto output = Output::open("", {});
  if (!output) return reportError(command_, output.error());
  format->write((*output)->stream(), reports, settings);
  if (auto closed = (*output)->close(); !closed) return reportError(command_, closed.error());
  return status;
}

}  // namespace samshift::cli
