// One chart of every deployment of a template: minutes across, share of traffic on the new
// version up, one stepped line per deployment, hook markers, and a legend. Plain SVG 1.1 with
// no scripts, styles or external references, so any browser or rsvg-convert renders it alike.

#include <algorithm>

#include "core/xml_escape.h"
#include "plan/report.h"
#include "plan/svg_parts.h"
#include "sam/deployment_configs.h"

namespace samshift::plan {
namespace {

constexpr int kWidth = 880;
constexpr int kPlotLeft = 70;
constexpr int kPlotRight = kWidth - 30;
constexpr int kPlotTop = 74;
constexpr int kPlotHeight = 280;
constexpr int kPlotBottom = kPlotTop + kPlotHeight;
constexpr int kLegendTop = kPlotBottom + 72;
constexpr int kLegendRow = 22;
constexpr int kLegendContinuation = 16;  // a wrapped legend entry's second line
constexpr size_t kLegendChars = 104;     // what fits in 12px type beside the swatch

using svg::colour;
using svg::kMuted;
using svg::num;
using svg::shorten;

bool drawable(const Deployment& d) { return d.planned && d.schedule.has_value(); }

// The x axis ends a little after the longest deployment, on a round tick.
struct Axis {
  int end = 1;
  int tick = 1;
};

Axis timeAxis(const std::vector<Deployment>& deployments) {
  int longest = 0;
  for (const Deployment& d : deployments) {
    if (drawable(d)) longest = std::max(longest, d.totalMinutes());
  }
  int span = std::max(1, longest + std::max(1, longest / 10));
  static const int kTicks[] = {1,   2,   5,   10,  15,  20,   30,   60,
                               120, 180, 240, 360, 720, 1440, 2880, 10080};
  Axis axis;
  for (int tick : kTicks) {
    axis.tick = tick;
    if (span / tick <= 10) break;
  }
  if (span / axis.tick > 10) axis.tick = (span + 9) / 10;  // beyond a week: ten plain ticks
  axis.end = ((span + axis.tick - 1) / axis.tick) * axis.tick;
  return axis;
}

std::string legendText(const Deployment& d) {
  std::string text = d.resource;
  if (!d.alias.empty()) text += " (" + d.alias + ")";
  if (!d.planned) return text + ": no plan, " + d.reason;
  text += ": " + (d.config.empty() ? std::string("configuration unknown") : d.config);
  if (!d.schedule) return text + ", schedule unknown: " + d.reason;
  if (d.schedule->kind == ShiftKind::kFixedWeight) {
    text += ", " + formatPercent(d.schedule->percentage) + "% held";
  } else if (sam::findLambdaDeploymentConfig(d.config)) {
    // The predefined names say their shape; the duration is what the reader wants next.
    int total = d.totalMinutes();
    text += ", " + std::to_string(total) + (total == 1 ? " minute" : " minutes");
  } else {
    text += ", " + describeSchedule(*d.schedule);
  }
  if (!d.hooks.preTraffic.empty()) text += "; pre: " + d.hooks.preTraffic;
  if (!d.hooks.postTraffic.empty()) text += "; post: " + d.hooks.postTraffic;
  if (!d.alarms.empty()) {
    text += "; alarms: ";
    for (size_t i = 0; i < d.alarms.size(); ++i) text += (i ? ", " : "") + d.alarms[i];
  }
  return text;
}

// A legend entry on one line, or two when long: split at the last blank that fits, and cut the
// second line short if it still does not fit.
std::vector<std::string> legendLines(const Deployment& d) {
  std::string text = legendText(d);
  if (text.size() <= kLegendChars) return {text};
  size_t cut = text.rfind(' ', kLegendChars);
  if (cut == std::string::npos || cut < kLegendChars / 2) cut = kLegendChars;
  std::string first = text.substr(0, cut);
  std::string rest = text.substr(cut == kLegendChars ? cut : cut + 1);
  return {first, shorten(rest, kLegendChars)};
}

int legendHeight(const std::vector<Deployment>& deployments) {
  int height = 0;
  for (const Deployment& d : deployments) {
    height += kLegendRow + kLegendContinuation * static_cast<int>(legendLines(d).size() - 1);
  }
  return height;
}

class Chart {
 public:
  Chart(const std::vector<Deployment>& deployments, std::string_view templateName)
      : deployments_(deployments), templateName_(templateName), axis_(timeAxis(deployments)) {
    for (const Deployment& d : deployments) drawCount_ += drawable(d) ? 1 : 0;
  }

