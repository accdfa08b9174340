#pragma once
// The one reader of a template's values: parameters (overrides, then Defaults, then the
// pseudo-parameters AWS::Region and AWS::Partition when a region is given), Mappings and
// Conditions. It resolves a value as the SAM transform does (which expand must match, and which
// decides what SAM accepts), and as CloudFormation will see it at deployment (plan, rules).
// Every resolution ends: a value that refers back to itself, one nested too deep, and
// substitutions that grow too large stop with a ResolveFailure saying why.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/location.h"
#include "model/node.h"
#include "model/template.h"

namespace samshift::sam {

// The partition of a region, by prefix: cn- → aws-cn, us-gov → aws-us-gov, us-iso- → aws-iso,
// us-isob → aws-iso-b, eu-isoe → aws-iso-e, us-isof → aws-iso-f, eusc- → aws-eusc, else aws.
std::string partitionOfRegion(std::string_view region);

// Python's str() of a scalar as SAM holds it, as SAM's messages and Sub substitution write it:
// None, True/False, an int's digits, a string as it is (a float as written).
std::string pythonStr(const model::Node& scalar);

// Why a value could not be resolved the way SAM resolves it.
struct ResolveFailure {
  enum class Kind {
    kCycle,     // a value refers back to itself: SAM recurses until Python stops it
    kTooDeep,   // nested deeper than ParameterValues::kMaxResolvedDepth once values are substituted
    kTooLarge,  // substitutions copied more than ParameterValues::kMaxSubstitutedBytes
    // SAM's resolver only: an Fn::Sub variable whose value is not a string (a Number parameter's
    // Default 5), which SAM rejects; CloudFormation substitutes it.
    kSubstitutedNotString,
    // SAM's mappings resolver only (FindInMapAction), which rejects the template: an
    // Fn::FindInMap whose argument is not a list of 3 (`value`: the argument as Python's str()
    // shows it), or whose map or top-level key names a value that is not a mapping (`value`: the
    // map's name).
    kFindInMapArguments,
    kFindInMapNotTwoLevel,
    // Either of those, where samshift cannot print the argument as Python does.
    kFindInMapUnprintable,
  };
  Kind kind = Kind::kCycle;
  std::string subject = "parameter";  // kCycle: "parameter", or "mapping entry" (`M.a.k`)
  std::vector<std::string> chain;  // kCycle: the values in the order reached, the first again last
  core::Span at;                   // kCycle: the reference that closes the loop
  std::string value;               // kSubstitutedNotString, kFindInMap*: see each kind

  // "parameter `Stage` whose value refers back to itself (`Stage` → `Stage`)"
  std::string describe() const;
  // The same, with what SAM's transform does with it when SAM resolves the value.
  std::string describeForSam() const;
};

struct Resolved {
  model::Node value;  // resolved as far as it could be; where resolution stopped, as written
  std::optional<ResolveFailure> failure;
  // A mapping value substituted here had a FindInMap of its own resolved. SAM's resolver changes
  // the template's own Mappings in place when it does that, so SAM's output shows them resolved.
  bool rewritesMappings = false;
};

class ParameterValues {
 public:
  // SAM's resolver is recursive Python: a value nested about 490 levels deep makes it fail with a
  // RecursionError (SAM 1.x, DeploymentPreference Type: 491 levels pass, 492 fail). Resolution
  // stops deeper than this, leaving room for the frames SAM's callers take at other call sites.
  static constexpr size_t kMaxResolvedDepth = 400;
  // Substitution copies a parameter's value (or a mapping's) wherever it is referenced, so values
  // referring to values can grow exponentially without any loop. What one document's
  // substitutions may copy in all, in bytes of tree (nodes and their text): as much as the
  // loader's largest input, far beyond what real templates copy (a few bytes per reference).
  static constexpr size_t kMaxSubstitutedBytes = size_t{64} << 20;
  // How many conditions may be evaluated one inside another (`!Condition A` in B in C …): real
  // templates chain a few; deeper ones are undecidable rather than a deep recursion.
  static constexpr size_t kMaxConditionChain = 64;
  // possibleStrings() follows both branches of each Fn::If, doubling the values at every level:
  // 8 levels are 256 values at most.
  static constexpr size_t kMaxBranchDepth = 8;

