#pragma once
// Reading template values the way a deployment will see them: parameters and mappings resolved,
// `Fn::If` decided where its condition can be evaluated from parameter values alone, and what is
// left rendered in short form for people. Used by plan/deployments.cc only.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"

namespace samshift::plan {

class ValueReader {
 public:
  ValueReader(const model::Template& templ, const sam::ParameterValues& params)
      : templ_(templ), params_(params) {}

  // Parameters (Ref, ${} in Fn::Sub), Fn::FindInMap, decidable Fn::If, and Fn::Sub strings with
  // nothing left to substitute become plain strings. A failure says why the value cannot be.
  sam::Resolved resolve(const model::Node& node) const;

  // The value of condition `name`: nullopt when it depends on something unknown (an account id,
  // a parameter without default or override, an unsupported function) or loops.
  std::optional<bool> condition(std::string_view name) const;

  // A scalar's text after resolve(): strings, numbers and booleans; nullopt for anything else.
  std::optional<std::string> text(const model::Node& node) const;
  // A number after resolve(): ints, floats, and strings that read as numbers.
  std::optional<double> number(const model::Node& node) const;

  // How a value is shown: `!Ref X` → "X", a string as is, other intrinsics in YAML short form
  // ("!GetAtt Hook.Arn", "!If [Cond, a, b]").
  std::string display(const model::Node& node) const;

  // The first `Fn::If` condition name left in a resolved value (for "depends on condition X").
  static std::optional<std::string> undecidedCondition(const model::Node& node);

 private:
  std::optional<bool> evaluate(const model::Node& node, int depth) const;
  model::Node decide(const model::Node& node, int depth) const;

  const model::Template& templ_;
  const sam::ParameterValues& params_;
  // Each condition is evaluated once: conditions referring to conditions would otherwise be
  // evaluated once per path to them, exponentially many. One met again while it is being
  // evaluated (a loop) cannot be decided.
  mutable std::map<std::string, std::optional<bool>, std::less<>> conditions_;
  mutable std::vector<std::string> evaluating_;
};

// Short-form YAML rendering of any value (flow style, one line).
std::string shortForm(const model::Node& node);

}  // namespace samshift::plan
