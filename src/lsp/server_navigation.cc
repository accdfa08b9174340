// The requests that navigate a template: definition, references, rename (and prepareRename) and
// document symbols, turned into LSP JSON. All of them read the analysis's SymbolIndex.

#include "lsp/diagnostics.h"
#include "lsp/document_symbols.h"
#include "lsp/navigation.h"
#include "lsp/server.h"
#include "lsp/server_internal.h"

namespace samshift::lsp {

using internal::InvalidParams;
using internal::positionOf;
using internal::RequestFailed;

namespace {

Json location(std::string_view uri, const core::SourceFile& source, core::Span span,
              JsonAlloc& alloc) {
  return ObjectBuilder(alloc).add("uri", uri).add("range", lspRange(source, span, alloc)).take();
}

Json outlineJson(const OutlineSymbol& symbol, const core::SourceFile& source, JsonAlloc& alloc) {
  ObjectBuilder out(alloc);
  out.add("name", symbol.name);
  if (!symbol.detail.empty()) out.add("detail", symbol.detail);
  out.add("kind", static_cast<int>(symbol.kind))
      .add("range", lspRange(source, symbol.range, alloc))
      .add("selectionRange", lspRange(source, symbol.selection, alloc));
  Json children(rapidjson::kArrayType);
  for (const OutlineSymbol& child : symbol.children)
    children.PushBack(outlineJson(child, source, alloc), alloc);
  out.add("children", std::move(children));
  return out.take();
}

}  // namespace

// The analysis of the document at `params.textDocument` and the byte offset of `params.position`
// in it; null when the document is not open or not held.
struct Server::PositionedRequest {
  const Analysis* analysis = nullptr;
  const std::string* uri = nullptr;
  uint32_t offset = 0;
};

Server::PositionedRequest Server::positioned(const Json& params, std::string_view method) {
  OpenDocument* doc = documentOf(params);
  auto position = positionOf(member(params, "position"));
  if (!position) throw InvalidParams{std::string(method) + " needs a `position`"};
  if (!doc || !doc->refusal.empty()) return {};
  const Analysis& analysis = analysisFor(*doc);
  if (!analysis.isTemplate) return {};
  return PositionedRequest{&analysis, &doc->uri, analysis.document.source.offsetOfLsp(*position)};
}

Json Server::definition(const Json& params, JsonAlloc& alloc) {
  PositionedRequest at = positioned(params, "definition");
  if (!at.analysis) return Json();
  std::optional<core::Span> span = definitionAt(*at.analysis, at.offset);
  if (!span) return Json();
  return location(*at.uri, at.analysis->document.source, *span, alloc);
}

Json Server::references(const Json& params, JsonAlloc& alloc) {
  PositionedRequest at = positioned(params, "references");
  Json out(rapidjson::kArrayType);
  if (!at.analysis) return out;
  const Json* context = member(params, "context");
  bool declaration = context && boolAt(*context, "includeDeclaration").value_or(false);
  for (core::Span span : referencesAt(*at.analysis, at.offset, declaration))
    out.PushBack(location(*at.uri, at.analysis->document.source, span, alloc), alloc);
  return out;
}

Json Server::prepareRename(const Json& params, JsonAlloc& alloc) {
  PositionedRequest at = positioned(params, "prepareRename");
  if (!at.analysis) return Json();
  core::Result<RenameTarget> target = lsp::prepareRename(*at.analysis, at.offset);
  if (!target) throw RequestFailed{target.error().message};
  return ObjectBuilder(alloc)
      .add("range", lspRange(at.analysis->document.source, target->span, alloc))
      .add("placeholder", target->name)
      .take();
}

Json Server::rename(const Json& params, JsonAlloc& alloc) {
  auto newName = stringAt(params, "newName");
  if (!newName) throw InvalidParams{"rename needs a `newName`"};
  PositionedRequest at = positioned(params, "rename");
  if (!at.analysis) return Json();
  core::Result<std::vector<TextEdit>> edits = renameAt(*at.analysis, at.offset, *newName);
  if (!edits) throw RequestFailed{edits.error().message};
  Json list(rapidjson::kArrayType);
  for (const TextEdit& edit : *edits) {
    list.PushBack(ObjectBuilder(alloc)
                      .add("range", lspRange(at.analysis->document.source, edit.span, alloc))
                      .add("newText", edit.newText)
                      .take(),
                  alloc);
  }
  Json changes(rapidjson::kObjectType);
  changes.AddMember(jsonString(*at.uri, alloc), std::move(list), alloc);
  return ObjectBuilder(alloc).add("changes", std::move(changes)).take();
}

Json Server::documentSymbol(const Json& params, JsonAlloc& alloc) {
  OpenDocument* doc = documentOf(params);
  Json out(rapidjson::kArrayType);
  if (!doc || !doc->refusal.empty()) return out;
  const Analysis& analysis = analysisFor(*doc);
  for (const OutlineSymbol& symbol : documentOutline(analysis))
    out.PushBack(outlineJson(symbol, analysis.document.source, alloc), alloc);
  return out;
}

}  // namespace samshift::lsp
