#pragma once
// SAM's own data files (src/sam/data/, copied from SAM v1.110.0), compiled into samshift by
// scripts/embed_files.py (as compact JSON).

#include <rapidjson/document.h>

#include <functional>
#include <optional>
#include <string_view>

#include "model/node.h"

namespace samshift::sam {

// The text of src/sam/data/STEM.json; empty when there is no such file.
std::string_view embeddedSamData(std::string_view stem);

// Makes an object's node in place of jsonToNode's (its members in order, each made with the same
// hook), or nullopt to leave it to jsonToNode.
using JsonObjectHook = std::function<std::optional<model::Node>(const rapidjson::Value& object)>;

// A parsed JSON value of SAM's data as a node: a number is an int when it fits 64 bits.
model::Node jsonToNode(const rapidjson::Value& value, const JsonObjectHook& object = {});

}  // namespace samshift::sam
