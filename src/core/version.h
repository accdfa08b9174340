#pragma once
// The version samshift reports (--version, SARIF driver, manual pages): meson.build's project
// version, passed in at build time so that there is one place to change it.

#include <string_view>

#ifndef SAMSHIFT_VERSION
#error "SAMSHIFT_VERSION is defined by meson.build"
#endif

namespace samshift::core {

inline constexpr std::string_view kVersion = SAMSHIFT_VERSION;

}  // namespace samshift::core
