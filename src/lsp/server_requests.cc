// The requests that read a document: hover, completion, code actions and code lenses, turned into
// LSP JSON.

#include "lsp/code_actions.h"
#include "lsp/code_lenses.h"
#include "lsp/completion.h"
#include "lsp/diagnostics.h"
#include "lsp/hover.h"
#include "lsp/server.h"
#include "lsp/server_internal.h"

namespace samshift::lsp {

using internal::InvalidParams;
using internal::positionOf;

Json Server::hover(const Json& params, JsonAlloc& alloc) {
  OpenDocument* doc = documentOf(params);
  auto position = positionOf(member(params, "position"));
  if (!position) throw InvalidParams{"hover needs a `position`"};
  if (!doc) return Json();
  const Analysis& analysis = analysisFor(*doc);
  if (!analysis.isTemplate) return Json();
  uint32_t offset = analysis.document.source.offsetOfLsp(*position);
  std::optional<HoverText> text = hoverAt(analysis, offset);
  if (!text) return Json();
  ObjectBuilder out(alloc);
  out.add("contents",
          ObjectBuilder(alloc).add("kind", "markdown").add("value", text->markdown).take());
  if (text->span.known()) out.add("range", lspRange(analysis.document.source, text->span, alloc));
  return out.take();
}

Json Server::completion(const Json& params, JsonAlloc& alloc) {
  OpenDocument* doc = documentOf(params);
  auto position = positionOf(member(params, "position"));
  if (!position) throw InvalidParams{"completion needs a `position`"};
  Json items(rapidjson::kArrayType);
  if (!doc || !doc->refusal.empty()) return items;
  // Names come from the last text that parsed; only a buffer never analysed is analysed here.
  if (!doc->namesKnown && !doc->analysis) analysisFor(*doc);
  core::SourceFile source(doc->path, doc->text);  // for positions only
  uint32_t offset = source.offsetOfLsp(*position);
  // The typed word is replaced exactly, whatever the client counts as a word (`Fn.Alias`, `::`).
  size_t typed = completionContext(doc->text, offset).prefix.size();
  Json replaced =
      lspRange(source, core::Span{offset - static_cast<uint32_t>(typed), offset}, alloc);
  for (const CompletionItem& item : completeAt(doc->text, offset, doc->names)) {
    ObjectBuilder out(alloc);
    out.add("label", item.label).add("kind", static_cast<int>(item.kind));
    if (!item.detail.empty()) out.add("detail", item.detail);
    out.add("textEdit", ObjectBuilder(alloc)
                            .add("range", Json(replaced, alloc))
                            .add("newText", item.insertText.empty() ? item.label : item.insertText)
                            .take());
    if (!item.documentation.empty()) out.add("documentation", item.documentation);
    items.PushBack(out.take(), alloc);
  }
  return items;
}

Json Server::codeAction(const Json& params, JsonAlloc& alloc) {
  OpenDocument* doc = documentOf(params);
  const Json* range = member(params, "range");
  auto start = range ? positionOf(member(*range, "start")) : std::nullopt;
  auto end = range ? positionOf(member(*range, "end")) : std::nullopt;
  if (!start || !end) throw InvalidParams{"codeAction needs a `range`"};
  Json actions(rapidjson::kArrayType);
  // A buffer that is not held has no text to edit.
  if (!doc || !doc->refusal.empty()) return actions;
  const Analysis& analysis = analysisFor(*doc);
  const core::SourceFile& source = analysis.document.source;
  core::Span span{source.offsetOfLsp(*start), source.offsetOfLsp(*end)};
  if (span.end < span.begin) std::swap(span.begin, span.end);
  for (const CodeAction& action : codeActions(analysis, span)) {
    Json edits(rapidjson::kArrayType);
    for (const TextEdit& edit : action.edits) {
      edits.PushBack(ObjectBuilder(alloc)
                         .add("range", lspRange(source, edit.span, alloc))
                         .add("newText", edit.newText)
                         .take(),
                     alloc);
    }
    Json changes(rapidjson::kObjectType);
    changes.AddMember(jsonString(doc->uri, alloc), std::move(edits), alloc);
    ObjectBuilder out(alloc);
    out.add("title", action.title).add("kind", "quickfix");
    if (action.diagnostic) {
      Json linked(rapidjson::kArrayType);
      linked.PushBack(lspDiagnostic(*action.diagnostic, source, doc->uri, noteStyle_, alloc),
                      alloc);
      out.add("diagnostics", std::move(linked));
    }
    if (action.preferred) out.add("isPreferred", true);
    out.add("edit", ObjectBuilder(alloc).add("changes", std::move(changes)).take());
    actions.PushBack(out.take(), alloc);
  }
  return actions;
}

Json Server::codeLens(const Json& params, JsonAlloc& alloc) {
  OpenDocument* doc = documentOf(params);
  Json lenses(rapidjson::kArrayType);
  if (!doc || !doc->refusal.empty()) return lenses;
  const Analysis& analysis = analysisFor(*doc);
  for (const CodeLens& lens : codeLenses(analysis)) {
    // A title only: the lens informs, there is nothing to run (`command` is required to show it).
    lenses.PushBack(
        ObjectBuilder(alloc)
            .add("range", lspRange(analysis.document.source, lens.span, alloc))
            .add("command", ObjectBuilder(alloc).add("title", lens.title).add("command", "").take())
            .take(),
        alloc);
  }
  return lenses;
}

}  // namespace samshift::lsp
