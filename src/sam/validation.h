#pragma once
// The checks the SAM transform makes, with SAM's exact texts: the template's structure and
// Globals, the AutoPublishAlias / DeploymentPreference family of properties, the others that
// reject a function or state machine samshift expands, and the logical IDs SAM generates. The one
// source of what SAM rejects: `samshift expand` rejects with exactly these, lint reports each of
// them (each code of sam/problem_codes.h has one rule), plan gives them as why a deployment has
// no plan.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/deployment_model.h"
#include "sam/parameter_values.h"

namespace samshift::sam {

class TemplateIndex;

struct SamProblem {
  std::string code;     // one of sam/problem_codes.h, e.g. "alias-name-invalid"
  std::string message;  // SAM's text without the "Resource with id [...] is invalid." prefix
  const model::Node* node = nullptr;  // the node that causes it (local Properties or Globals)
  bool resourcePrefix = true;         // false for template-level messages (Globals, Mappings)
  std::string subjectId;              // the ID SAM names when not the resource's own (an event's)
};

// SAM's rule for the logical IDs it reads and generates: letters and digits only.
bool validLogicalId(std::string_view id);

// The node with this span under `node` (first in document order); null when none has it. Finds
// in the template the node a merged copy took a value from, so a problem points into the tree.
const model::Node* findBySpan(const model::Node& node, core::Span span);

// Problems of one resource, in SAM's precedence; SAM reports only the first per resource (and
// then every generated resource whose logical ID is taken), and `expand` does the same, but lint
// may show all of them.
// `mergedProperties`: as for readDeploymentModel; `deploymentModel`: what readDeploymentModel
// returned for this resource with the same parameters, when the caller already has it;
// `index`: the template's TemplateIndex (sam/template_index.h), which a caller that validates
// every resource keeps (else each function with API or Cognito events reads the whole template).
std::vector<SamProblem> validateSamResource(
    const model::Template& templ, const model::ResourceView& resource,
    const ParameterValues& params, const model::Node* mergedProperties = nullptr,
    const std::optional<DeploymentModel>* deploymentModel = nullptr,
    const TemplateIndex* index = nullptr);

// Whether SAM transforms the resource itself, so that what it generates replaces it in the
// template (problems of generated IDs aside): what connectors, transformed last, find under its
// ID. kUntilPackaged: SAM fails on the template as written only for what `sam package` replaces.
enum class OwnTransform { kTransformed, kFailsUntilPackaged, kFails };
OwnTransform ownTransform(const model::Template& templ, const model::ResourceView& resource,
                          const ParameterValues& params);

// The serverless resources in the order SAM transforms them, and so reports their problems
// (its translator's _get_resources_to_iterate): functions, state machines, APIs, the others,
// connectors last; in template order within each.
std::vector<const model::ResourceView*> transformOrder(const model::Template& templ);
// The kind's place in that order: 0 functions, 1 state machines, 2 APIs, 3 others, 4 connectors.
int transformRank(std::string_view type);
// Whether the translator walks resources of this type after the APIs (the implicit ones too).
bool translatedAfterApis(std::string_view type);

// The template-level problem SAM stops at before it looks at resources (no Resources, a resource
// that is not a mapping, a serverless resource whose Properties is not one, unknown Globals keys,
// `Mappings: null`, an Fn::FindInMap the application plugin refuses); at most one, except for
// the implicit API plugins, which report every function they reject.
std::vector<SamProblem> validateSamTemplate(const model::Template& templ,
                                            const ParameterValues& params);

// Why the deploy does not meet a problem SAM finds in the template as written: `sam package`
// replaces the value first (a local CodeUri path), or the value is a parameter without a Default,
// which the deploy supplies (SAM's check of the unresolved `Ref` says nothing). nullopt when the
// problem stands. `packaged`: false for a template deployed as written, without `sam package`
// (`lint --strict-uris`), where a local path stands as SAM's rejection.
std::optional<std::string_view> settledBeforeDeploy(const model::Template& templ,
                                                    const SamProblem& problem,
                                                    bool packaged = true);

// SAM's resolution of a value fails: with the rejection SAM makes (an Fn::Sub variable that is
// not a string), added to `out` at `node`, or with none when the transform itself fails. True
// either way: SAM goes no further.
bool resolutionFails(const std::optional<ResolveFailure>& failure, const model::Node* node,
                     std::vector<SamProblem>& out);
// The template error SAM's FindInMapAction raises for a failure of its kinds, at `node`; nullopt
// for another failure.
std::optional<SamProblem> findInMapProblem(const ResolveFailure& failure, const model::Node* node);

// SAM's full message for one problem of resource `logicalId`.
std::string samMessage(const SamProblem& problem, std::string_view logicalId);

}  // namespace samshift::sam