  // The template's parameter Defaults only: no overrides, and the pseudo-parameters unknown (what
  // lint knows of a template on its own). Costs nothing to make: values are looked up when asked.
  explicit ParameterValues(const model::Template& templ);
  // `overrides` are `K=V` values given by the user; they win over template defaults. `region`
  // gives AWS::Region and AWS::Partition.
  ParameterValues(const model::Template& templ,
                  const std::vector<std::pair<std::string, std::string>>& overrides,
                  std::string region);

  const std::string& region() const { return region_; }
  const std::string& partition() const { return partition_; }
  const model::Node* value(std::string_view name) const;

  // SAM's parameter resolver: `{Ref: P}` → value of P, and `${P}` inside an Fn::Sub string is
  // substituted, recursively through the tree (into substituted values too); anything else stays
  // as written. A parameter met again inside its own value is a cycle, where SAM never ends.
  Resolved resolve(const model::Node& node) const;
  // Then SAM's mappings resolver: `Fn::FindInMap` with plain-string keys (FindInMaps among them
  // resolved first) → the template's mapping value, walked into in turn.
  Resolved resolveWithMappings(const model::Node& node) const;
  // What CloudFormation will see at deployment: resolveWithMappings(), then each `Fn::If` whose
  // condition can be decided replaced by its branch, and each `Fn::Sub` with nothing left to
  // substitute by its text.
  Resolved resolveForDeployment(const model::Node& node) const;

  // The value of condition `name` with these values: nullopt when it depends on something
  // unknown (an account ID, a parameter without a value, a function it does not evaluate) or
  // loops. Each condition is evaluated once.
  std::optional<bool> condition(std::string_view name) const;

  // The one string a value is when SAM reads it: a scalar, or a `Ref` to a parameter whose value
  // is a scalar. Nullopt otherwise.
  std::optional<std::string> string(const model::Node& node) const;
  // The strings a value can take before CloudFormation runs: a scalar; a `Ref` to a parameter →
  // its value and AllowedValues; `Fn::If` → both branches. Nullopt when any part is unknown.
  std::optional<std::vector<std::string>> possibleStrings(const model::Node& node) const;

 private:
  class Resolution;
  // The passes, in order: SAM's parameter resolver, SAM's mappings resolver, CloudFormation's
  // decisions.
  enum class Pass { kParameters, kMappings, kDecisions };
  Resolved resolveThrough(const model::Node& node, Pass last) const;

  const model::Template* templ_;
  std::map<std::string, model::Node, std::less<>> overrides_;
  // Parameter Defaults by name, when made for a whole command (the template-only view looks them
  // up in the template instead).
  std::unordered_map<std::string_view, const model::Node*> defaults_;
  bool indexed_ = false;
  std::string region_;
  std::string partition_;
  model::Node regionNode_;
  model::Node partitionNode_;
  // Resolution is const for its callers, but one document's substitutions share one budget, and
  // each condition is evaluated once.
  mutable size_t substitutionBudget_ = kMaxSubstitutedBytes;
  mutable std::map<std::string, std::optional<bool>, std::less<>> conditions_;
  mutable std::vector<std::string> evaluating_;
};

// What a copy of a value costs: its nodes and their text, in bytes.
size_t treeBytes(const model::Node& node);

// A scalar as CloudFormation compares it (Fn::Equals compares strings): strings and numbers as
// written, booleans as `true`/`false`; nullopt for anything else.
std::optional<std::string> valueText(const model::Node& node);
// A number: an int, a float, or a string that reads as one (as CloudFormation accepts).
std::optional<double> valueNumber(const model::Node& node);

}  // namespace samshift::sam