  std::string render() {
    SvgSize size = svgSize(deployments_);
    out_ += svg::documentStart(size.width, size.height,
                               "Traffic shifting plan for " + std::string(templateName_));
    out_ += "<text x=\"" + std::to_string(kPlotLeft) +
            "\" y=\"30\" font-size=\"17\" font-weight=\"bold\" "
            "fill=\"#222222\">Traffic on the new version</text>\n";
    out_ += "<text x=\"" + std::to_string(kPlotLeft) +
            "\" y=\"50\" font-size=\"12\" fill=\"#555555\">" +
            core::xmlEscape(shorten(std::string(templateName_), 100)) + "</text>\n";
    grid();
    if (drawCount_ == 0) {
      out_ += "<text x=\"" + num((kPlotLeft + kPlotRight) / 2.0) + "\" y=\"" +
              num(kPlotTop + kPlotHeight / 2.0) +
              "\" font-size=\"14\" fill=\"#777777\" text-anchor=\"middle\">no deployment to "
              "chart</text>\n";
    }
    int drawn = 0;
    for (size_t i = 0; i < deployments_.size(); ++i) {
      if (drawable(deployments_[i])) line(deployments_[i], i, drawn++);
    }
    legend();
    out_ += "</svg>\n";
    return out_;
  }

 private:
  double x(double minute) const {
    return kPlotLeft + (kPlotRight - kPlotLeft) * minute / axis_.end;
  }
  double y(double percent) const { return kPlotBottom - kPlotHeight * percent / 100.0; }

  // Lines with the same schedule would hide each other; spread them a few pixels apart.
  double offset(int drawn) const {
    if (drawCount_ < 2) return 0;
    double spacing = std::min(2.5, 12.0 / (drawCount_ - 1));
    return (drawn - (drawCount_ - 1) / 2.0) * spacing;
  }

  void grid() {
    for (int percent = 0; percent <= 100; percent += 25) {
      std::string py = num(y(percent));
      out_ += "<line x1=\"" + std::to_string(kPlotLeft) + "\" y1=\"" + py + "\" x2=\"" +
              std::to_string(kPlotRight) + "\" y2=\"" + py + "\" stroke=\"" +
              (percent == 0 ? "#333333" : "#e3e3e3") + "\" stroke-width=\"1\"/>\n";
      out_ += "<text x=\"" + std::to_string(kPlotLeft - 8) + "\" y=\"" + num(y(percent) + 4) +
              "\" font-size=\"12\" fill=\"#444444\" text-anchor=\"end\">" +
              std::to_string(percent) + "%</text>\n";
    }
    for (int minute = 0; minute <= axis_.end; minute += axis_.tick) {
      std::string px = num(x(minute));
      out_ += "<line x1=\"" + px + "\" y1=\"" + std::to_string(kPlotTop) + "\" x2=\"" + px +
              "\" y2=\"" + std::to_string(kPlotBottom + 5) + "\" stroke=\"" +
              (minute == 0 ? "#333333" : "#eeeeee") + "\" stroke-width=\"1\"/>\n";
      out_ += "<text x=\"" + px + "\" y=\"" + std::to_string(kPlotBottom + 20) +
              "\" font-size=\"12\" fill=\"#444444\" text-anchor=\"middle\">" +
              std::to_string(minute) + "</text>\n";
    }
    out_ += "<text x=\"" + num((kPlotLeft + kPlotRight) / 2.0) + "\" y=\"" +
            std::to_string(kPlotBottom + 42) +
            "\" font-size=\"12\" fill=\"#444444\" text-anchor=\"middle\">minutes after the first "
            "shift</text>\n";
    out_ += "<text transform=\"translate(18 " + num(kPlotTop + kPlotHeight / 2.0) +
            ") rotate(-90)\" font-size=\"12\" fill=\"#444444\" text-anchor=\"middle\">traffic on "
            "new version</text>\n";
  }

