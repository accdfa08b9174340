#include "sam_problems.h"

#include "deployment/deployment_facts.h"
#include "sam/parameter_values.h"

namespace samshift::rules {

std::vector<ResourceProblem> samFunctionProblems(const model::Template& templ) {
  std::vector<ResourceProblem> out;
  sam::ParameterValues params(templ, {}, "us-east-1");
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Function") continue;
    for (sam::SamProblem& problem : sam::validateSamResource(templ, resource, params)) {
      out.push_back(ResourceProblem{&resource, std::move(problem)});
    }
  }
  return out;
}

bool inGlobals(const model::Template& templ, const model::Node& node) {
  const model::Node* globals = templ.globals();
  if (!globals || !node.span().known() || !globals->span().known()) return false;
  return node.span().begin >= globals->span().begin && node.span().end <= globals->span().end;
}

void reportSamProblem(const model::Template& templ, const ResourceProblem& problem, std::string message,
                      engine::Reporter& reporter) {
  const model::Node* node = problem.problem.node ? problem.problem.node : problem.resource->idNode;
  std::vector<core::Note> notes;
  if (inGlobals(templ, *node)) notes.push_back(inheritedNote(*problem.resource));
  std::string text = problem.problem.resourcePrefix ? sam::samMessage(problem.problem, problem.resource->id)
                                                    : problem.problem.message;
  notes.push_back(core::Note{core::Span{}, "The SAM transform says: " + text});
  reporter.report(*node, std::move(message), std::move(notes));
}

}  // namespace samshift::rules
