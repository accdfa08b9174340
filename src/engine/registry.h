#pragma once
// Every rule, registered by its own file at static-initialisation time (rules are linked with
// link_whole so that no registration is dropped). Ordered by code.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule.h"

namespace samshift::engine {

class Registry {
 public:
  static Registry& instance();

  // `sourceFile`: the file that registers the rule (__FILE__), which is named by the rule's slug.
  bool add(std::unique_ptr<Rule> rule, std::string_view sourceFile);
  const std::vector<const Rule*>& rules() const;
  const Rule* find(std::string_view codeOrSlug) const;
  // The rule that words SAM problem `code` (Rule::samProblemCodes): null when none does.
  const Rule* samProblemOwner(std::string_view code) const;
  // An error finding of rule `code` at `span`, with its slug when the rule is registered (a
  // build without the rules still names the code).
  core::Diagnostic errorFinding(std::string_view code, core::Span span, std::string message) const;
  // The source file that registered `rule`, as the compiler named it.
  std::string_view sourceFile(const Rule& rule) const;

 private:
  std::vector<std::unique_ptr<Rule>> owned_;
  std::vector<std::string_view> sourceFiles_;  // parallel to owned_
  mutable std::vector<const Rule*> sorted_;
  mutable bool dirty_ = true;
};

}  // namespace samshift::engine

#define SAMSHIFT_REGISTER_RULE(RuleClass)                                                    \
  namespace {                                                                                \
  [[maybe_unused]] const bool kRegistered##RuleClass =                                       \
      ::samshift::engine::Registry::instance().add(std::make_unique<RuleClass>(), __FILE__); \
  }
