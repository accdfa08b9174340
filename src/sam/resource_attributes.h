#pragma once
// What SAM does with the top-level attributes of a resource (the keys beside Type and
// Properties), from samtranslator/model/__init__.py (Resource) and translator/translator.py.
//
// - A plain CloudFormation resource is copied as written, with every attribute (Description,
//   Version, …), except `Connectors`, which SAM's embedded-connector step reads and removes.
// - A serverless resource is rebuilt: Resource.from_dict reads DependsOn and the supported
//   attributes below and drops every other key (Description, Version, …). Its main generated
//   resource (the Lambda function, the state machine, the table) gets all the supported ones, in
//   SAM's order; the others it generates get only the pass-through ones. Plugins read
//   `IgnoreGlobals` (Globals) and `Connectors` before the resource is built.
// - Metadata goes to no generated resource but the main one: SAM copies it to all of them only
//   with the translator's passthrough_metadata option, which the transform leaves off (the SAM
//   fixture translate_convert_metadata is made with it on).

#include <array>
#include <string_view>

namespace samshift::sam {

// Resource._supported_resource_attributes, in the order a generated resource writes them (after
// Type and DependsOn, before Properties: Resource._generate_resource_dict).
inline constexpr std::array<std::string_view, 5> kSupportedResourceAttributes = {
    "DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"};

// Resource._pass_through_attributes: those also copied to every resource SAM generates from one.
inline constexpr std::array<std::string_view, 3> kPassThroughAttributes = {
    "Condition", "DeletionPolicy", "UpdateReplacePolicy"};

enum class AttributeUse {
  kResource,  // Type, Properties, DependsOn or a supported attribute: SAM builds with it
  kPlugin,    // read by a plugin before the resource is built: IgnoreGlobals, Connectors
  kDropped,   // any other key of a serverless resource: not in SAM's output
};

// What SAM does with top-level key `key` of a serverless (AWS::Serverless::*) resource.
AttributeUse serverlessAttributeUse(std::string_view key);

}  // namespace samshift::sam
