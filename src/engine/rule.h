#pragma once
// A rule: its identity and documentation (the single source for `samshift rule`, the man page
// and LSP hovers) and its check. Rules report a node and a message; the engine owns positions,
// severity overrides, suppression and rendering.

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/diagnostic.h"
#include "core/rule_info.h"
#include "model/document.h"
#include "model/node.h"
#include "model/template.h"

namespace samshift::engine {

using RuleInfo = core::RuleInfo;

// A per-rule option that configuration may set (`options: {D006: {threshold: 3}}`); rules declare
// theirs in Rule::optionSpecs() so that a configuration is checked before any rule runs.
enum class OptionType { kInteger, kBoolean, kString, kStringList };

struct OptionSpec {
  std::string_view name;
  OptionType type = OptionType::kInteger;
  std::string_view description;
};

// Option values by rule code, already checked against the rules' OptionSpecs.
class RuleOptions {
 public:
  using Value = std::variant<int64_t, bool, std::string, std::vector<std::string>>;

  void set(std::string_view code, std::string_view name, Value value) {
    values_[std::string(code)][std::string(name)] = std::move(value);
  }
  bool empty() const { return values_.empty(); }

  int64_t integer(std::string_view code, std::string_view name, int64_t fallback) const {
    return get<int64_t>(code, name, fallback);
  }
  bool boolean(std::string_view code, std::string_view name, bool fallback) const {
    return get<bool>(code, name, fallback);
  }
  std::string string(std::string_view code, std::string_view name, std::string fallback) const {
    return get<std::string>(code, name, std::move(fallback));
  }
  std::vector<std::string> strings(std::string_view code, std::string_view name,
                                   std::vector<std::string> fallback) const {
    return get<std::vector<std::string>>(code, name, std::move(fallback));
  }

 private:
  template <typename T>
  T get(std::string_view code, std::string_view name, T fallback) const {
    auto rule = values_.find(code);
    if (rule == values_.end()) return fallback;
    auto value = rule->second.find(name);
    if (value == rule->second.end() || !std::holds_alternative<T>(value->second)) return fallback;
    return std::get<T>(value->second);
  }

  std::map<std::string, std::map<std::string, Value, std::less<>>, std::less<>> values_;
};

// A place in the tree: the keys and indexes from the root to a node.
struct PathElement {
  std::string_view key;  // empty for a sequence item
  size_t index = 0;
};
using NodePath = std::vector<PathElement>;

// Facts several rules derive from one template (SAM's problems, the functions that shift
// traffic, …): computed by the first rule that asks for one, then shared by the others for the
// rest of that document. A fact is identified by its type.
class FactCache {
 public:
  template <typename Fact, typename Compute>
  const Fact& get(Compute compute) const {
    std::shared_ptr<void>& slot = facts_[std::type_index(typeid(Fact))];
    if (!slot) slot = std::make_shared<Fact>(compute());
    return *static_cast<const Fact*>(slot.get());
  }

 private:
  mutable std::unordered_map<std::type_index, std::shared_ptr<void>> facts_;
};

struct RuleContext {
  const model::Document& document;
  const model::Template& templ;
  const RuleOptions* options = nullptr;   // from configuration; null when none
  std::string_view region = "us-east-1";  // the AWS::Region SAM resolves the template for
  bool strictUris = false;                // deployed as written: local paths are rejections
  FactCache facts;                        // per document

  // A rule's option as configured, else `fallback`: `context.integerOption(info(), "threshold",
  // 2)`.
  int64_t integerOption(const RuleInfo& rule, std::string_view name, int64_t fallback) const {
    return options ? options->integer(rule.code, name, fallback) : fallback;
  }
  bool booleanOption(const RuleInfo& rule, std::string_view name, bool fallback) const {
    return options ? options->boolean(rule.code, name, fallback) : fallback;
  }
  std::string stringOption(const RuleInfo& rule, std::string_view name,
                           std::string fallback) const {
    return options ? options->string(rule.code, name, std::move(fallback)) : fallback;
  }
  std::vector<std::string> stringListOption(const RuleInfo& rule, std::string_view name,
                                            std::vector<std::string> fallback) const {
    return options ? options->strings(rule.code, name, std::move(fallback)) : fallback;
  }
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void report(core::Span span, std::string message, std::vector<core::Note> notes = {}) = 0;
  void report(const model::Node& node, std::string message, std::vector<core::Note> notes = {}) {
    report(node.span(), std::move(message), std::move(notes));
  }
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  // The options configuration may set for this rule (read them through RuleContext).
  virtual std::vector<OptionSpec> optionSpecs() const { return {}; }
  // The codes of the SAM problems (sam/problem_codes.h) this rule words: each code has exactly
  // one rule, so that lint reports everything the SAM transform rejects.
  virtual std::span<const std::string_view> samProblemCodes() const { return {}; }

  // Once per template.
  virtual void checkTemplate(const RuleContext&, Reporter&) const {}

  // For every node of the tree, in one walk shared by all rules, when wantsNodes() is true.
  virtual bool wantsNodes() const { return false; }
  virtual void checkNode(const RuleContext&, const model::Node&, const NodePath&, Reporter&) const {
  }
};

}  // namespace samshift::engine
