#include "engine/runner.h"

#include <algorithm>
#include <exception>

#include "engine/registry.h"
#include "engine/suppression.h"

namespace samshift::engine {

namespace {

class CollectingReporter : public Reporter {
 public:
  CollectingReporter(const RuleInfo& info, core::Severity severity,
                     std::vector<core::Diagnostic>& out)
      : info_(info), severity_(severity), out_(out) {}

  void report(core::Span span, std::string message, std::vector<core::Note> notes) override {
    out_.push_back(core::Diagnostic{std::string(info_.code), std::string(info_.slug), severity_,
                                    span, std::move(message), std::move(notes)});
  }
  using Reporter::report;

 private:
  const RuleInfo& info_;
  core::Severity severity_;
  std::vector<core::Diagnostic>& out_;
};

struct ActiveRule {
  const Rule* rule;
  CollectingReporter reporter;
  bool failed = false;
};

core::Diagnostic ruleFailure(const RuleInfo& info, const std::string& what) {
  return Registry::instance().errorFinding(kRuleFailedCode, core::Span{0, 0},
                                           "Rule " + std::string(info.code) + " [" +
                                               std::string(info.slug) +
                                               "] failed on this template: " + what);
}

// Calls `body` for one rule; a rule that throws is reported once and not called again.
template <typename Body>
void guarded(ActiveRule& active, std::vector<core::Diagnostic>& out, Body body) {
  if (active.failed) return;
  try {
    body();
  } catch (const std::exception& error) {
    active.failed = true;
    out.push_back(ruleFailure(active.rule->info(), error.what()));
  } catch (...) {
    active.failed = true;
    out.push_back(ruleFailure(active.rule->info(), "unknown exception"));
  }
}

void walk(const model::Node& node, NodePath& path, const RuleContext& context,
          std::vector<ActiveRule*>& nodeRules, std::vector<core::Diagnostic>& out) {
  for (ActiveRule* active : nodeRules) {
    guarded(*active, out, [&] { active->rule->checkNode(context, node, path, active->reporter); });
  }
  if (node.isSequence()) {
    for (size_t i = 0; i < node.items().size(); ++i) {
      path.push_back(PathElement{{}, i});
      walk(node.items()[i], path, context, nodeRules, out);
      path.pop_back();
    }
  } else if (node.isMapping()) {
    for (const model::MapEntry& entry : node.entries()) {
      path.push_back(PathElement{entry.key.text(), 0});
      walk(entry.value, path, context, nodeRules, out);
      path.pop_back();
    }
  }
}

}  // namespace

LintResult lintDocument(const model::Document& document, const RuleSelection& selection) {
  return lintDocument(document, selection, Registry::instance().rules());
}

LintResult lintDocument(const model::Document& document, const RuleSelection& selection,
                        RuleSet rules) {
  LintResult result;
  result.unparsable = !document.parsed;
  model::Template templ(document.root);
  RuleContext context{document, templ, &selection.options, selection.region, selection.strictUris};

  std::vector<ActiveRule> active;
  for (const Rule* rule : rules) {
    const RuleInfo& info = rule->info();
    if (!selection.enabled(info)) continue;
    if (info.needsTree && !document.parsed) continue;
    active.push_back(
        ActiveRule{rule, CollectingReporter(info, selection.severityOf(info), result.diagnostics)});
  }
  // Reporters hold references into `result.diagnostics`; `active` is not resized from here on.
  std::vector<ActiveRule*> nodeRules;
  for (ActiveRule& rule : active) {
    guarded(rule, result.diagnostics, [&] { rule.rule->checkTemplate(context, rule.reporter); });
    if (rule.rule->wantsNodes()) nodeRules.push_back(&rule);
  }
  if (!nodeRules.empty() && document.parsed) {
    NodePath path;
    walk(document.root, path, context, nodeRules, result.diagnostics);
  }

  applySuppressions(document, templ, selection, result.diagnostics);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) {
                     if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
                     return a.code < b.code;
                   });
  return result;
}

}  // namespace samshift::engine
