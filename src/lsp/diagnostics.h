#pragma once
// samshift findings as LSP Diagnostic objects: 0-based UTF-16 ranges, severity, code, a link to
// the rule's documentation, source "samshift", and notes as relatedInformation or in the message.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_file.h"
#include "lsp/json.h"

namespace samshift::lsp {

// Where a rule's documentation lives; the code is appended ("…/rules/D002").

// How the client shows a finding's notes ("Did you mean …", "first appears here"): as
// relatedInformation when its publishDiagnostics capability says it supports it; otherwise
// folded into the message, one "note:" line each, so that no editor loses them.
enum class NoteStyle { kRelatedInformation, kInMessage };

Json lspRange(const core::SourceFile& source, core::Span span, JsonAlloc& alloc);
Json lspDiagnostic(const core::Diagnostic& diagnostic, const core::SourceFile& source,
                   std::string_view uri, NoteStyle notes, JsonAlloc& alloc);
Json lspDiagnostics(const std::vector<core::Diagnostic>& diagnostics,
                    const core::SourceFile& source, std::string_view uri, NoteStyle notes,
                    JsonAlloc& alloc);

// LSP DiagnosticSeverity: 1 error, 2 warning, 3 information.
int lspSeverity(core::Severity severity);

}  // namespace samshift::lsp
