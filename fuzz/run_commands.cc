#include "fuzz/run_commands.h"

#include <sstream>

#include "engine/runner.h"
#include "expand/expander.h"
#include "expand/json_output.h"
#include "lsp/analysis.h"
#include "lsp/code_actions.h"
#include "lsp/code_lenses.h"
#include "lsp/completion.h"
#include "lsp/diagnostics.h"
#include "lsp/document_symbols.h"
#include "lsp/hover.h"
#include "lsp/navigation.h"
#include "model/template.h"
#include "plan/deployments.h"
#include "plan/report.h"
#include "report/github_format.h"
#include "report/json_format.h"
#include "report/junit_format.h"
#include "report/text_format.h"
#include "rules/shared/sam_problems.h"
#include "sam/parameter_values.h"

namespace samshift::fuzz {

namespace {

constexpr size_t kHoversPerKind = 4;  // hover runs an expansion: a few per input keep runs fast

void writeReports(const lsp::Analysis& analysis, const std::vector<core::Diagnostic>& diagnostics) {
  std::vector<report::FileReport> files{
      report::FileReport{&analysis.document.source, analysis.document.source.path(), diagnostics}};
  std::ostringstream out;
  report::writeText(out, files, report::TextOptions{.color = true, .showSource = true});
  report::writeJson(out, files);
  report::writeGithub(out, files, "/");
  report::writeJunit(out, files);
}

// Where an editor user would hover: the keys that have hovers of their own, and the findings.
std::vector<uint32_t> hoverOffsets(const lsp::Analysis& analysis) {
  std::vector<uint32_t> offsets;
  struct Walk {
    std::vector<uint32_t>& offsets;
    void operator()(const model::Node& node) {
      for (const model::MapEntry& entry : node.entries()) {
        if (offsets.size() >= kHoversPerKind) return;
        if (entry.key.isString("AutoPublishAlias") || entry.key.isString("Type")) {
          if (entry.key.span().known()) offsets.push_back(entry.key.span().begin);
          if (entry.value.span().known()) offsets.push_back(entry.value.span().begin);
        }
        (*this)(entry.value);
      }
      for (const model::Node& item : node.items()) (*this)(item);
    }
  };
  if (analysis.document.parsed) Walk{offsets}(analysis.document.root);
  for (size_t i = 0; i < analysis.diagnostics.size() && i < kHoversPerKind; ++i) {
    if (analysis.diagnostics[i].span.known()) offsets.push_back(analysis.diagnostics[i].span.begin);
  }
  offsets.push_back(static_cast<uint32_t>(analysis.document.source.text().size()));
  return offsets;
}

// Definition, references and rename on the first names the template uses (and at its end), the
// outline and the code lenses.
void navigate(const lsp::Analysis& analysis) {
  lsp::documentOutline(analysis);
  lsp::codeLenses(analysis);
  std::vector<uint32_t> offsets = {static_cast<uint32_t>(analysis.document.source.text().size())};
  if (analysis.isTemplate && analysis.document.parsed) {
    for (const lsp::Use& use : analysis.symbols().uses()) {
      if (offsets.size() > kHoversPerKind) break;
      if (use.site.known()) offsets.push_back(use.site.begin);
    }
  }
  for (uint32_t offset : offsets) {
    lsp::definitionAt(analysis, offset);
    lsp::referencesAt(analysis, offset, true);
    (void)lsp::renameAt(analysis, offset, "Renamed");
  }
}

void useLanguageServer(const lsp::Analysis& analysis) {
  lsp::JsonAlloc alloc;
  for (lsp::NoteStyle notes : {lsp::NoteStyle::kRelatedInformation, lsp::NoteStyle::kInMessage}) {
    lsp::lspDiagnostics(analysis.diagnostics, analysis.document.source,
                        "file:///" + analysis.document.source.path(), notes, alloc);
  }
  lsp::TemplateNames names = lsp::namesOf(analysis.document);
  const std::string& text = analysis.document.source.text();
  for (uint32_t offset : hoverOffsets(analysis)) {
    lsp::hoverAt(analysis, offset);
    lsp::completeAt(text, offset, names);
  }
  lsp::codeActions(analysis, core::Span{0, static_cast<uint32_t>(text.size())});
  navigate(analysis);
}

void expandAndPlan(const lsp::Analysis& analysis) {
  const auto& document = analysis.document;
  model::Template templ(document.root);
  sam::ParameterValues params(templ, {}, "us-east-1");
  expand::ExpandResult expanded = expand::expandTemplate(document.root, params);
  if (!expanded.errors.empty()) {
    // What `samshift expand` prints of a rejection (cli/problem_report.cc).
    std::vector<core::Diagnostic> rejections;
    for (const expand::ExpandError& error : expanded.errors) {
      core::Span at = error.node && error.node->span().known() ? error.node->span() : core::Span{};
      rejections.push_back(rules::samRejectionFinding(error.code, error.message, at));
    }
    std::ostringstream out;
    report::writeText(
        out, {report::FileReport{&document.source, document.source.path(), rejections}}, {});
    out << expand::overallErrorMessage(expanded.errors);
  } else if (!expanded.unsupported) {
    expand::toJson(expanded.output);
    expand::toYaml(expanded.output);
  }
  std::vector<plan::Deployment> deployments = plan::findDeployments(templ, params);
  plan::renderText(deployments, document.source.path());
  plan::renderJson(deployments, document.source.path());
  plan::renderSvg(deployments, document.source.path());
}

}  // namespace

CommandsOutcome runEveryCommand(const std::string& path, const std::string& text) {
  CommandsOutcome outcome;
  // The language server loads and lints a buffer that looks like a template; `samshift lint`
  // named a file lints it whatever it holds.
  lsp::Analysis analysis = lsp::analyze(path, text, {});
  std::vector<core::Diagnostic> lintFindings =
      analysis.isTemplate ? analysis.diagnostics
                          : engine::lintDocument(analysis.document, {}).diagnostics;
  for (const core::Diagnostic& diagnostic : lintFindings) {
    if (diagnostic.code == "X001") outcome.ruleFailures.push_back(diagnostic.message);
  }
  writeReports(analysis, lintFindings);
  useLanguageServer(analysis);
  outcome.parsed = analysis.document.parsed;
  if (analysis.document.parsed && analysis.document.root.isMapping()) expandAndPlan(analysis);
  return outcome;
}

}  // namespace samshift::fuzz
