#pragma once
// The SAM model of the settings that publish versions and shift traffic, per
// AWS::Serverless::Function (Globals merged) or AWS::Serverless::StateMachine. Every setting keeps
// the node it was written at (in Properties or in Globals) so diagnostics can point there, and
// the value SAM resolves it to (parameter Refs, FindInMap) where SAM resolves it.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"

namespace samshift::sam {

// One setting: where it was written (null when absent) and, for resolved ones, its value.
struct Setting {
  const model::Node* node = nullptr;           // source node: local Properties or Globals
  model::Node value;                           // merged (and, where SAM does, resolved) value
  std::optional<ResolveFailure> unresolvable;  // set: SAM's resolution of it cannot end
  bool rewritesMappings = false;               // see sam::Resolved
  bool present() const { return node != nullptr; }
};

struct DeploymentPreferenceModel {
  const model::Node* node = nullptr;  // the DeploymentPreference node (local, else global)
  model::Node merged;                 // Globals deep-merged with the local dict
  Setting enabled;                    // value resolved (params, FindInMap)
  Setting type;                       // value resolved (params, FindInMap)
  Setting hooks;                      // the Hooks node
  Setting preTraffic;                 // Hooks.PreTraffic, verbatim
  Setting postTraffic;                // Hooks.PostTraffic, verbatim
  Setting alarms;                     // verbatim
  Setting role;                       // verbatim
  Setting passthroughCondition;       // value resolved (params, FindInMap)
  Setting triggerConfigurations;      // verbatim

  // SAM's reading of Enabled: default true; "false"/"False" false; else Python truthiness.
  bool isEnabled() const;
  // The first of Enabled, Type and PassthroughCondition (the order SAM resolves them in) whose
  // resolution cannot end; null when all can.
  const Setting* unresolvable() const;
};

struct DeploymentModel {
  std::string logicalId;
  bool stateMachine = false;
  Setting autoPublishAlias;  // function: resolved; state machine: verbatim
  Setting allProperties;     // AutoPublishAliasAllProperties (functions only)
  Setting codeSha256;        // AutoPublishCodeSha256, resolved (never from Globals)
  Setting versionDeletionPolicy;
  Setting versionDescription;  // never from Globals
  Setting provisionedConcurrency;
  Setting useAliasAsEventTarget;  // state machines only
  std::optional<DeploymentPreferenceModel>
      deploymentPreference;  // present when written (any shape)

  // The resolved alias name when it is a non-empty string.
  std::optional<std::string> aliasName() const;
  // The settings SAM resolves against parameter values, by key, in the order SAM resolves them:
  // AutoPublishAlias, AutoPublishCodeSha256, then DeploymentPreference Enabled, Type and
  // PassthroughCondition (functions only).
  std::vector<std::pair<std::string_view, const Setting*>> resolvedSettings() const;
  // The first of those whose resolution cannot end; null when all can.
  const Setting* unresolvable() const;
};

// Reads the settings of a function or state machine (other types: nullopt).
// `mergedProperties`: the resource's Properties with Globals applied, when the caller already has
// them (they are computed otherwise).
std::optional<DeploymentModel> readDeploymentModel(const model::Template& templ,
                                                   const model::ResourceView& resource,
                                                   const ParameterValues& params,
                                                   const model::Node* mergedProperties = nullptr);

// The logical ID SAM gives a function's alias: `<Function>Alias<name>` with `-` written `D` and
// `_` written `U` (`live-v2` → `FnAliasliveDv2`).
std::string aliasLogicalId(std::string_view function, std::string_view alias);

// Python truthiness of a value as SAM sees it (empty string/list/map, 0, false, null are false).
bool pythonTruthy(const model::Node& value);
// The same of a value that may be absent (SAM's `if self.X:` on a key it reads with get()).
bool truthy(const model::Node* value);

}  // namespace samshift::sam
