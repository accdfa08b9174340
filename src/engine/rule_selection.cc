#include "engine/rule_selection.h"

namespace samshift::engine {

namespace {

bool matchesAny(const std::vector<std::string>& patterns, const RuleInfo& info) {
  for (const std::string& pattern : patterns) {
    if (info.code.substr(0, pattern.size()) == pattern || info.slug == pattern) return true;
  }
  return false;
}

}  // namespace

bool RuleSelection::enabled(const RuleInfo& info) const {
  bool selected = select.empty() ? !info.optIn : matchesAny(select, info);
  if (!selected && !matchesAny(enable, info)) return false;
  return !matchesAny(ignore, info);
}

core::Severity RuleSelection::severityOf(const RuleInfo& info) const {
  auto found = severity.find(std::string(info.code));
  return found == severity.end() ? info.severity : found->second;
}

}  // namespace samshift::engine
