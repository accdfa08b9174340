#pragma once
// Writes a whole file or nothing: the bytes go to a temporary file in the target's directory,
// which is flushed and then renamed over the target. A failure at any step leaves an existing
// target untouched and removes the temporary file.

#include <string>
#include <string_view>

#include "core/result.h"

namespace samshift::core {

Status writeFileAtomically(const std::string& path, std::string_view contents);

}  // namespace samshift::core
