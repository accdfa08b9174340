#include "engine/registry.h"

#include <algorithm>

namespace samshift::engine {

Registry& Registry::instance() {
  static Registry registry;
  return registry;
}

bool Registry::add(std::unique_ptr<Rule> rule, std::string_view sourceFile) {
  owned_.push_back(std::move(rule));
  sourceFiles_.push_back(sourceFile);
  dirty_ = true;
  return true;
}

const std::vector<const Rule*>& Registry::rules() const {
  if (dirty_) {
    sorted_.clear();
    for (const auto& rule : owned_) sorted_.push_back(rule.get());
    std::sort(sorted_.begin(), sorted_.end(),
              [](const Rule* a, const Rule* b) { return a->info().code < b->info().code; });
    dirty_ = false;
  }
  return sorted_;
}

const Rule* Registry::find(std::string_view codeOrSlug) const {
  for (const Rule* rule : rules()) {
    if (rule->info().code == codeOrSlug || rule->info().slug == codeOrSlug) return rule;
  }
  return nullptr;
}

const Rule* Registry::samProblemOwner(std::string_view code) const {
  for (const Rule* rule : rules()) {
    for (std::string_view owned : rule->samProblemCodes()) {
      if (owned == code) return rule;
    }
  }
  return nullptr;
}

core::Diagnostic Registry::errorFinding(std::string_view code, core::Span span,
                                        std::string message) const {
  const Rule* rule = find(code);
  return core::Diagnostic{
      std::string(code),      rule ? std::string(rule->info().slug) : std::string(),
      core::Severity::kError, span,
      std::move(message),     {}};
}

std::string_view Registry::sourceFile(const Rule& rule) const {
  for (size_t i = 0; i < owned_.size(); ++i) {
    if (owned_[i].get() == &rule) return sourceFiles_[i];
  }
  return {};
}

}  // namespace samshift::engine
