#include "config/ignore_rules.h"

#include <string>

namespace samshift::config {

IgnoreRules IgnoreRules::parse(std::string_view text) {
  IgnoreRules rules;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trailing blanks are not part of the pattern unless escaped.
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() > 1 && line[line.size() - 2] == '\\'))
      line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Pattern pattern;
    if (line.front() == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    } else if (line.substr(0, 2) == "\\!" || line.substr(0, 2) == "\\#") {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.directoryOnly = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    std::string error;
    pattern.glob = Glob::compile(line, error);
    if (pattern.glob) rules.patterns_.push_back(std::move(pattern));
  }
  return rules;
}

std::optional<bool> IgnoreRules::decide(std::string_view path, bool isDirectory) const {
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->directoryOnly && !isDirectory) continue;
    if (it->glob->matches(path)) return !it->negated;
  }
  return std::nullopt;
}

}  // namespace samshift::config
