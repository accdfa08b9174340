#pragma once
// Go to definition, find references and rename, over the analysis's SymbolIndex: what a name
// under the cursor names, everywhere it is named, and the edits that rename it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"
#include "core/result.h"
#include "lsp/analysis.h"
#include "lsp/code_actions.h"

namespace samshift::lsp {

// The key that defines what the cursor is on (a use, or a definition itself).
std::optional<core::Span> definitionAt(const Analysis& analysis, uint32_t offset);

// Every place that names the symbol under the cursor, in document order, with its definition
// first when `includeDeclaration`.
std::vector<core::Span> referencesAt(const Analysis& analysis, uint32_t offset,
                                     bool includeDeclaration);

struct RenameTarget {
  core::Span span;  // the name under the cursor
  std::string name;
};
// What a rename at the cursor would rename, or why nothing can be.
core::Result<RenameTarget> prepareRename(const Analysis& analysis, uint32_t offset);

// The edits that rename the symbol under the cursor to `newName` in every form it is named
// (its key, Ref, GetAtt, Sub variables, DependsOn, conditions, FindInMap, names SAM generates
// from it), or why the rename is refused: a name that is not alphanumeric, a pseudo parameter,
// or one the template (or SAM, from it) already defines.
core::Result<std::vector<TextEdit>> renameAt(const Analysis& analysis, uint32_t offset,
                                             std::string_view newName);

}  // namespace samshift::lsp
