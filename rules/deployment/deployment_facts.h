#pragma once
// What the deployment-safety rules (families V, A, D, H, M) need to know about a template beyond
// one node: which resource a reference names, which values a parameter may take, where a
// property inherited from Globals was written, and which functions shift traffic.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/rule.h"
#include "model/node.h"
#include "model/template.h"
#include "sam/deployment_model.h"
#include "sam/schedule.h"

namespace samshift::rules {

// The resource a node names: `!Ref X`, `!GetAtt X.Attr`, or an `!Sub` string that is exactly
// `${X}` / `${X.Attr}`. Null when it names none of the template's resources.
const model::ResourceView* referencedResource(const model::Template& templ,
                                              const model::Node& node);

// The template's values as lint knows them (parameter Defaults, no overrides, region unknown),
// read by sam::ParameterValues: the strings a value can take before CloudFormation runs (a
// literal; a parameter's Default and AllowedValues; both branches of an `Fn::If`) …
std::optional<std::vector<std::string>> possibleStrings(const model::Template& templ,
                                                        const model::Node& node);
// … and the one string it has when the transform runs (a literal scalar or a `Ref` to a parameter
// with a scalar Default). Nullopt when unknown.
std::optional<std::string> resolvedString(const model::Template& templ, const model::Node& node);

// The `RoutingConfig.AdditionalVersionWeights` list of an AWS::Lambda::Alias: the versions it
// weights besides its `FunctionVersion`. Null when it is not a list.
const model::Node* additionalVersionWeights(const model::ResourceView& alias);

// A number written as a literal (or a numeric string, as CloudFormation accepts).
std::optional<double> literalNumber(const model::Node& node);

// Where a property (or a key below one) of a serverless resource is written: in the resource's
// Properties when there, else in `Globals`.
struct Located {
  const model::Node* node = nullptr;
  bool fromGlobals = false;
  explicit operator bool() const { return node != nullptr; }
};
Located locateProperty(const model::Template& templ, const model::ResourceView& resource,
                       std::initializer_list<std::string_view> path);

// Reports findings about serverless resources so that a value written once in `Globals` is
// reported once, at the Globals node, with a note naming each resource that inherits it.
class FindingSink {
 public:
  explicit FindingSink(engine::Reporter& reporter) : reporter_(reporter) {}
  FindingSink(const FindingSink&) = delete;
  ~FindingSink() { flush(); }

  void report(const model::ResourceView& resource, const Located& where, std::string message,
              std::vector<core::Note> notes = {});
  void flush();

 private:
  struct Pending {
    core::Span span;
    std::string message;
    std::vector<core::Note> notes;
  };
  engine::Reporter& reporter_;
  std::vector<Pending> pending_;
};

// An AWS::Serverless::Function with a DeploymentPreference mapping: a view of SAM's reading of it
// (sam::DeploymentPreferenceModel, read once per document by SamFacts) that adds where each key
// is written, for FindingSink.
struct ShiftingFunction {
  const model::ResourceView* resource = nullptr;
  const sam::DeploymentPreferenceModel* model = nullptr;  // never null
  Located preference;                                     // where DeploymentPreference is written
  const model::Node* merged = nullptr;  // the model's DeploymentPreference, Globals merged
  bool enabled = true;                  // SAM's isEnabled(); also when its resolution cannot end
  std::optional<std::string> type;      // `Type` as SAM resolves it; nullopt when not a string

  // The model's settings as written (Globals merged), null when absent.
  const model::Node* alarms() const { return valueOf(model->alarms); }
  const model::Node* hooks() const { return valueOf(model->hooks); }
  const model::Node* role() const { return valueOf(model->role); }

  Located locate(const model::Template& templ, std::initializer_list<std::string_view> path) const;

 private:
  static const model::Node* valueOf(const sam::Setting& setting) {
    return setting.present() ? &setting.value : nullptr;
  }
};

// Every function with a DeploymentPreference mapping, in template order; computed once per
// document and shared by the rules that ask.
const std::vector<ShiftingFunction>& shiftingFunctions(const engine::RuleContext& context);

// A note pointing at a resource's logical ID: "`Fn` inherits this from `Globals`".
core::Note inheritedNote(const model::ResourceView& resource);

// A function's `FunctionName` when it is a literal or a parameter with a Default.
std::optional<std::string> literalFunctionName(const model::Template& templ,
                                               const model::ResourceView& function);

}  // namespace samshift::rules

namespace samshift::rules {

// CodeDeploy resources of the template, as the D and A rules read them.
struct CodeDeployFacts {
  // The compute platform of an AWS::CodeDeploy::Application ("Server" when not written), or
  // nullopt when it is an intrinsic that cannot be resolved.
  static std::optional<std::string> applicationPlatform(const model::Template& templ,
                                                        const model::ResourceView& application);
  // The application of a deployment group when `ApplicationName` is a Ref to one of the template.
  static const model::ResourceView* groupApplication(const model::Template& templ,
                                                     const model::ResourceView& group);
  // A custom deployment configuration of the template named by a node: a Ref to it, or its
  // literal `DeploymentConfigName`.
  static const model::ResourceView* customConfig(const model::Template& templ,
                                                 const model::Node& name);
  // The platform of a configuration named by a node (predefined or custom), when known.
  static std::optional<std::string> configPlatform(const model::Template& templ,
                                                   const model::Node& name);
};

}  // namespace samshift::rules

namespace samshift::rules {

// The values a node can take under conditions: both branches of an `Fn::If` (recursively),
// else the node itself. `AWS::NoValue` branches are dropped.
std::vector<const model::Node*> conditionalBranches(const model::Node& node);

// The items of a list that may be wrapped in `Fn::If`: every item of every branch.
std::vector<const model::Node*> listItems(const model::Node& node);

// The traffic schedule a function's deployment preference type names: a predefined type or a
// custom Lambda deployment configuration of the template. Nullopt when unknown.
std::optional<sam::Schedule> shiftSchedule(const model::Template& templ,
                                           const ShiftingFunction& function);
// The same for a configuration named by a node: a SAM short name, a full predefined Lambda name
// (`CodeDeployDefault.LambdaCanary10Percent5Minutes`) or a custom configuration of the template.
std::optional<sam::Schedule> configSchedule(const model::Template& templ, const model::Node& name);

}  // namespace samshift::rules
