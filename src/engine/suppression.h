#pragma once
// Suppression written in the template: `Metadata: {samshift: {ignore: [CODE…]}}` at the root
// or on a resource (covering that resource), and comments `# samshift: ignore[CODE, …]` on the
// finding's line or the line above. Rules are named as in --select: a code, a prefix ("D"
// ignores the whole family) or a slug (`ignore[unknown-deployment-type]`).
//
// When the selection enables X002 (unused-suppression), every suppressed code that matched no
// finding becomes an X002 finding at the code as written, in the manner of ruff's RUF100.

#include <vector>

#include "core/diagnostic.h"
#include "engine/rule_selection.h"
#include "model/document.h"
#include "model/template.h"

namespace samshift::engine {

inline constexpr std::string_view kUnusedSuppressionCode = "X002";

// Removes the suppressed findings and, when X002 is enabled, adds the unused suppressions.
void applySuppressions(const model::Document& document, const model::Template& templ,
                       const RuleSelection& selection, std::vector<core::Diagnostic>& diagnostics);

}  // namespace samshift::engine
