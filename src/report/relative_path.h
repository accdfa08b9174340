#pragma once
// How CI formats name a file: relative to the working directory (where a CI job checks out the
// repository), so that SARIF viewers and GitHub annotations can map findings to the repository.

#include <string>
#include <string_view>

namespace samshift::report {

// `path` relative to `workingDirectory` (an absolute directory), by text alone: "./a/b" → "a/b",
// "/work/a/b" from "/work" → "a/b", "/elsewhere/x" from "/work" → "../elsewhere/x". Names that
// are not paths ("<stdin>") come back unchanged.
std::string relativePath(std::string_view path, std::string_view workingDirectory);

}  // namespace samshift::report
