#pragma once
// Writes an expanded template: JSON (2-space indent, keys in the order the emitters set them) or
// YAML with short-form tags. Numbers are written as SAM's Python writes them, integers beyond
// 64 bits exactly.

#include <string>

#include "core/result.h"
#include "model/node.h"

namespace samshift::expand {

// An input error when the template holds a NaN or an infinity, which JSON cannot hold.
core::Result<std::string> toJson(const model::Node& node);
std::string toYaml(const model::Node& node);

}  // namespace samshift::expand
