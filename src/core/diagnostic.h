#pragma once
// A finding about a template: what rule, how bad, where, and what it says.

#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace samshift::core {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view severityName(Severity severity);
bool parseSeverity(std::string_view text, Severity& out);

struct Note {
  Span span;  // may be unknown: a note without a place
  std::string message;
};

struct Diagnostic {
  std::string code;  // "T002"
  std::string slug;  // "duplicate-key"
  Severity severity = Severity::kError;
  Span span;
  std::string message;
  std::vector<Note> notes;
};

}  // namespace samshift::core
