#pragma once
// YAML into the node tree, through an event parser (libyaml by default, yaml-cpp on request), so
// that positions, tags, anchors and duplicate keys are ours: CloudFormation short forms become
// long forms as the SAM transform's loader makes them, and plain scalars are typed as PyYAML
// types them.

#include "load/limits.h"
#include "load/yaml_parsers.h"
#include "model/document.h"

namespace samshift::load {

// Fills doc.root, doc.parsed and doc.problems from doc.source. Never throws, but for
// std::bad_alloc when memory runs out (the command reports it: see src/cli/main.cc).
void loadYaml(model::Document& doc, const LoadLimits& limits,
              YamlParser parser = YamlParser::kLibyaml);

}  // namespace samshift::load
