#pragma once
// What the formatters render: each linted file with its findings, in input order.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_file.h"

namespace samshift::report {

struct FileReport {
  const core::SourceFile* source = nullptr;  // the file as read (for positions and excerpts)
  std::string displayPath;                   // how the file is named in output
  std::vector<core::Diagnostic> diagnostics;
};

}  // namespace samshift::report
