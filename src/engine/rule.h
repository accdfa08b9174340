#pragma once
// A rule: its identity and documentation (the single source for `samshift rule`, the man page
// and LSP hovers) and its check. Rules report a node and a message; the engine owns positions,
// severity overrides, suppression and rendering.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "load/document.h"
#include "model/node.h"
#include "model/template.h"

namespace samshift::engine {

struct RuleInfo {
  std::string_view code;     // permanent: family letter + three digits, "D002"
  std::string_view slug;     // permanent kebab-case name, "unknown-deployment-type"
  core::Severity severity;   // the default; configuration may change it
  std::string_view summary;  // one line
  // Markdown with the fixed headings: "## What it does", "## Why is this bad?", "## Example",
  // "## Use instead".
  std::string_view doc;
  bool needsTree = true;  // false: also runs when the file could not be parsed
};

// A place in the tree: the keys and indexes from the root to a node.
struct PathElement {
  std::string_view key;  // empty for a sequence item
  size_t index = 0;
};
using NodePath = std::vector<PathElement>;

struct RuleContext {
  const load::Document& document;
  const model::Template& templ;
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

  // Once per template.
  virtual void checkTemplate(const RuleContext&, Reporter&) const {}

  // For every node of the tree, in one walk shared by all rules, when wantsNodes() is true.
  virtual bool wantsNodes() const { return false; }
  virtual void checkNode(const RuleContext&, const model::Node&, const NodePath&, Reporter&) const {}
};

}  // namespace samshift::engine
