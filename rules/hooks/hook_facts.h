#pragma once
// Traffic hooks of deployment preferences and what their functions' IAM policies allow, as far
// as the template tells (inline statements, SAM policy templates, a few AWS managed policies,
// roles and policies of the template). Anything else is "unknown", and rules stay silent on it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/deployment/deployment_facts.h"

namespace samshift::rules {

struct HookReference {
  const ShiftingFunction* owner = nullptr;       // the SAM function whose preference runs the hook;
                                                 // null for an alias's CodeDeployLambdaAliasUpdate
  const model::ResourceView* subject = nullptr;  // the function or alias the hook is set on
  const model::ResourceView* target = nullptr;   // the function the deployment shifts, if known
  std::string_view kind;  // the key as written: "PreTraffic", "BeforeAllowTrafficHook", ...
  Located where;          // the hook value as written (local or Globals)
  const model::Node* value = nullptr;             // one branch of the merged value
  const model::ResourceView* function = nullptr;  // the hook function, when in the template

  // "`PreCheck` runs as `PreTraffic` of `Orders` here", at the hook value.
  core::Note usedHere() const;
};

// Every hook of every enabled deployment preference, then every hook of an alias's
// `CodeDeployLambdaAliasUpdate`; each `Fn::If` branch separately.
std::vector<HookReference> hookReferences(const model::Template& templ,
                                          const std::vector<ShiftingFunction>& functions);

bool isFunctionType(std::string_view type);

enum class Grant { kYes, kNo, kUnknown };

// Whether the function's execution role may perform `action` on a resource accepted by
// `resourceMatches` (called on each statement's Resource value; "*" always matches).
using ResourceMatcher = bool (*)(const model::Template&, const model::Node&,
                                 const model::ResourceView*);
Grant functionMay(const engine::RuleContext& context, const model::ResourceView& function,
                  std::string_view action, ResourceMatcher resourceMatches,
                  const model::ResourceView* target);

// The same for an AWS::IAM::Role of the template (its inline, managed and attached policies).
Grant roleMay(const model::Template& templ, const model::ResourceView& role,
              std::string_view action, ResourceMatcher resourceMatches,
              const model::ResourceView* target);

// A statement Resource that matches any resource.
bool anyResource(const model::Template& templ, const model::Node& resource,
                 const model::ResourceView* target);
// A statement Resource that names `target` (a Lambda function): "*", a reference to it, a
// `!Sub` mentioning it, or an ARN pattern matching its literal name. Unresolvable values match.
bool namesFunction(const model::Template& templ, const model::Node& resource,
                   const model::ResourceView* target);

}  // namespace samshift::rules
