#pragma once
// Suppression written in the template: `Metadata: {samshift: {ignore: [CODE…]}}` at the root
// or on a resource (covering that resource), and comments `# samshift: ignore[CODE, …]` on the
// finding's line or the line above. A code may be a prefix ("D" ignores the whole family).

#include <vector>

#include "core/diagnostic.h"
#include "load/document.h"
#include "model/template.h"

namespace samshift::engine {

// Removes the suppressed findings.
void applySuppressions(const load::Document& document, const model::Template& templ,
                       std::vector<core::Diagnostic>& diagnostics);

}  // namespace samshift::engine
