#include "engine/suppression.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

namespace samshift::engine {

namespace {

struct Scope {
  core::Span span;  // where the suppression applies
  std::vector<std::string> codes;
};

bool codeMatches(const std::vector<std::string>& codes, const std::string& code) {
  return std::any_of(codes.begin(), codes.end(),
                     [&](const std::string& c) { return !c.empty() && code.rfind(c, 0) == 0; });
}

std::vector<std::string> ignoredCodes(const model::Node* metadata) {
  std::vector<std::string> codes;
  const model::Node* ours = metadata ? metadata->get("samshift") : nullptr;
  const model::Node* ignore = ours ? ours->get("ignore") : nullptr;
  if (!ignore) return codes;
  if (ignore->isString()) codes.push_back(ignore->text());
  for (const model::Node& item : ignore->items()) {
    if (item.isString()) codes.push_back(item.text());
  }
  return codes;
}

std::vector<std::string> splitCodes(const std::string& list) {
  std::vector<std::string> codes;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string code = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    code.erase(0, code.find_first_not_of(" \t"));
    code.erase(code.find_last_not_of(" \t") + 1);
    if (!code.empty()) codes.push_back(code);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return codes;
}

// Comment suppressions by 1-based line: a comment covers its own line and the next one.
std::vector<std::pair<uint32_t, std::vector<std::string>>> commentScopes(const core::SourceFile& source) {
  static const RE2 kComment(R"((?:^|\s)#\s*samshift:\s*ignore\[([A-Za-z0-9_, -]+)\])");
  std::vector<std::pair<uint32_t, std::vector<std::string>>> out;
  if (source.text().find("samshift:") == std::string::npos) return out;
  for (uint32_t line = 1; line <= source.lineCount(); ++line) {
    std::string_view text = source.lineText(line);
    if (text.find("samshift:") == std::string_view::npos) continue;
    std::string codes;
    if (RE2::PartialMatch(text, kComment, &codes)) out.emplace_back(line, splitCodes(codes));
  }
  return out;
}

}  // namespace

void applySuppressions(const load::Document& document, const model::Template& templ,
                       std::vector<core::Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return;
  std::vector<Scope> scopes;
  if (auto codes = ignoredCodes(templ.section("Metadata")); !codes.empty()) {
    scopes.push_back(Scope{core::Span{0, static_cast<uint32_t>(document.source.text().size()) + 1}, codes});
  }
  for (const model::ResourceView& resource : templ.resources()) {
    if (auto codes = ignoredCodes(resource.metadata); !codes.empty()) {
      core::Span span{resource.idNode->span().begin, resource.node->span().end};
      scopes.push_back(Scope{span, codes});
    }
  }
  auto comments = commentScopes(document.source);
  auto suppressed = [&](const core::Diagnostic& d) {
    if (d.code == "X001") return false;
    for (const Scope& scope : scopes) {
      if (d.span.known() && d.span.begin >= scope.span.begin && d.span.begin < scope.span.end &&
          codeMatches(scope.codes, d.code)) {
        return true;
      }
    }
    if (!comments.empty() && d.span.known()) {
      uint32_t line = document.source.position(d.span.begin).line;
      for (const auto& [commentLine, codes] : comments) {
        if ((commentLine == line || commentLine + 1 == line) && codeMatches(codes, d.code)) return true;
      }
    }
    return false;
  };
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), suppressed), diagnostics.end());
}

}  // namespace samshift::engine
