#pragma once
// SAM's reading of a template as the lint rules need it: parameter defaults as the values
// (in lint's region, us-east-1 by default), and for each serverless resource its deployment
// settings and the problems SAM itself would report. Several rules ask for the same resources, so
// each is computed once per document, when first asked for.

#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/rule.h"
#include "model/template.h"
#include "sam/deployment_model.h"
#include "sam/parameter_values.h"
#include "sam/template_index.h"
#include "sam/validation.h"

namespace samshift::rules {

class SamFacts {
 public:
  SamFacts(const model::Template& templ, std::string_view region);

  const sam::ParameterValues& parameters() const { return params_; }
  const std::optional<sam::DeploymentModel>& deploymentModel(
      const model::ResourceView& resource) const;
  const std::vector<sam::SamProblem>& problems(const model::ResourceView& resource) const;
  // The resource's Properties with Globals applied.
  const model::Node& mergedProperties(const model::ResourceView& resource) const;

 private:
  const model::Template* templ_;
  sam::ParameterValues params_;
  mutable std::unordered_map<const model::ResourceView*, std::optional<sam::DeploymentModel>>
      models_;
  mutable std::unordered_map<const model::ResourceView*, std::vector<sam::SamProblem>> problems_;
  mutable std::unordered_map<const model::ResourceView*, model::Node> merged_;
  // What a resource's checks read of the whole template, built once when first needed.
  sam::TemplateIndex index_;
};

// The document's SamFacts, shared by every rule that lints it.
const SamFacts& samFacts(const engine::RuleContext& context);

}  // namespace samshift::rules
