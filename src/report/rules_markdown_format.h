#pragma once
// Rule documentation as Markdown, from the rules' own metadata: one rule for `samshift rule CODE`
// and the page docs/rules.md (every rule, each with an anchor named by its code, which is where
// SARIF's helpUri and the language server's links point).

#include <ostream>
#include <vector>

#include "core/rule_info.h"

namespace samshift::report {

// `# CODE slug (severity)`, the summary, then the doc; with `level` 2 every heading is one deeper.
void writeRuleMarkdown(std::ostream& out, const core::RuleInfo& rule, int level = 1);

void writeRulesMarkdown(std::ostream& out, const std::vector<const core::RuleInfo*>& rules);

}  // namespace samshift::report
