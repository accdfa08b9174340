#include "lsp/document_symbols.h"

#include <algorithm>

namespace samshift::lsp {

namespace {

OutlineKind kindOf(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::kParameter:
      return OutlineKind::kVariable;
    case SymbolKind::kCondition:
      return OutlineKind::kBoolean;
    case SymbolKind::kMapping:
      return OutlineKind::kObject;
    case SymbolKind::kResource:
      return OutlineKind::kClass;
    case SymbolKind::kOutput:
      return OutlineKind::kProperty;
  }
  return OutlineKind::kObject;
}

// The key and its value; a value without a place (an empty one) ends with the key.
core::Span entrySpan(const model::Node& key, const model::Node& value) {
  core::Span span = key.span();
  if (value.span().known()) span.end = std::max(span.end, value.span().end);
  return span;
}

std::string detailOf(const Definition& definition) {
  bool typed =
      definition.kind == SymbolKind::kResource || definition.kind == SymbolKind::kParameter;
  const model::Node* type =
      typed && definition.value->isMapping() ? definition.value->get("Type") : nullptr;
  return type && type->isString() ? type->text() : std::string();
}

}  // namespace

std::vector<OutlineSymbol> documentOutline(const Analysis& analysis) {
  std::vector<OutlineSymbol> out;
  if (!analysis.isTemplate || !analysis.document.parsed) return out;
  const SymbolIndex& index = analysis.symbols();
  for (const model::MapEntry& section : analysis.document.root.entries()) {
    if (!section.key.span().known()) continue;
    OutlineSymbol symbol{section.key.text(),      "",
                         OutlineKind::kNamespace, entrySpan(section.key, section.value),
                         section.key.span(),      {}};
    for (const Definition& definition : index.definitions()) {
      if (sectionOf(definition.kind) != section.key.text() || !definition.key->span().known())
        continue;
      symbol.children.push_back(OutlineSymbol{std::string(definition.name),
                                              detailOf(definition),
                                              kindOf(definition.kind),
                                              entrySpan(*definition.key, *definition.value),
                                              definition.key->span(),
                                              {}});
    }
    if (!symbol.children.empty()) out.push_back(std::move(symbol));
  }
  return out;
}

}  // namespace samshift::lsp
