#pragma once
// The outline of a template: its sections (Parameters, Conditions, Mappings, Resources, Outputs)
// with what each defines, a resource's Type and a parameter's Type as detail.

#include <string>
#include <vector>

#include "core/location.h"
#include "lsp/analysis.h"

namespace samshift::lsp {

// LSP SymbolKind values we use.
enum class OutlineKind {
  kClass = 5,
  kProperty = 7,
  kNamespace = 3,
  kVariable = 13,
  kBoolean = 17,
  kObject = 19,
};

struct OutlineSymbol {
  std::string name;
  std::string detail;
  OutlineKind kind = OutlineKind::kNamespace;
  core::Span range;      // the key and its value
  core::Span selection;  // the key
  std::vector<OutlineSymbol> children;
};

std::vector<OutlineSymbol> documentOutline(const Analysis& analysis);

}  // namespace samshift::lsp
