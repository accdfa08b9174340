// The routes panel: one row per route — the caller and what it invokes on the left, the versions
// it reaches as a bar split by weight on the right, the deployment that shifts them below. Same
// look as the deployment chart (plan/svg_parts.h), so `--view all` stacks the two.

#include <algorithm>
#include <map>

#include "core/xml_escape.h"
#include "plan/report.h"
#include "plan/svg_parts.h"

namespace samshift::plan {
namespace {

constexpr int kWidth = 880;
constexpr int kLeft = 30;
constexpr int kTop = 74;
constexpr int kRow = 58;
constexpr int kBarLeft = 600;
constexpr int kBarWidth = 250;
constexpr int kBarHeight = 14;
constexpr size_t kTextChars = 86;  // what fits left of the bar in 12px type
constexpr size_t kBarChars = 40;   // what fits under the bar in 11px type

std::string textElement(int x, int y, int size, const char* fill, const std::string& text,
                        const char* extra = "") {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" font-size=\"" +
         std::to_string(size) + "\" fill=\"" + fill + "\"" + extra + ">" + core::xmlEscape(text) +
         "</text>\n";
}

std::string reachOf(const Route& route) {
  std::string out = "\xE2\x86\x92 " + route.function;  // →
  if (route.target == RouteTarget::kFunction) {
    out += " unqualified";
  } else if (route.target == RouteTarget::kUnknown) {
    out += ": qualifier unresolved";
  } else {
    out += ":" +
           (route.qualifier.empty() ? std::string(routeTargetName(route.target)) : route.qualifier);
  }
  if (!route.stageVariable.empty()) out += " (stage variable " + route.stageVariable + ")";
  if (route.deployment) {
    const Deployment& d = *route.deployment;
    out += ", shifted by " + d.resource + " (" +
           (d.config.empty() ? std::string("configuration unknown") : d.config) + ")";
  }
  return out;
}

}  // namespace

SvgSize routesSvgSize(const std::vector<Route>& routes) {
  return SvgSize{kWidth, kTop + static_cast<int>(std::max<size_t>(routes.size(), 1)) * kRow + 10};
}

std::string renderRoutesSvg(const std::vector<Route>& routes, std::string_view templateName) {
  SvgSize size = routesSvgSize(routes);
  std::string out = svg::documentStart(size.width, size.height,
                                       "Routes to Lambda versions in " + std::string(templateName));
  out += textElement(kLeft, 30, 17, "#222222", "Who calls which version", " font-weight=\"bold\"");
  out += textElement(kLeft, 50, 12, "#555555", svg::shorten(std::string(templateName), 100));
  if (routes.empty()) {
    out += textElement(kWidth / 2, kTop + 24, 14, "#777777", "no callers of a Lambda function",
                       " text-anchor=\"middle\"");
  }
  // One colour per version name, in order of first appearance, so a version keeps its colour
  // across rows.
  std::map<std::string, size_t> colours;
  int y = kTop;
  for (const Route& route : routes) {
    int baseline = y + 14;
    out +=
        textElement(kLeft, baseline, 12, "#222222", svg::shorten(routeHeading(route), kTextChars));
    out +=
        textElement(kLeft, baseline + 17, 12, "#444444", svg::shorten(reachOf(route), kTextChars));
    if (route.bypassesAlias) {
      out += textElement(kLeft, baseline + 34, 11, "#D55E00",
                         "bypasses " +
                             (route.bypassedAlias.empty() ? std::string("the alias")
                                                          : "alias " + route.bypassedAlias) +
                             ": runs $LATEST, which no deployment shifts");
    } else if (!route.notes.empty()) {
      out += textElement(kLeft, baseline + 34, 11, "#777777",
                         svg::shorten(route.notes.front(), kTextChars + 10));
    }
    double x = kBarLeft;
    if (route.versions.empty()) {
      out += "<rect x=\"" + std::to_string(kBarLeft) + "\" y=\"" + std::to_string(y + 3) +
             "\" width=\"" + std::to_string(kBarWidth) + "\" height=\"" +
             std::to_string(kBarHeight) + "\" fill=\"none\" stroke=\"" + svg::kMuted +
             "\" stroke-dasharray=\"4 3\"/>\n";
    }
    for (const VersionWeight& version : route.versions) {
      auto [entry, added] = colours.try_emplace(version.version, colours.size());
      double width = kBarWidth * std::clamp(version.percent, 0.0, 100.0) / 100.0;
      out += "<rect x=\"" + svg::num(x) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
             svg::num(width) + "\" height=\"" + std::to_string(kBarHeight) + "\" fill=\"" +
             svg::colour(entry->second) + "\"><title>" +
             core::xmlEscape(version.version + " " + formatPercent(version.percent) + "%") +
             "</title></rect>\n";
      x += width;
    }
    out += textElement(kBarLeft, baseline + 17, 11, "#444444",
                       svg::shorten(route.versions.empty() ? std::string("versions unknown")
                                                           : describeVersions(route.versions),
                                    kBarChars));
    y += kRow;
  }
  return out + "</svg>\n";
}

std::string stackSvg(const std::string& top, SvgSize topSize, const std::string& bottom,
                     SvgSize bottomSize) {
  return svg::stack(top, topSize.width, topSize.height, bottom, bottomSize.width,
                    bottomSize.height);
}

}  // namespace samshift::plan
