#pragma once
// One open buffer, loaded and linted: what publishDiagnostics, hover, completion and code
// actions all read. Built from the buffer's current text, never from the file on disk.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule_selection.h"
#include "lsp/symbol_index.h"
#include "model/document.h"
#include "model/template.h"
#include "sam/template_index.h"

namespace samshift::lsp {

struct Analysis {
  model::Document document;
  bool isTemplate = false;  // YAML or JSON that is not a template gets no diagnostics
  std::vector<core::Diagnostic> diagnostics;

  // The typed view of `document.root`, built on first use and kept while the analysis is, so
  // that a hover costs the node it is on, not an index of every resource.
  const model::Template& templ() const;
  // The names the template defines and where each is used, built on first use (one walk) and
  // shared by definition, references, rename, document symbols and hover.
  const SymbolIndex& symbols() const;
  // What SAM's checks of one resource read of the whole template, built on first use, so that
  // hovers after the first cost the resource hovered, not a walk of every function.
  const sam::TemplateIndex& samIndex() const;

 private:
  // Built from this analysis's own root: a copied or moved analysis starts without one.
  template <typename T>
  struct Cache {
    std::unique_ptr<const T> value;
    Cache() = default;
    Cache(const Cache&) {}
    Cache& operator=(const Cache&) {
      value.reset();
      return *this;
    }
  };
  mutable Cache<model::Template> templ_;
  mutable Cache<SymbolIndex> symbols_;
  mutable Cache<sam::TemplateIndex> samIndex_;
};

// `path` names the buffer (decides JSON by its extension, as the CLI does).
Analysis analyze(std::string path, std::string text, const engine::RuleSelection& selection);

// file:///a/b%20c.yaml → /a/b c.yaml; other schemes are returned unchanged.
std::string pathOfUri(std::string_view uri);

}  // namespace samshift::lsp
