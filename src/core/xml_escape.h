#pragma once
// Text for XML and SVG documents: markup characters and line breaks as references, characters
// XML 1.0 forbids (controls, invalid UTF-8) as U+FFFD, so the document always parses.

#include <string>
#include <string_view>

namespace samshift::core {

std::string xmlEscape(std::string_view text);

}  // namespace samshift::core
