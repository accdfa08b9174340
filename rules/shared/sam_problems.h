#pragma once
// The problems the SAM transform reports (src/sam/validation.h, the checks `samshift expand`
// rejects with), as lint findings. Each rule declares the problem codes it words
// (Rule::samProblemCodes; every code has exactly one rule) and reports them here: each at the
// problem's node, in samshift's words, with SAM's own message as a note, and a value written in
// Globals gets a note per resource that inherits it.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::rules {

struct ResourceProblem {
  const model::ResourceView* resource = nullptr;  // null for a template-level problem
  sam::SamProblem problem;
};

// The problems SAM reports for the template (parameter defaults as values), template-level first,
// all of each resource's; none when the template does not use SAM, nor those the deploy does not
// meet (sam::settledBeforeDeploy).
const std::vector<ResourceProblem>& samProblems(const engine::RuleContext& context);

// SAM's full message for the problem, as the note of a finding says it.
core::Note samNote(const ResourceProblem& problem);

// Reports the problems whose code `rule` declares, each worded by `describe`; a node in Globals
// shared by several functions is reported once, with a note per function that inherits it.
using ProblemDescriber = std::function<std::string(const ResourceProblem&)>;
void reportSamProblems(const engine::RuleContext& context, const engine::Rule& rule,
                       const ProblemDescriber& describe, engine::Reporter& reporter);

// For a rule that finds a problem itself (on templates SAM never sees too): the notes of the SAM
// problems it declares at `node`.
std::vector<core::Note> samNotesAt(const engine::RuleContext& context, const engine::Rule& rule,
                                   const model::Node& node);

// True when `rule` declares the problem's code.
bool owns(const engine::Rule& rule, const ResourceProblem& problem);

// A rejection `samshift expand` reports (sam/problem_codes.h code, SAM's full message, where) as
// the finding of the rule that owns the code, so expand's reports name the same rule lint does.
core::Diagnostic samRejectionFinding(std::string_view problemCode, std::string samMessage,
                                     core::Span span);

// True when `node` lies inside the template's Globals section.
bool inGlobals(const model::Template& templ, const model::Node& node);

}  // namespace samshift::rules
