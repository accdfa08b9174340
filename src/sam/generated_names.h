#pragma once
// The logical IDs the SAM transform will create, so that references to them are not mistaken
// for typos: `Fn.Alias`/`Fn.Version`, `FnRole`, `FnAliaslive`, `FnVersion<hash>`,
// `ServerlessRestApi`, `ServerlessDeploymentApplication`, `<Api>ProdStage`, … Every resource SAM
// derives from a serverless resource starts with that resource's logical ID; so does every
// resource a CloudFormation module (`Type: …::MODULE`) adds.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "model/template.h"

namespace samshift::sam {

// The resources of a usage plan `CreateUsagePlan: SHARED` makes once for every API of the template
// (api_generator.py, _construct_usage_plan).
inline constexpr std::string_view kSharedUsagePlanId = "ServerlessUsagePlan";
inline constexpr std::string_view kSharedApiKeyId = "ServerlessApiKey";
inline constexpr std::string_view kSharedUsagePlanKeyId = "ServerlessUsagePlanKey";

// True when an API of the template, or Globals Api, asks for the shared usage plan.
bool createsSharedUsagePlan(const model::Template& templ);

class GeneratedNames {
 public:
  explicit GeneratedNames(const model::Template& templ);

  // True for a name the transform creates (or a `Resource.Property` reference it resolves).
  bool exists(std::string_view name) const;
  // True for a logical ID the transform creates exactly (`FnRole`, `FnAliaslive`,
  // `ServerlessRestApi`), not merely one that starts like one (`Fn2`): what a new name must not be.
  bool generatesExactly(std::string_view name) const;
  // The serverless resource (or module) whose logical ID begins a name SAM generates from it:
  // `Fn` for `Fn.Alias`, `FnRole` or `FnAliaslive` (the longest such ID); empty for any other
  // name, and for the shared ones (`ServerlessRestApi`, …).
  std::string_view owner(std::string_view name) const;

 private:
  const std::unordered_set<std::string>& otherIds() const;

  const model::Template& templ_;
  std::unordered_set<std::string_view> serverlessIds_;
  // Generated IDs not prefixed by their resource's ID: a dead-letter queue named by
  // `QueueLogicalId`, an SNS subscription's `QueuePolicyLogicalId`, the shared usage plan. Made on
  // the first name no prefix explains: most templates never need them.
  mutable std::optional<std::unordered_set<std::string>> otherIds_;
  bool sam_ = false;
};

}  // namespace samshift::sam
