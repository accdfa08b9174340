#pragma once
// Which rules run and how severe their findings are: from the command line and configuration.

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule.h"

namespace samshift::engine {

struct RuleSelection {
  std::vector<std::string> select;  // codes or prefixes ("D", "D00", "D002"); empty = all
  std::vector<std::string> ignore;  // codes or prefixes
  std::map<std::string, core::Severity> severity;  // code -> severity override
  // Opt-in rules to run on top of the selection (`--report-unused-suppressions` adds X002); an
  // opt-in rule otherwise runs only when `select` names it.
  std::vector<std::string> enable;
  RuleOptions options;  // per-rule options from configuration

  bool enabled(const RuleInfo& info) const;
  core::Severity severityOf(const RuleInfo& info) const;
};

}  // namespace samshift::engine
