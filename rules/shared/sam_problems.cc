#include "rules/shared/sam_problems.h"

#include "engine/registry.h"

#include <algorithm>

#include "rules/deployment/deployment_facts.h"
#include "rules/shared/sam_facts.h"
#include "sam/api_domain_validation.h"
#include "sam/api_policy_validation.h"
#include "sam/api_validation.h"

namespace samshift::rules {

namespace {

struct SamProblems {
  std::vector<ResourceProblem> problems;
};

std::vector<ResourceProblem> computeSamProblems(const model::Template& templ, const SamFacts& facts,
                                                bool strictUris) {
  std::vector<ResourceProblem> out;
  if (!templ.isSam()) return out;  // the transform never runs
  for (sam::SamProblem& problem : sam::validateSamTemplate(templ, facts.parameters())) {
    if (!sam::settledBeforeDeploy(templ, problem, !strictUris))
      out.push_back(ResourceProblem{nullptr, std::move(problem)});
  }
  // The implicit ServerlessRestApi's, at its ResourcePolicy in `Globals: Api` (which stops SAM).
  if (auto problem = sam::implicitApiResourcePolicyProblem(templ, facts.parameters()))
    out.push_back(ResourceProblem{nullptr, std::move(*problem)});
  // The implicit ServerlessRestApi's, at its Domain in `Globals: Api`.
  if (auto problem = sam::implicitApiDomainProblem(templ, facts.parameters()))
    out.push_back(ResourceProblem{nullptr, std::move(*problem)});
  // The implicit ServerlessRestApi is no resource of the template.
  if (auto implicit = sam::implicitRestApiCorsProblem(templ))
    out.push_back(ResourceProblem{nullptr, std::move(*implicit)});
  for (const model::ResourceView& resource : templ.resources()) {
    bool connectors = resource.node && resource.node->isMapping() &&
                      resource.node->has("Connectors");  // any resource may carry them
    if (!resource.isServerless() && !connectors) continue;
    for (const sam::SamProblem& problem : facts.problems(resource)) {
      if (!sam::settledBeforeDeploy(templ, problem, !strictUris))
        out.push_back(ResourceProblem{&resource, problem});
    }
  }
  return out;
}

}  // namespace

const std::vector<ResourceProblem>& samProblems(const engine::RuleContext& context) {
  return context.facts
      .get<SamProblems>([&] {
        return SamProblems{
            computeSamProblems(context.templ, samFacts(context), context.strictUris)};
      })
      .problems;
}

core::Note samNote(const ResourceProblem& problem) {
  std::string_view id =
      problem.resource ? problem.resource->id : std::string_view(problem.problem.subjectId);
  return core::Note{core::Span{},
                    "The SAM transform says: " + sam::samMessage(problem.problem, id)};
}

std::vector<core::Note> samNotesAt(const engine::RuleContext& context, const engine::Rule& rule,
                                   const model::Node& node) {
  std::vector<core::Note> notes;
  for (const ResourceProblem& problem : samProblems(context)) {
    if (problem.problem.node == &node && owns(rule, problem)) notes.push_back(samNote(problem));
  }
  return notes;
}

bool owns(const engine::Rule& rule, const ResourceProblem& problem) {
  std::span<const std::string_view> codes = rule.samProblemCodes();
  return std::find(codes.begin(), codes.end(), problem.problem.code) != codes.end();
}

bool inGlobals(const model::Template& templ, const model::Node& node) {
  const model::Node* globals = templ.globals();
  if (!globals || !node.span().known() || !globals->span().known()) return false;
  return node.span().begin >= globals->span().begin && node.span().end <= globals->span().end;
}

void reportSamProblems(const engine::RuleContext& context, const engine::Rule& rule,
                       const ProblemDescriber& describe, engine::Reporter& reporter) {
  struct Pending {
    core::Span span;
    std::string message;
    std::vector<core::Note> notes;
  };
  const model::Template& templ = context.templ;
  std::vector<Pending> pending;
  for (const ResourceProblem& problem : samProblems(context)) {
    if (!owns(rule, problem)) continue;
    std::string message = describe(problem);
    const model::Node* node = problem.problem.node ? problem.problem.node
                              : problem.resource   ? problem.resource->idNode
                                                   : &templ.root();
    bool global = problem.resource && inGlobals(templ, *node);
    auto same = std::find_if(pending.begin(), pending.end(), [&](const Pending& seen) {
      return global && seen.span == node->span() && seen.message == message;
    });
    if (same != pending.end()) {
      same->notes.push_back(inheritedNote(*problem.resource));
      continue;
    }
    std::vector<core::Note> notes{samNote(problem)};
    if (global) notes.push_back(inheritedNote(*problem.resource));
    pending.push_back(Pending{node->span(), std::move(message), std::move(notes)});
  }
  for (Pending& finding : pending)
    reporter.report(finding.span, std::move(finding.message), std::move(finding.notes));
}

core::Diagnostic samRejectionFinding(std::string_view problemCode, std::string samMessage,
                                     core::Span span) {
  const engine::Registry& registry = engine::Registry::instance();
  const engine::Rule* owner = registry.samProblemOwner(problemCode);
  // Every code has an owner (tests/sam_invariant_test.cc); T006 is the catch-all regardless.
  return registry.errorFinding(owner ? owner->info().code : std::string_view("T006"), span,
                               std::move(samMessage));
}

}  // namespace samshift::rules
