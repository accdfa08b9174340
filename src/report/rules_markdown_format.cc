#include "report/rules_markdown_format.h"

#include <string>

namespace samshift::report {

void writeRuleMarkdown(std::ostream& out, const core::RuleInfo& rule, int level) {
  std::string deeper(static_cast<size_t>(level - 1), '#');
  out << std::string(static_cast<size_t>(level), '#') << ' ' << rule.code << ' ' << rule.slug
      << " (" << core::severityName(rule.severity) << ")\n\n"
      << rule.summary << "\n\n";
  bool inCode = false;
  size_t start = 0;
  std::string_view doc = rule.doc;
  while (start < doc.size()) {
    size_t end = doc.find('\n', start);
    std::string_view line =
        doc.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (line.substr(0, 3) == "```") inCode = !inCode;
    if (!inCode && line.substr(0, 1) == "#") out << deeper;
    out << line << '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

void writeRulesMarkdown(std::ostream& out, const std::vector<const core::RuleInfo*>& rules) {
  out << "# samshift rules\n\n"
      << "Generated from the rules' own metadata by `samshift rules --format markdown`; do not "
         "edit.\n"
      << "`samshift rule CODE` prints the same text for one rule.\n\n"
      << "| Code | Slug | Severity | Summary |\n|---|---|---|---|\n";
  for (const core::RuleInfo* rule : rules) {
    out << "| [" << rule->code << "](#" << rule->code << ") | " << rule->slug << " | "
        << core::severityName(rule->severity) << " | " << rule->summary << " |\n";
  }
  for (const core::RuleInfo* rule : rules) {
    out << "\n<a id=\"" << rule->code << "\"></a>\n\n";
    writeRuleMarkdown(out, *rule, 2);
  }
}

}  // namespace samshift::report
