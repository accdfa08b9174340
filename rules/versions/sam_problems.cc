#include "rules/versions/sam_problems.h"

#include "rules/deployment/deployment_facts.h"
#include "model/intrinsics.h"
#include "rules/shared/sam_facts.h"

namespace samshift::rules {

namespace {

struct SamFunctionProblems {
  std::vector<ResourceProblem> problems;
};

std::vector<ResourceProblem> computeSamFunctionProblems(const model::Template& templ, const SamFacts& facts) {
  std::vector<ResourceProblem> out;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Function") continue;
    for (const sam::SamProblem& problem : facts.problems(resource)) {
      // A parameter without Default gets its value at deploy time: lint cannot know it, and
      // SAM's check on the unresolved `Ref` would be wrong.
      if (problem.node) {
        auto name = model::refName(*problem.node);
        const model::Node* parameter = name ? templ.parameter(*name) : nullptr;
        if (parameter && !parameter->get("Default")) continue;
      }
      out.push_back(ResourceProblem{&resource, problem});
    }
  }
  return out;
}

}  // namespace

const std::vector<ResourceProblem>& samFunctionProblems(const engine::RuleContext& context) {
  return context.facts
      .get<SamFunctionProblems>(
          [&] { return SamFunctionProblems{computeSamFunctionProblems(context.templ, samFacts(context))}; })
      .problems;
}

bool inGlobals(const model::Template& templ, const model::Node& node) {
  const model::Node* globals = templ.globals();
  if (!globals || !node.span().known() || !globals->span().known()) return false;
  return node.span().begin >= globals->span().begin && node.span().end <= globals->span().end;
}

bool hasCode(const ResourceProblem& problem, std::initializer_list<std::string_view> codes) {
  for (std::string_view code : codes) {
    if (problem.problem.code == code) return true;
  }
  return false;
}

void reportSamProblems(const model::Template& templ, const std::vector<ResourceProblem>& problems,
                       ProblemDescriber describe, engine::Reporter& reporter) {
  struct Pending {
    core::Span span;
    std::string message;
    std::vector<core::Note> notes;
  };
  std::vector<Pending> pending;
  for (const ResourceProblem& problem : problems) {
    std::optional<std::string> message = describe(problem);
    if (!message) continue;
    const model::Node* node =
        problem.problem.node ? problem.problem.node : problem.resource->idNode;
    bool global = inGlobals(templ, *node);
    Pending* same = nullptr;
    for (Pending& seen : pending) {
      if (global && seen.span == node->span() && seen.message == *message) same = &seen;
    }
    if (same) {
      same->notes.push_back(inheritedNote(*problem.resource));
      continue;
    }
    std::vector<core::Note> notes;
    notes.push_back(core::Note{
        core::Span{},
        "The SAM transform says: " + sam::samMessage(problem.problem, problem.resource->id)});
    if (global) notes.push_back(inheritedNote(*problem.resource));
    pending.push_back(Pending{node->span(), std::move(*message), std::move(notes)});
  }
  for (Pending& finding : pending)
    reporter.report(finding.span, std::move(finding.message), std::move(finding.notes));
}

}  // namespace samshift::rules
