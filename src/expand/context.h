#pragma once
// State shared by the emitters while one template is expanded.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "expand/api/api_state.h"
#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"

namespace samshift::expand {

// A reason SAM rejects the template: the message (with SAM's resource prefix) and the node.
struct ExpandError {
  std::string logicalId;  // sort key, as SAM sorts causes; empty for template-level errors
  std::string code;
  std::string message;
  const model::Node* node = nullptr;
};

// One function's DeploymentPreference, kept until every resource is expanded (§4).
struct PreferenceRecord {
  std::string functionId;
  bool enabled = false;
  bool hasRole = false;
  std::optional<std::string> condition;
  model::Node tags;  // mapping; empty unless propagated
};

struct ExpandContext {
  const model::Template& templ;
  const sam::ParameterValues& params;
  model::Node resources = model::Node::mapping();
  model::Node extraConditions = model::Node::mapping();
  // `X` → {"Alias": id, "Version": id, …}: the references SAM resolves at the end (§6.4).
  std::map<std::string, std::map<std::string, std::string>, std::less<>> refs;
  std::vector<PreferenceRecord> preferences;
  std::vector<ExpandError> errors;
  std::optional<std::string> unsupported;  // first feature samshift cannot expand yet
  api::ApiRegistry apis;

  ExpandContext(const model::Template& t, const sam::ParameterValues& p) : templ(t), params(p) {}
  const std::string& partition() const { return params.partition(); }
  // The SAM resource being expanded; a resource it generates may not reuse a template ID.
  std::string owner;
  void add(const std::string& id, model::Node resource);
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
  void error(std::string logicalId, std::string code, std::string message, const model::Node* node) {
    errors.push_back({std::move(logicalId), std::move(code), std::move(message), node});
  }
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
model::Node makeResource(const std::string& type, model::Node properties, const PassThrough& attributes = {});

}  // namespace samshift::expand
