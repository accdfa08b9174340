#pragma once
// Template text made safe to print where people and programs read lines: a terminal, a CI log
// (where a line that starts `::error` is a command), an annotation. Control characters (C0 with
// the line breaks and the tab, DEL, C1), the Unicode line and paragraph separators, the
// bidirectional embeddings and overrides, and bytes that are not UTF-8 become visible escapes
// (`\n`, `\x1b`, `\u0085`), so that template text can never start a line, move the cursor,
// colour the output or reorder what is shown. Text without them prints unchanged. A backslash
// is not escaped: the output is for reading, not for parsing back.

#include <cstddef>
#include <string>
#include <string_view>

namespace samshift::core {

// `text` with every character above escaped.
std::string printableText(std::string_view text);

// Appends the character at text[index] as printed (itself, or its escape) and advances index
// past it; returns how many columns it takes (1, or the length of its escape). `keepTab` keeps
// a tab as it is (a source excerpt keeps tabs so that its caret line can repeat them).
size_t appendPrintableCharacter(std::string& out, std::string_view text, size_t& index,
                                bool keepTab = false);

}  // namespace samshift::core
