#include <algorithm>

#include "core/printable_text.h"
#include "plan/report.h"

namespace samshift::plan {
namespace {

constexpr int kBarWidth = 20;

std::string minutesText(int minutes) {
  std::string text = minutes == 1 ? "1 minute" : std::to_string(minutes) + " minutes";
  if (minutes >= 60) {
    int hours = minutes / 60;
    int rest = minutes % 60;
    // Appended piece by piece: `" (" + std::to_string(...)` trips a false -Wrestrict in GCC 12.
    text.append(" (").append(std::to_string(hours)).append(" h");
    if (rest) text.append(" ").append(std::to_string(rest)).append(" min");
    text.append(")");
  }
  return text;
}

std::string bar(double percent) {
  int filled = static_cast<int>(percent * kBarWidth / 100.0 + 0.5);
  if (percent > 0 && filled == 0) filled = 1;
  return std::string(static_cast<size_t>(filled), '#') +
         std::string(static_cast<size_t>(kBarWidth - filled), '.');
}

std::string padLeft(const std::string& text, size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string padRight(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

void renderOne(std::string& out, const Deployment& d) {
  // Names, reasons and notes carry template text: escaped, so it cannot start a line or reach
  // the terminal raw (core/printable_text.h).
  using core::printableText;
  out += printableText(d.resource) + "  " + std::string(deploymentSourceName(d.source));
  out += d.alias.empty() ? std::string(", no alias") : ", alias " + printableText(d.alias);
  out += "\n";
  auto row = [&](std::string_view label, const std::string& value) {
    out += "  " + padRight(std::string(label), 10) + printableText(value) + "\n";
  };
  if (!d.planned) {
    row("no plan", d.reason);
    for (const std::string& note : d.notes) row("note", note);
    return;
  }
  row("config", d.config.empty() ? "unknown" : d.config);
  if (!d.schedule) {
    row("schedule", "unknown: " + d.reason);
  } else {
    row("schedule", describeSchedule(*d.schedule));
    std::vector<Step> steps = d.steps();
    size_t minuteWidth = std::to_string(steps.empty() ? 0 : steps.back().minute).size();
    std::string indent = "  " + std::string(10, ' ');
    if (!d.hooks.preTraffic.empty()) {
      out += indent + "before " + std::string(minuteWidth + 1, ' ') + "  PreTraffic hook " +
             printableText(d.hooks.preTraffic) + "\n";
    }
    for (const Step& step : steps) {
      out += indent + "minute " + padLeft(std::to_string(step.minute), minuteWidth + 1) + "  " +
             padLeft(formatPercent(step.percent) + "%", 7) + "  " + bar(step.percent) + "\n";
    }
    if (!d.hooks.postTraffic.empty()) {
      out += indent + "after  " + std::string(minuteWidth + 1, ' ') + "  PostTraffic hook " +
             printableText(d.hooks.postTraffic) + "\n";
    }
  }
  std::string alarms;
  for (const std::string& alarm : d.alarms) alarms += (alarms.empty() ? "" : ", ") + alarm;
  row("alarms", alarms.empty() ? "none" : alarms);
  row("rollback", d.rollback.empty() ? "none" : d.rollback);
  if (d.schedule) {
    std::string total = minutesText(d.totalMinutes());
    if (d.schedule->kind == ShiftKind::kFixedWeight) {
      total = "no end: the split holds until the alias is changed";
    } else if (!d.hooks.preTraffic.empty() || !d.hooks.postTraffic.empty()) {
      total += ", plus the time the hooks take";
    }
    row("total", total);
  }
  for (const std::string& note : d.notes) row("note", note);
}

}  // namespace

std::string renderText(const std::vector<Deployment>& deployments, std::string_view templateName) {
  std::string out;
  if (deployments.empty()) {
    return core::printableText(templateName) +
           ": no traffic shifting (no DeploymentPreference, CodeDeploy alias update policy or "
           "alias routing "
           "weights)\n";
  }
  size_t planned = static_cast<size_t>(std::count_if(
      deployments.begin(), deployments.end(), [](const Deployment& d) { return d.planned; }));
  out += core::printableText(templateName) + ": " + std::to_string(deployments.size()) +
         (deployments.size() == 1 ? " deployment" : " deployments");
  if (planned != deployments.size())
    out += ", " + std::to_string(deployments.size() - planned) + " without a plan";
  out += "\n";
  for (const Deployment& d : deployments) {
    out += "\n";
    renderOne(out, d);
  }
  return out;
}

}  // namespace samshift::plan
