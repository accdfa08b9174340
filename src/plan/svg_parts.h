#pragma once
// What the plan's SVG images share: the palette, number and text formatting, and the document
// header, so that the deployment chart and the routes panel look alike and can be stacked.

#include <cstddef>
#include <string>
#include <string_view>

namespace samshift::plan::svg {

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then a few of
// Paul Tol's muted ones so that a dozen lines still differ.
inline constexpr const char* kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                           "#E69F00", "#56B4E9", "#7F3C8D", "#000000",
                                           "#882255", "#44AA99", "#999933", "#117733"};
inline constexpr const char* kMuted = "#9a9a9a";
inline const char* colour(size_t index) {
  return kPalette[index % (sizeof kPalette / sizeof kPalette[0])];
}

// One decimal at most, none when whole: "12", "12.5".
std::string num(double value);
// Cut to `limit` bytes at a character boundary, with an ellipsis.
std::string shorten(const std::string& text, size_t limit);
// The XML declaration, the <svg> element with its size, the title and a white background.
std::string documentStart(int width, int height, std::string_view title);
// Two documents made by documentStart … "</svg>\n", one above the other, as one.
std::string stack(const std::string& top, int topWidth, int topHeight, const std::string& bottom,
                  int bottomWidth, int bottomHeight);

}  // namespace samshift::plan::svg
