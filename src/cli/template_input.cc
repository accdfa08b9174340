#include "cli/template_input.h"

#include <iostream>

#include "engine/runner.h"
#include "load/loader.h"
#include "report/text_format.h"

namespace samshift::cli {

core::Result<std::string> readStandardInput() {
  return load::readLimited(std::cin, "standard input", load::LoadLimits{}.maxBytes);
}

core::Result<model::Document> readTemplate(const std::string& path) {
  if (path != "-") return load::loadFile(path);
  auto text = readStandardInput();
  if (!text) return text.error();
  return load::loadText(kStandardInputName, std::move(text).value());
}

void printLoadProblems(std::ostream& out, const model::Document& document) {
  engine::RuleSelection syntaxOnly;
  syntaxOnly.select = {"T001"};
  engine::LintResult result = engine::lintDocument(document, syntaxOnly);
  std::vector<report::FileReport> reports{
      report::FileReport{&document.source, document.source.path(), std::move(result.diagnostics)}};
  report::writeText(out, reports, report::TextOptions{});
}

}  // namespace samshift::cli