  void line(const Deployment& d, size_t index, int drawn) {
    const char* stroke = colour(index);
    double dy = offset(drawn);
    std::vector<Step> steps = d.steps();
    std::string path = "M" + num(x(0)) + " " + num(y(0) + dy);
    for (const Step& step : steps) {
      path += " H" + num(x(step.minute)) + " V" + num(y(step.percent) + dy);
    }
    path += " H" + num(x(axis_.end));
    bool fixed = d.schedule->kind == ShiftKind::kFixedWeight;
    out_ += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + stroke +
            "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"" +
            (fixed ? " stroke-dasharray=\"7 4\"" : "") + "><title>" +
            core::xmlEscape(d.resource + ": " + describeSchedule(*d.schedule)) +
            "</title></path>\n";
    // The end of the shift, labelled with its minute, so durations read off without the grid.
    if (!steps.empty() && !fixed) {
      const Step& last = steps.back();
      out_ += "<circle cx=\"" + num(x(last.minute)) + "\" cy=\"" + num(y(last.percent) + dy) +
              "\" r=\"3\" fill=\"" + stroke + "\"/>\n";
    }
    if (!d.hooks.preTraffic.empty()) {
      out_ += "<circle cx=\"" + num(x(0)) + "\" cy=\"" + num(y(0) + dy) +
              "\" r=\"5.5\" fill=\"#ffffff\" stroke=\"" + stroke + "\" stroke-width=\"2\"><title>" +
              core::xmlEscape("PreTraffic hook " + d.hooks.preTraffic) + "</title></circle>\n";
    }
    if (!d.hooks.postTraffic.empty() && !steps.empty()) {
      double cx = x(steps.back().minute);
      double cy = y(steps.back().percent) + dy;
      out_ += "<rect x=\"" + num(cx - 5) + "\" y=\"" + num(cy - 5) +
              "\" width=\"10\" height=\"10\" fill=\"" + stroke +
              "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" +
              core::xmlEscape("PostTraffic hook " + d.hooks.postTraffic) + "</title></rect>\n";
    }
  }

  void legend() {
    int keyY = kLegendTop;
    int left = kPlotLeft;
    out_ += "<circle cx=\"" + std::to_string(left + 6) + "\" cy=\"" + std::to_string(keyY - 4) +
            "\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"2\"/>\n";
    out_ +=
        "<text x=\"" + std::to_string(left + 18) + "\" y=\"" + std::to_string(keyY) +
        "\" font-size=\"12\" fill=\"#444444\">PreTraffic hook (before the first shift)</text>\n";
    out_ += "<rect x=\"" + std::to_string(left + 281) + "\" y=\"" + std::to_string(keyY - 9) +
            "\" width=\"10\" height=\"10\" fill=\"#555555\"/>\n";
    out_ += "<text x=\"" + std::to_string(left + 298) + "\" y=\"" + std::to_string(keyY) +
            "\" font-size=\"12\" fill=\"#444444\">PostTraffic hook (after the last shift)</text>\n";
    out_ += "<line x1=\"" + std::to_string(left + 560) + "\" y1=\"" + std::to_string(keyY - 4) +
            "\" x2=\"" + std::to_string(left + 584) + "\" y2=\"" + std::to_string(keyY - 4) +
            "\" stroke=\"#555555\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\"/>\n";
    out_ += "<text x=\"" + std::to_string(left + 592) + "\" y=\"" + std::to_string(keyY) +
            "\" font-size=\"12\" fill=\"#444444\">fixed routing weight</text>\n";
    int rowY = kLegendTop;
    for (size_t i = 0; i < deployments_.size(); ++i) {
      const Deployment& d = deployments_[i];
      rowY += kLegendRow;
      bool shown = drawable(d);
      const char* stroke = shown ? colour(i) : kMuted;
      bool dashed = !shown || d.schedule->kind == ShiftKind::kFixedWeight;
      out_ += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(rowY - 4) +
              "\" x2=\"" + std::to_string(left + 24) + "\" y2=\"" + std::to_string(rowY - 4) +
              "\" stroke=\"" + stroke + "\" stroke-width=\"3\"" +
              (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>\n";
      std::vector<std::string> lines = legendLines(d);
      for (size_t k = 0; k < lines.size(); ++k) {
        if (k) rowY += kLegendContinuation;
        out_ += "<text x=\"" + std::to_string(left + 32) + "\" y=\"" + std::to_string(rowY) +
                "\" font-size=\"12\" fill=\"" + (shown ? "#222222" : "#777777") + "\">" +
                core::xmlEscape(lines[k]) + "</text>\n";
      }
    }
  }

  const std::vector<Deployment>& deployments_;
  std::string_view templateName_;
  Axis axis_;
  int drawCount_ = 0;
  std::string out_;
};

}  // namespace

SvgSize svgSize(const std::vector<Deployment>& deployments) {
  return SvgSize{kWidth, kLegendTop + legendHeight(deployments) + 18};
}

std::string renderSvg(const std::vector<Deployment>& deployments, std::string_view templateName) {
  return Chart(deployments, templateName).render();
}

}  // namespace samshift::plan
