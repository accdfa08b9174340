#include "engine/rule_selection.h"

#include <algorithm>
#include <cctype>

#include "core/nearest_names.h"
#include "engine/registry.h"

namespace samshift::engine {

namespace {

bool namesAny(const std::vector<std::string>& names, const RuleInfo& info) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& name) { return namesRule(name, info); });
}

bool namesSomeRule(std::string_view name) {
  const auto& rules = Registry::instance().rules();
  return std::any_of(rules.begin(), rules.end(),
                     [&](const Rule* rule) { return namesRule(name, rule->info()); });
}

std::string withCase(std::string_view text, int (*convert)(int)) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(convert(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void RuleSelection::selectOnly(std::vector<std::string> names) {
  selectsNothing = names.empty();
  select = std::move(names);
}

bool RuleSelection::enabled(const RuleInfo& info) const {
  bool selected = selectsNothing ? false : select.empty() ? !info.optIn : namesAny(select, info);
  if (!selected && !namesAny(enable, info)) return false;
  return !namesAny(ignore, info);
}

core::Severity RuleSelection::severityOf(const RuleInfo& info) const {
  auto found = severity.find(std::string(info.code));
  return found == severity.end() ? info.severity : found->second;
}

bool namesRule(std::string_view name, const RuleInfo& info) {
  if (name.empty()) return false;
  return info.code.substr(0, name.size()) == name || info.slug == name;
}

std::optional<std::string> unknownRuleName(std::string_view name, std::string_view where) {
  if (namesSomeRule(name)) return std::nullopt;
  std::string message = "`" + std::string(name) + "` in " + std::string(where) + " matches no rule";
  for (const std::string& spelling : {withCase(name, ::toupper), withCase(name, ::tolower)}) {
    if (namesSomeRule(spelling)) {
      return message + ": did you mean `" + spelling +
             "`? (codes are upper case and slugs lower case)";
    }
  }
  std::vector<std::string_view> names;
  for (const Rule* rule : Registry::instance().rules()) {
    names.push_back(rule->info().code);
    names.push_back(rule->info().slug);
  }
  // Two edits may separate a four-character code from a typo of it (`DOO2`, `D02`).
  std::vector<std::string_view> nearest = core::nearestNames(name, names, 2, 2);
  if (nearest.empty()) return message + " (see samshift rules)";
  message += ": did you mean `" + std::string(nearest[0]) + "`";
  if (nearest.size() > 1) message += " or `" + std::string(nearest[1]) + "`";
  return message + "? (see samshift rules)";
}

std::vector<std::string> splitRuleList(std::string_view text) {
  std::vector<std::string> items;
  while (true) {
    size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    size_t first = item.find_first_not_of(" \t");
    if (first != std::string_view::npos) {
      item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
      items.emplace_back(item);
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace samshift::engine
