#pragma once
// SAM's policy templates: `- SQSPollerPolicy: {QueueName: q}` in a function's or state machine's
// `Policies`. The table is SAM's policy_templates.json (src/sam/data/), parsed on first use; the
// expansion of one template is SAM's (samtranslator/policy_template_processor/template.py).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace samshift::sam {

struct PolicyTemplate {
  std::string name;                     // "SQSPollerPolicy"
  std::vector<std::string> parameters;  // as declared: "QueueName"
};

// Every template, in the file's order; empty only if the embedded data were broken (a test
// checks that all 81 parse). Read on first use, immutable, and safe to read from several threads.
const std::vector<PolicyTemplate>& policyTemplates();
const PolicyTemplate* findPolicyTemplate(std::string_view name);

// SAM's rejection of `values` (the map written under the template's name), as its message without
// the "Resource with id [...] is invalid." prefix; nullopt when SAM accepts them. Values that are
// not a map, and missing parameters, are rejected; parameters the template does not declare are
// ignored.
std::optional<std::string> policyTemplateRejection(const PolicyTemplate& policyTemplate,
                                                   const model::Node& values);

// The policy document SAM makes of a template (one of policyTemplates()) with accepted `values`:
// its statements (`{Statement: [...]}`) with each `{Ref: Parameter}` replaced by the value written
// for it. Nullopt where SAM's own substitution does not finish (a value that itself refers to a
// policy parameter by SAM's internal name).
std::optional<model::Node> instantiatePolicyTemplate(const PolicyTemplate& policyTemplate,
                                                     const model::Node& values);

}  // namespace samshift::sam
