#pragma once
// samshift-rules(7): every rule's code, slug, default severity, summary and documentation as a
// man page, generated at build time from the same RuleInfo that `samshift rule CODE` prints. The
// rule docs are Markdown of a small, fixed shape (## headings, paragraphs, `- ` lists, ``` code
// blocks, `inline code`); this is exactly what is translated to roff.

#include <ostream>
#include <string_view>
#include <vector>

#include "core/rule_info.h"

namespace samshift::report {

void writeRulesMan(std::ostream& out, const std::vector<const core::RuleInfo*>& rules,
                   std::string_view version);

// One line of text as roff: backslashes and hyphens escaped, `code` in bold, and a line that
// would start with a control character protected.
std::string roffText(std::string_view text);

}  // namespace samshift::report
