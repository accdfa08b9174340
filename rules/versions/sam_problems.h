#pragma once
// The checks the SAM transform makes (src/sam/validation.h, shared with `samshift expand`), as
// lint findings: each rule picks the problem codes it owns and words the message in samshift's
// style; SAM's own text follows in a note, and a value written in Globals gets a note naming the
// resource that inherits it.

#include <initializer_list>
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
std::vector<ResourceProblem> samFunctionProblems(const model::Template& templ);

// Reports one problem at its node with `message`, SAM's text as a note, and a Globals note.
void reportSamProblem(const model::Template& templ, const ResourceProblem& problem, std::string message,
                      engine::Reporter& reporter);

// True when `node` lies inside the template's Globals section.
bool inGlobals(const model::Template& templ, const model::Node& node);

}  // namespace samshift::rules
