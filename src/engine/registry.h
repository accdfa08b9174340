#pragma once
// Every rule, registered by its own file at static-initialisation time (rules are linked with
// link_whole so that no registration is dropped). Ordered by code.

#include <memory>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace samshift::engine {

class Registry {
 public:
  static Registry& instance();

  bool add(std::unique_ptr<Rule> rule);
  const std::vector<const Rule*>& rules() const;
  const Rule* find(std::string_view codeOrSlug) const;

 private:
  std::vector<std::unique_ptr<Rule>> owned_;
  mutable std::vector<const Rule*> sorted_;
  mutable bool dirty_ = true;
};

}  // namespace samshift::engine

#define SAMSHIFT_REGISTER_RULE(RuleClass)                                                   \
  namespace {                                                                               \
  [[maybe_unused]] const bool kRegistered##RuleClass =                                      \
      ::samshift::engine::Registry::instance().add(std::make_unique<RuleClass>());          \
  }
