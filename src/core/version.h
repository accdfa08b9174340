#pragma once
// The version samshift reports (SARIF driver, manual pages); keep equal to meson.build's.

#include <string_view>

namespace samshift::core {

inline constexpr std::string_view kVersion = "0.1.0";

}  // namespace samshift::core
