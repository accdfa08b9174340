#pragma once
// Checks every loader makes on raw bytes before parsing: size, encoding, forbidden characters.

#include <optional>
#include <string_view>

#include "load/limits.h"
#include "model/document.h"

namespace samshift::load {

// Length of a UTF-8 byte order mark at the start of the text (0 or 3).
size_t byteOrderMarkLength(std::string_view text);

// The problem of a file larger than limits.maxBytes (reported at its start).
model::LoadProblem tooLargeProblem(const LoadLimits& limits);

// The first reason the bytes cannot be a template (too large, a UTF-16/32 encoding, invalid
// UTF-8, a character YAML forbids such as NUL), with its place.
std::optional<model::LoadProblem> findUnreadableText(std::string_view text,
                                                     const LoadLimits& limits);

}  // namespace samshift::load
