#include "lsp/diagnostics.h"

#include "core/project.h"

namespace samshift::lsp {

namespace {

Json lspPositionJson(core::LspPosition position, JsonAlloc& alloc) {
  return ObjectBuilder(alloc)
      .add("line", position.line)
      .add("character", position.character)
      .take();
}

}  // namespace

int lspSeverity(core::Severity severity) {
  switch (severity) {
    case core::Severity::kError:
      return 1;
    case core::Severity::kWarning:
      return 2;
    case core::Severity::kInfo:
      return 3;
  }
  return 1;
}

Json lspRange(const core::SourceFile& source, core::Span span, JsonAlloc& alloc) {
  // A finding without a place (or a generated node) points at the start of the file.
  uint32_t begin = span.known() ? span.begin : 0;
  uint32_t end = span.known() ? std::max(span.begin, span.end) : 0;
  return ObjectBuilder(alloc)
      .add("start", lspPositionJson(source.lspPosition(begin), alloc))
      .add("end", lspPositionJson(source.lspPosition(end), alloc))
      .take();
}

Json lspDiagnostic(const core::Diagnostic& diagnostic, const core::SourceFile& source,
                   std::string_view uri, NoteStyle notes, JsonAlloc& alloc) {
  std::string message = diagnostic.message;
  if (notes == NoteStyle::kInMessage) {
    for (const core::Note& note : diagnostic.notes) {
      message += "\nnote: ";
      if (note.span.known())
        message += "line " + std::to_string(source.position(note.span.begin).line) + ": ";
      message += note.message;
    }
  }
  ObjectBuilder out(alloc);
  out.add("range", lspRange(source, diagnostic.span, alloc))
      .add("severity", lspSeverity(diagnostic.severity))
      .add("code", diagnostic.code)
      .add("codeDescription", ObjectBuilder(alloc)
                                  .add("href", std::string(core::kRuleDocsBase) + diagnostic.code)
                                  .take())
      .add("source", "samshift")
      .add("message", message);
  if (notes == NoteStyle::kRelatedInformation && !diagnostic.notes.empty()) {
    Json related(rapidjson::kArrayType);
    for (const core::Note& note : diagnostic.notes) {
      // A note without a place still gets one: the finding's own range.
      core::Span span = note.span.known() ? note.span : diagnostic.span;
      related.PushBack(ObjectBuilder(alloc)
                           .add("location", ObjectBuilder(alloc)
                                                .add("uri", uri)
                                                .add("range", lspRange(source, span, alloc))
                                                .take())
                           .add("message", note.message)
                           .take(),
                       alloc);
    }
    out.add("relatedInformation", std::move(related));
  }
  return out.take();
}

Json lspDiagnostics(const std::vector<core::Diagnostic>& diagnostics,
                    const core::SourceFile& source, std::string_view uri, NoteStyle notes,
                    JsonAlloc& alloc) {
  Json array(rapidjson::kArrayType);
  for (const core::Diagnostic& diagnostic : diagnostics)
    array.PushBack(lspDiagnostic(diagnostic, source, uri, notes, alloc), alloc);
  return array;
}

}  // namespace samshift::lsp
