#pragma once
// One open buffer, loaded and linted: what publishDiagnostics, hover, completion and code
// actions all read. Built from the buffer's current text, never from the file on disk.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule_selection.h"
#include "model/document.h"

namespace samshift::lsp {

struct Analysis {
  model::Document document;
  bool isTemplate = false;  // YAML or JSON that is not a template gets no diagnostics
  std::vector<core::Diagnostic> diagnostics;
};

// `path` names the buffer (decides JSON by its extension, as the CLI does).
Analysis analyze(std::string path, std::string text, const engine::RuleSelection& selection);

// file:///a/b%20c.yaml → /a/b c.yaml; other schemes are returned unchanged.
std::string pathOfUri(std::string_view uri);

}  // namespace samshift::lsp
