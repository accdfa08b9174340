#pragma once
// The version samshift reports (--version, SARIF driver, manual pages): meson.build's project
// version, passed in at build time so that there is one place to change it.

#include <string_view>

#ifndef SAMSHIFT_VERSION
#error "SAMSHIFT_VERSION is defined by meson.build"
#endif

namespace samshift::core {

inline constexpr std::string_view kVersion = SAMSHIFT_VERSION;

// The date the manual pages carry (mandoc warns on a page without one). A constant, not the build
// date, so that the pages are the same bytes on every build; man/samshift.1's `.TH` line carries
// the same date (tests/manual_test.cc checks), and both move when the manual changes for a release.
inline constexpr std::string_view kManualDate = "2026-11-28";

}  // namespace samshift::core
