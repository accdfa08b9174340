#pragma once
// Which rules run and how severe their findings are: from the command line and configuration.
//
// A rule is named by its exact code ("D002"), a prefix of codes ("D", "D00") or its slug
// ("unknown-deployment-type"), as ruff and cfn-lint take them: codes are upper case and slugs
// lower case, exactly; a name that matches no rule is an error, never a selection of nothing.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule.h"

namespace samshift::engine {

struct RuleSelection {
  // The rules to run. Empty runs every rule but the opt-in ones, unless `selectsNothing` is set:
  // a configuration's `select: []` asks for no rule at all.
  std::vector<std::string> select;
  bool selectsNothing = false;
  std::vector<std::string> ignore;                 // rules to skip; empty skips none
  std::map<std::string, core::Severity> severity;  // code -> severity override
  // Opt-in rules to run on top of the selection (`--report-unused-suppressions` adds X002); an
  // opt-in rule otherwise runs only when `select` names it.
  std::vector<std::string> enable;
  RuleOptions options;  // per-rule options from configuration
  // The AWS::Region the rules read the template for (SAM resolves it, and FindInMap by it):
  // `lint --region` or a configuration's `region`.
  std::string region = "us-east-1";
  // The template is deployed as written, without `sam package`: a local artifact path is SAM's
  // rejection (`lint --strict-uris`, `strict-uris: true`), as in `samshift expand --strict-uris`.
  bool strictUris = false;

  // Replaces `select`; an empty list selects nothing.
  void selectOnly(std::vector<std::string> names);
  bool enabled(const RuleInfo& info) const;
  core::Severity severityOf(const RuleInfo& info) const;
};

// True when `name` is the rule's code, a prefix of it, or its slug.
bool namesRule(std::string_view name, const RuleInfo& info);

// When `name` names no registered rule, the message saying so, `where` it was written:
// "`d002` in --select matches no rule: did you mean `D002`? (codes are upper case and slugs
// lower case)", or the nearest names when it looks like a typo of them.
std::optional<std::string> unknownRuleName(std::string_view name, std::string_view where);

// The items of a comma-separated list ("D002, D005"), blanks around each trimmed, empty ones
// dropped.
std::vector<std::string> splitRuleList(std::string_view text);

}  // namespace samshift::engine
