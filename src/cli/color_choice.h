#pragma once
// Whether lint's text report is coloured, as terminal programs agree to decide it
// (no-color.org, force-color.org): `--color always|never` wins; under `auto`, a non-empty
// NO_COLOR turns colour off, a non-empty FORCE_COLOR turns it on even through a pipe (CI logs
// that render ANSI colour), TERM=dumb turns it off, and otherwise a terminal gets colour.

#include <functional>
#include <string>
#include <string_view>

namespace samshift::cli {

// `environment(name)` is the variable's value, or nullptr when it is not set.
bool colorWanted(std::string_view option, bool terminal,
                 const std::function<const char*(const char*)>& environment);

}  // namespace samshift::cli
