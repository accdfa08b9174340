#pragma once
// Quick fixes: add a missing AutoPublishAlias, replace an unknown deployment type by the nearest
// predefined one, and silence a finding with a `# samshift: ignore[CODE]` comment.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/location.h"
#include "lsp/analysis.h"

namespace samshift::lsp {

struct TextEdit {
  core::Span span;  // bytes replaced (empty span: an insertion)
  std::string newText;
};

struct CodeAction {
  std::string title;
  std::vector<TextEdit> edits;
  const core::Diagnostic* diagnostic = nullptr;  // the finding it fixes, if any
  bool preferred = false;
};

// The alias name a quick fix adds.
inline constexpr std::string_view kDefaultAliasName = "live";

// Fixes for findings and constructs that touch the byte range [begin, end].
std::vector<CodeAction> codeActions(const Analysis& analysis, core::Span range);

}  // namespace samshift::lsp
