#pragma once
// The checks the SAM transform makes (src/sam/validation.h, shared with `samshift expand`), as
// lint findings: each rule picks the problem codes it owns and words the message in samshift's
// style; SAM's own text follows in a note, and a value written in Globals gets a note naming the
// resource that inherits it.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::rules {

struct ResourceProblem {
  const model::ResourceView* resource = nullptr;
  sam::SamProblem problem;
};

// The problems SAM reports for the template's functions (parameter defaults as values).
const std::vector<ResourceProblem>& samFunctionProblems(const engine::RuleContext& context);

// Reports the problems `describe` gives a message for (nullopt: not this rule's), each at its
// node with SAM's text as a note; a node in Globals shared by several functions is reported once,
// with a note per function that inherits it.
using ProblemDescriber = std::optional<std::string> (*)(const ResourceProblem&);
void reportSamProblems(const model::Template& templ, const std::vector<ResourceProblem>& problems,
                       ProblemDescriber describe, engine::Reporter& reporter);

// True when the problem's code is one of `codes`.
bool hasCode(const ResourceProblem& problem, std::initializer_list<std::string_view> codes);

// True when `node` lies inside the template's Globals section.
bool inGlobals(const model::Template& templ, const model::Node& node);

}  // namespace samshift::rules
