#pragma once
// AWS::Serverless::LayerVersion as SAM reads it (samtranslator/model/sam_resources.py
// SamLayerVersion._construct_lambda_layer): the properties it resolves against parameters, the
// DeletionPolicy RetentionPolicy sets, the hashed logical ID and the Content of the
// AWS::Lambda::LayerVersion, and SAM's rejections.

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// One layer as SAM transforms it.
struct LayerModel {
  // The properties after Globals, with LayerName, LicenseInfo, Description and RetentionPolicy
  // resolved against parameters when truthy.
  model::Node props;
  std::string logicalId;  // the layer's ID and the first 10 hex digits of SHA-1 of its SAM form
  // RetentionPolicy as DeletionPolicy ("Retain" or "Delete"); nullopt when not given.
  std::optional<std::string> retention;
  // Content: {S3Bucket, S3Key[, S3ObjectVersion]}; null when SAM rejects ContentUri or samshift
  // cannot tell how Python's urlparse reads it (`unsure`).
  std::optional<model::Node> content;
  bool contentUnsure = false;
  // Why SAM's parameter resolution could not end (the transform fails); empty when it did.
  std::string resolveFailure;
};

// The layer as SAM reads it; its rejections, if any, come from validateLayer.
LayerModel readLayer(const model::Template& templ, const model::ResourceView& resource,
                     const ParameterValues& params);

// SAM's rejections of a layer; at most one. Those met after the layer is renamed (ContentUri,
// CompatibleArchitectures) name the hashed logical ID.
void validateLayer(const model::Template& templ, const model::ResourceView& resource,
                   const ParameterValues& params, std::vector<SamProblem>& out);

}  // namespace samshift::sam
