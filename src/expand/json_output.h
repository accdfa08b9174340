#pragma once
// Writes an expanded template: JSON (2-space indent, keys in the order the emitters set them) or
// YAML with short-form tags.

#include <string>

#include "model/node.h"

namespace samshift::expand {

std::string toJson(const model::Node& node);
std::string toYaml(const model::Node& node);

}  // namespace samshift::expand
