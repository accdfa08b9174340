#pragma once
// Reads a file or a buffer and loads it as YAML or JSON, whichever it is.

#include <istream>
#include <string>

#include "core/result.h"
#include "load/limits.h"
#include "model/document.h"

namespace samshift::load {

// Loads text already in memory (an editor buffer, stdin). `path` names it in diagnostics and
// decides the format when it ends in .json; otherwise the content decides.
model::Document loadText(std::string path, std::string text, const LoadLimits& limits = {});

// True when a loaded file is meant as a template: a mapping with `Resources`,
// `AWSTemplateFormatVersion` or `Transform` (for a file that did not parse: one that mentions
// them).
bool looksLikeTemplate(const model::Document& document);

// Reads and loads a file; an unreadable file is a tool error, a malformed one a loaded problem.
core::Result<model::Document> loadFile(const std::string& path, const LoadLimits& limits = {});

// Reads at most maxBytes + 1 bytes (enough to tell that there are more than maxBytes): the
// reader under loadFile and cli::readStandardInput, for a command that needs the bytes.
// `expectedBytes` (a file's size, when known) is reserved at once.
core::Result<std::string> readLimited(std::istream& in, const std::string& name, size_t maxBytes,
                                      size_t expectedBytes = 0);

}  // namespace samshift::load
