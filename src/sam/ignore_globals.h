#pragma once
// SAM's check of the IgnoreGlobals resource attribute (plugins/globals/globals.py
// Globals.get_template_globals), made by its globals plugin before any resource is transformed.

#include <optional>

#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// The first resource whose IgnoreGlobals SAM rejects: a value that is neither falsy, "*" nor a
// list, or a list naming a key that is not in the resource type's Globals section. Only checked
// where that section exists, as SAM does. An item that is a float, a list or a mapping is left
// to expand, which does not support it.
std::optional<SamProblem> checkIgnoreGlobals(const model::Template& templ);

// True when expand can apply the resource's IgnoreGlobals as SAM does: absent, falsy, "*", or a
// list of strings, integers, booleans and nulls.
bool ignoreGlobalsUnderstood(const model::ResourceView& resource);

}  // namespace samshift::sam
