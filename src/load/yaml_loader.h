#pragma once
// YAML into the node tree, through an event parser (libyaml by default, yaml-cpp on request), so
// that positions, tags, anchors and duplicate keys are ours: CloudFormation short forms become
// long forms as the SAM transform's loader makes them, and plain scalars are typed as PyYAML
// types them.

#include "load/limits.h"
#include "model/document.h"
#include "load/yaml_parsers.h"

namespace samshift::load {

// Fills doc.root, doc.parsed and doc.problems from doc.source (never throws).
void loadYaml(model::Document& doc, const LoadLimits& limits, YamlParser parser = YamlParser::kLibyaml);

}  // namespace samshift::load
