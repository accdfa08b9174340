#include "sam/policies.h"

#include <string>

#include "sam/deployment_model.h"
#include "sam/policy_templates.h"

namespace samshift::sam {

using model::Node;

namespace {

// SAM's _get_type. On a rejected `Fn::If`, `rejection` gets SAM's message and `at` the `Fn::If`.
std::optional<PolicyKind> kindOf(const Node& entry, std::string& rejection, const Node*& at) {
  if (entry.isString()) return PolicyKind::kManagedPolicy;
  if (entry.isIntrinsic() && entry.intrinsicName() == "Fn::If") {
    const Node& args = entry.intrinsicArgument();
    if (!args.isSequence() || args.items().size() != 3) {
      rejection = "Fn::If requires 3 arguments";
      at = &entry;
      return std::nullopt;
    }
    const Node& then = args.items()[1];
    const Node& otherwise = args.items()[2];
    std::optional<PolicyKind> thenKind = kindOf(then, rejection, at);
    if (!thenKind) return std::nullopt;
    std::optional<PolicyKind> otherwiseKind = kindOf(otherwise, rejection, at);
    if (!otherwiseKind) return std::nullopt;
    if (*thenKind == *otherwiseKind) return thenKind;
    if (isNoValue(then)) return otherwiseKind;
    if (isNoValue(otherwise)) return thenKind;
    rejection =
        "Different policy types within the same Fn::If statement is unsupported. Separate "
        "different policy types into different Fn::If statements";
    at = &entry;
    return std::nullopt;
  }
  if (entry.isIntrinsic()) return PolicyKind::kManagedPolicy;
  if (entry.isMapping() && entry.has("Statement")) return PolicyKind::kStatement;
  if (entry.isMapping() && entry.size() == 1 && findPolicyTemplate(entry.entries()[0].key.text()))
    return PolicyKind::kTemplate;
  return PolicyKind::kUnknown;
}

// The problem SAM's policy-template plugin raises for one template entry (`{Name: values}`).
std::optional<SamProblem> templateProblem(const Node& entry) {
  if (!entry.isMapping() || entry.size() != 1) return std::nullopt;
  const model::MapEntry& written = entry.entries()[0];
  const PolicyTemplate* policyTemplate = findPolicyTemplate(written.key.text());
  if (!policyTemplate) return std::nullopt;
  std::optional<std::string> rejection = policyTemplateRejection(*policyTemplate, written.value);
  if (!rejection) return std::nullopt;
  bool values = written.value.isMapping();
  // Point at the values when SAM refuses them, at the template's name when some are missing.
  const Node* node = values || written.value.isNull() ? &written.key : &written.value;
  return SamProblem{values ? "policy-template-parameters" : "policy-template-values",
                    std::move(*rejection),
                    node,
                    true,
                    {}};
}

}  // namespace

bool isNoValue(const Node& node) {
  return node.isIntrinsic() && node.intrinsicName() == "Ref" &&
         node.intrinsicArgument().isString("AWS::NoValue");
}

std::vector<const Node*> policyEntries(const Node* policies) {
  std::vector<const Node*> entries;
  if (!policies || !pythonTruthy(*policies)) return entries;
  if (policies->isSequence()) {
    for (const Node& item : policies->items()) entries.push_back(&item);
  } else {
    entries.push_back(policies);
  }
  return entries;
}

std::optional<PolicyKind> policyKind(const Node& entry) {
  std::string rejection;
  const Node* at = nullptr;
  return kindOf(entry, rejection, at);
}

std::vector<SamProblem> policyProblems(const Node* policies) {
  std::vector<const Node*> entries = policyEntries(policies);
  // SAM reads the kind of every entry before it expands any template.
  for (const Node* entry : entries) {
    std::string rejection;
    const Node* at = nullptr;
    if (!kindOf(*entry, rejection, at)) {
      return {SamProblem{
          "policy-if", "Structure of the SAM template is invalid. " + rejection, at, false, {}}};
    }
  }
  for (const Node* entry : entries) {
    if (policyKind(*entry) != PolicyKind::kTemplate) continue;
    std::vector<const Node*> written = {entry};
    if (entry->isIntrinsic() && entry->intrinsicName() == "Fn::If") {
      written = {&entry->intrinsicArgument().items()[1], &entry->intrinsicArgument().items()[2]};
    }
    for (const Node* branch : written) {
      if (auto problem = templateProblem(*branch)) return {std::move(*problem)};
    }
  }
  return {};
}

std::vector<SamProblem> policyEntryProblems(const Node* policies) {
  std::vector<const Node*> entries = policyEntries(policies);
  for (size_t index = 0; index < entries.size(); ++index) {
    if (policyKind(*entries[index]) != PolicyKind::kUnknown) continue;
    return {SamProblem{
        "policy-entry-invalid",
        "Policy at index " + std::to_string(index) + " in the 'Policies' property is not valid",
        entries[index],
        true,
        {}}};
  }
  return {};
}

}  // namespace samshift::sam
