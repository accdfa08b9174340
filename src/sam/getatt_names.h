#pragma once
// What `Fn::GetAtt X.` can name: the attributes of X's CloudFormation type (from the resource
// provider schemas, src/sam/data/cloudformation_attributes.json), for a serverless resource those
// of the resource SAM turns it into under the same logical ID, and the properties SAM lets a
// template refer to (`Fn.Alias`, `Api.Stage`, …; docs/sam-semantics.md §9).

#include <span>
#include <string_view>
#include <vector>

namespace samshift::sam {

// The attributes of a CloudFormation resource type, sorted; empty for a type not known.
std::vector<std::string_view> cloudFormationAttributes(std::string_view type);

// The CloudFormation type a serverless resource becomes under its own logical ID
// (AWS::Serverless::Function → AWS::Lambda::Function); `type` itself for any other type, empty
// for a serverless type that keeps no resource under its ID (Connector, LayerVersion).
std::string_view typeUnderLogicalId(std::string_view type);

// A property SAM resolves in `X.Property` (`SamResourceMacro.referable_properties`) and the type
// of the resource it names.
struct ReferableProperty {
  std::string_view name;
  std::string_view type;
};
std::span<const ReferableProperty> referableProperties(std::string_view serverlessType);

}  // namespace samshift::sam
