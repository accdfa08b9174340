#pragma once
// JSON into the node tree, through RapidJSON's SAX reader over a stream that tracks the offset of
// every token, so that JSON templates get the same positions and duplicate-key checks as YAML.

#include "load/limits.h"
#include "model/document.h"

namespace samshift::load {

// Fills doc.root, doc.parsed and doc.problems from doc.source. Never throws, but for
// std::bad_alloc when memory runs out (the command reports it: see src/cli/main.cc).
void loadJson(model::Document& doc, const LoadLimits& limits);

}  // namespace samshift::load
