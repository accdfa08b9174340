#pragma once
// The suffix of a function version's logical ID: the first 10 hex digits of the SHA-1 of the
// Python-compatible JSON of the hashed data (see docs/sam-semantics.md §4.4).

#include <string>
#include <string_view>

#include "model/node.h"

namespace samshift::sam {

std::string sha1Hex(std::string_view bytes);
std::string versionHash(const model::Node& data);

}  // namespace samshift::sam
