#pragma once
// State shared by the emitters while one template is expanded.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "expand/api/api_state.h"
#include "model/node.h"
#include "model/template.h"
#include "sam/deployment_model.h"
#include "sam/parameter_values.h"

namespace samshift::expand {

// A reason SAM rejects the template, from sam/validation.h (expand has no other): the message
// (with SAM's resource prefix) and the node.
struct ExpandError {
  std::string logicalId;  // sort key, as SAM sorts causes; empty for template-level errors
  std::string code;       // sam/problem_codes.h
  std::string message;
  const model::Node* node = nullptr;
};

// One function's DeploymentPreference, kept until every resource is expanded
// (docs/sam-semantics.md §6).
struct PreferenceRecord {
  std::string functionId;
  bool enabled = false;
  bool hasRole = false;
  std::optional<std::string> condition;
  model::Node tags;  // mapping; empty unless propagated
};

// A function's properties with Globals merged and its deployment settings, as SAM's validation
// read them (sam::validateSamResource); its expansion takes them from there.
struct FunctionInputs {
  model::Node properties;
  std::optional<sam::DeploymentModel> deployment;
};

struct ExpandContext {
  const model::Template& templ;
  const sam::ParameterValues& params;
  model::Node resources = model::Node::mapping();
  model::Node extraConditions = model::Node::mapping();
  // `X` → {"Alias": id, "Version": id, …}: the references SAM resolves at the end
  // (docs/sam-semantics.md §9).
  std::map<std::string, std::map<std::string, std::string>, std::less<>> refs;
  std::vector<PreferenceRecord> preferences;
  std::optional<std::string> unsupported;  // first feature samshift cannot expand yet
  api::ApiRegistry apis;
  std::unordered_map<std::string_view, FunctionInputs> functionInputs;  // by logical ID
  // The LambdaConfigurations of each bucket S3 events notify, by their JSON.
  std::map<std::string, std::unordered_set<std::string>, std::less<>> s3LambdaConfigurations;

  ExpandContext(const model::Template& t, const sam::ParameterValues& p) : templ(t), params(p) {}
  const std::string& partition() const { return params.partition(); }
  // The SAM resource being expanded; a resource it generates may not reuse a template ID.
  std::string owner;
  void add(const std::string& id, model::Node resource);
  // The resource's properties with Globals merged: those SAM's validation read for a function,
  // else computed into `scratch`.
  const model::Node& mergedProperties(const model::ResourceView& resource, model::Node& scratch);
  // A resource added so far, by logical ID; null when there is none.
  model::Node* resource(const std::string& id);
  void notSupported(std::string what) {
    if (!unsupported) unsupported = std::move(what);
  }
  // SAM's parameter resolution of a value (sam::ParameterValues::resolve). One that cannot end,
  // where SAM's transform fails, is not supported: the value comes back as written.
  model::Node resolve(const model::Node& value) {
    sam::Resolved resolved = params.resolve(value);
    if (resolved.failure) notSupported(resolved.failure->describeForSam());
    return std::move(resolved.value);
  }

 private:
  // Where each ID sits in `resources`: templates generate thousands of resources.
  std::unordered_map<std::string, size_t> resourceIndex_;
};

// Condition / DeletionPolicy / UpdateReplacePolicy of a SAM resource, which SAM copies to every
// resource it generates from it.
struct PassThrough {
  const model::Node* condition = nullptr;
  const model::Node* deletionPolicy = nullptr;
  const model::Node* updateReplacePolicy = nullptr;
};

PassThrough passThroughOf(const model::ResourceView& resource);
// A resource node `{Type, Properties}` plus the pass-through attributes.
model::Node makeResource(const std::string& type, model::Node properties,
                         const PassThrough& attributes = {});
// The main resource SAM generates from `samResource` (its Lambda function, state machine, event
// invoke config): Type, `dependsOn`, every attribute SAM supports on the SAM resource
// (sam::kSupportedResourceAttributes, Metadata and UpdatePolicy too) in SAM's order, Properties.
model::Node makeMainResource(const std::string& type, model::Node properties,
                             const model::ResourceView& samResource, const model::Node* dependsOn);

}  // namespace samshift::expand
