#pragma once
// Where samshift lives on the web: the one place SARIF, the language server and the docs take
// their links from.

#include <string_view>

namespace samshift::core {

inline constexpr std::string_view kHomepage = "https://github.com/samshift/samshift";
// A rule's documentation is `kRuleDocsBase` + its code (the page is docs/rules.md, generated
// from the rules' own metadata by `samshift rules --format markdown`).
inline constexpr std::string_view kRuleDocsBase =
    "https://github.com/samshift/samshift/blob/main/docs/rules.md#";

}  // namespace samshift::core
