#pragma once
// Runs the selected rules over one loaded document: one walk of the tree dispatches nodes to the
// rules that want them; a rule that throws becomes one X001 finding and the others still run.

#include <string>
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

LintResult lintDocument(const model::Document& document, const RuleSelection& selection);

}  // namespace samshift::engine
