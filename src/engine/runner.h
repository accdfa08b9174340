#pragma once
// Runs the selected rules over one loaded document: one walk of the tree dispatches nodes to the
// rules that want them; a rule that throws becomes one X001 finding and the others still run.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule.h"
#include "engine/rule_selection.h"
#include "model/document.h"

namespace samshift::engine {

struct LintResult {
  std::vector<core::Diagnostic> diagnostics;  // sorted by position, then code
  bool unparsable = false;                    // the file could not be read as YAML/JSON
};

// The code of the finding a failed rule becomes (rules/tool/rule_failed.cc documents it).
inline constexpr std::string_view kRuleFailedCode = "X001";

// The rules one lint runs, in code order.
using RuleSet = std::span<const Rule* const>;

// Runs the rules of `rules` that `selection` enables.
LintResult lintDocument(const model::Document& document, const RuleSelection& selection,
                        RuleSet rules);
// The same with every registered rule.
LintResult lintDocument(const model::Document& document, const RuleSelection& selection);

}  // namespace samshift::engine
