#pragma once
// The values SAM knows while it transforms: parameter overrides, then template defaults, plus the
// pseudo-parameters AWS::Region and AWS::Partition. The transform resolves a few properties
// against them (AutoPublishAlias, Code, DeploymentPreference Enabled/Type/PassthroughCondition);
// everything else is left for CloudFormation.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"

namespace samshift::sam {

// The partition of a region, by prefix: cn- → aws-cn, us-gov → aws-us-gov, us-iso- → aws-iso,
// us-isob → aws-iso-b, eu-isoe → aws-iso-e, us-isof → aws-iso-f, eusc- → aws-eusc, else aws.
std::string partitionOfRegion(std::string_view region);

class ParameterValues {
 public:
  ParameterValues() = default;
  // `overrides` are `K=V` values given by the user; they win over template defaults.
  ParameterValues(const model::Template& templ, const std::vector<std::pair<std::string, std::string>>& overrides,
                  std::string region);

  const std::string& region() const { return region_; }
  const std::string& partition() const { return partition_; }
  const model::Node* value(std::string_view name) const;

  // SAM's parameter resolver: `{Ref: P}` → value of P, and `${P}` inside an Fn::Sub string is
  // substituted, recursively through the tree; anything else stays as written.
  model::Node resolve(const model::Node& node) const;
  // Then `Fn::FindInMap` against the template's Mappings (when every argument is a plain string).
  model::Node resolveWithMappings(const model::Node& node, const model::Node* mappings) const;

 private:
  std::map<std::string, model::Node, std::less<>> values_;
  std::string region_;
  std::string partition_;
};

}  // namespace samshift::sam
