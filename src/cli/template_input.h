#pragma once
// How a command reads the template it works on: the same for plan, expand and lint.

#include <string>

#include "core/result.h"
#include "model/document.h"

namespace samshift::cli {

// How standard input (`-` on the command line) is named in messages and reports.
inline constexpr const char* kStandardInputName = "<stdin>";

// Standard input, read until its end or one byte past the loader's size limit, whichever comes
// first: an endless or huge stream costs no more memory than the largest template allowed, and
// the loader then reports it as too large (T001).
core::Result<std::string> readStandardInput();

// A file, or standard input for "-": loaded (its problems are in the document), or a kIo error
// when it cannot be read at all.
core::Result<model::Document> readTemplate(const std::string& path);

}  // namespace samshift::cli
