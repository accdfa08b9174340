#pragma once
// The values SAM knows while it transforms: parameter overrides, then template defaults, plus the
// pseudo-parameters AWS::Region and AWS::Partition. The transform resolves a few properties
// against them (AutoPublishAlias, Code, DeploymentPreference Enabled/Type/PassthroughCondition);
// everything else is left for CloudFormation.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"
#include "model/node.h"
#include "model/template.h"

namespace samshift::sam {

// The partition of a region, by prefix: cn- → aws-cn, us-gov → aws-us-gov, us-iso- → aws-iso,
// us-isob → aws-iso-b, eu-isoe → aws-iso-e, us-isof → aws-iso-f, eusc- → aws-eusc, else aws.
std::string partitionOfRegion(std::string_view region);

// Why a value could not be resolved the way SAM resolves it.
struct ResolveFailure {
  enum class Kind {
    kCycle,  // a parameter's value refers back to the parameter: SAM recurses until Python stops it
    kTooDeep,   // nested deeper than ParameterValues::kMaxResolvedDepth once values are substituted
    kTooLarge,  // substitutions copied more than ParameterValues::kMaxSubstitutedBytes
  };
  Kind kind = Kind::kCycle;
  std::vector<std::string>
      chain;      // kCycle: the parameters in the order reached, the first again last
  core::Span at;  // kCycle: the reference that closes the loop (in a Default)

  // "parameter `Stage` whose value refers back to itself (`Stage` → `Stage`)"
  std::string describe() const;
  // The same, with what SAM's transform does with it when SAM resolves the value.
  std::string describeForSam() const;
};

struct Resolved {
  model::Node value;  // resolved as far as it could be; where resolution stopped, as written
  std::optional<ResolveFailure> failure;
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

  ParameterValues() = default;
  // `overrides` are `K=V` values given by the user; they win over template defaults.
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
  // Then `Fn::FindInMap` against the template's Mappings (when every argument is a plain string).
  Resolved resolveWithMappings(const model::Node& node, const model::Node* mappings) const;

  // Takes `bytes` from the document's substitution budget; false once it is spent.
  bool spend(size_t bytes) const;

 private:
  struct Value {
    model::Node node;
    size_t bytes = 0;  // what a copy of it costs
  };
  std::map<std::string, Value, std::less<>> values_;
  std::string region_;
  std::string partition_;
  // Resolution is const for its callers, but one document's substitutions share one budget.
  mutable size_t substitutionBudget_ = kMaxSubstitutedBytes;
};

// What a copy of a value costs: its nodes and their text, in bytes.
size_t treeBytes(const model::Node& node);

}  // namespace samshift::sam
