#pragma once
// Writes a whole file or nothing. The bytes go to a temporary file in the target's directory
// that no one can see while it is written (O_TMPFILE; where the file system lacks it, a hidden
// `.NAME.tmp.XXXXXX` created exclusively), which is then linked under the target's name or
// renamed over it. A failure at any step, or the process being killed, leaves an existing
// target as it was. The path is resolved as an output target (see output_target.h): symlinks
// lead to the file replaced, and anything but a regular file or a free name is refused.

#include <string>
#include <string_view>

#include "core/result.h"

namespace samshift::core {

Status writeFileAtomically(const std::string& path, std::string_view contents);

}  // namespace samshift::core
