#include "plan/svg_parts.h"

#include <algorithm>
#include <cstdio>

#include "core/xml_escape.h"

namespace samshift::plan::svg {

namespace {

constexpr std::string_view kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string svgElement(int width, int height, std::string_view attributes) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) + "\"" + std::string(attributes) +
         ">\n";
}

// A document without its XML declaration, placed at `y` inside another.
std::string nested(const std::string& document, int y) {
  std::string body =
      document.substr(document.rfind(kDeclaration, 0) == 0 ? kDeclaration.size() : 0);
  return "<g transform=\"translate(0 " + std::to_string(y) + ")\">\n" + body + "</g>\n";
}

}  // namespace

std::string num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  if (text == "-0") text = "0";
  return text;
}

// UTF-8 continuation bytes are 10xxxxxx.
std::string shorten(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "\xE2\x80\xA6";  // …
}

std::string documentStart(int width, int height, std::string_view title) {
  return std::string(kDeclaration) +
         svgElement(width, height, " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"") +
         "<title>" + core::xmlEscape(title) + "</title>\n" + "<rect x=\"0\" y=\"0\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) +
         "\" fill=\"#ffffff\"/>\n";
}

std::string stack(const std::string& top, int topWidth, int topHeight, const std::string& bottom,
                  int bottomWidth, int bottomHeight) {
  int width = std::max(topWidth, bottomWidth);
  int height = topHeight + bottomHeight;
  return std::string(kDeclaration) + svgElement(width, height, "") + nested(top, 0) +
         nested(bottom, topHeight) + "</svg>\n";
}

}  // namespace samshift::plan::svg
