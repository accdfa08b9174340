#pragma once
// What `samshift lint` adds for a person at a terminal: a closing count of the findings, and a
// warning for a directory in which no template was found (a wrong path, or templates with
// another extension), which would otherwise pass as a clean run.

#include <ostream>
#include <string>
#include <vector>

#include "cli/template_discovery.h"
#include "report/file_report.h"

namespace samshift::cli {

// "3 errors, 2 warnings in 2 files" (the files with findings), or "no findings in 5 files".
std::string findingSummary(const std::vector<report::FileReport>& reports);

// "no template found in DIR" for each directory named on the command line in which none of the
// files linted was found (`linted[i]`: the searched directory of a linted template, or -1). One
// that could not be searched whole has had its error already.
std::vector<std::string> emptyDirectoryWarnings(const std::vector<SearchedDirectory>& directories,
                                                const std::vector<int>& linted);

}  // namespace samshift::cli
