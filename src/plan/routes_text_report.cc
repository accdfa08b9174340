// The routes as text: one block per caller and stage, what it invokes, the versions behind it
// with their weights, and the deployment that shifts them.

#include "core/printable_text.h"
#include "plan/report.h"

namespace samshift::plan {
namespace {

using core::printableText;

// "alias DEV (DevAlias), from stage variable `alias`".
std::string invokes(const Route& route) {
  std::string out = route.function;
  switch (route.target) {
    case RouteTarget::kFunction:
      out += " unqualified";
      break;
    case RouteTarget::kUnknown:
      out += " with a qualifier samshift cannot resolve";
      break;
    default:
      out += ", " + std::string(routeTargetName(route.target));
      if (route.target != RouteTarget::kLatest)
        out += " " + (route.qualifier.empty() ? std::string("?") : route.qualifier);
      if (!route.aliasResource.empty() && route.aliasResource != route.qualifier)
        out += " (" + route.aliasResource + ")";
  }
  if (!route.stageVariable.empty()) out += ", from stage variable `" + route.stageVariable + "`";
  return out;
}

std::string shifted(const Deployment& d) {
  std::string out = d.resource + " " + std::string(deploymentSourceName(d.source));
  if (!d.planned) return out + ": no plan, " + d.reason;
  out += ": " + (d.config.empty() ? std::string("configuration unknown") : d.config);
  if (d.schedule) out += ", " + describeSchedule(*d.schedule);
  return out;
}

// How the weights move while the deployment runs: "PaymentsFn.Version at minute 0: 10%, 5: 100%;
// the previous version serves the rest". Empty for a fixed split or no schedule.
std::string duringDeployment(const Route& route) {
  if (!route.deployment || !route.deployment->planned || !route.deployment->schedule ||
      route.deployment->schedule->kind == ShiftKind::kFixedWeight || route.versions.empty()) {
    return {};
  }
  std::string out = route.versions.front().version + " at minute ";
  bool first = true;
  for (const Step& step : route.deployment->steps()) {
    out += (first ? "" : ", ") + std::to_string(step.minute) + ": " + formatPercent(step.percent) +
           "%";
    first = false;
  }
  return out + "; the previous version serves the rest";
}

void renderOne(std::string& out, const Route& route) {
  out += printableText(routeHeading(route)) + "\n";
  auto row = [&](std::string_view label, const std::string& value) {
    out += "  " + std::string(label) + std::string(12 - label.size(), ' ') + printableText(value) +
           "\n";
  };
  row("invokes", invokes(route));
  row("versions", route.versions.empty() ? "unknown" : describeVersions(route.versions));
  row("deployment", route.deployment ? shifted(*route.deployment) : "none shifts this traffic");
  if (std::string during = duringDeployment(route); !during.empty()) row("during", during);
  if (route.bypassesAlias) {
    row("BYPASSES",
        (route.bypassedAlias.empty() ? std::string("the alias") : "alias " + route.bypassedAlias) +
            ": runs $LATEST, which no deployment shifts");
  }
  for (const std::string& note : route.notes) row("note", note);
}

}  // namespace

std::string renderRoutesText(const std::vector<Route>& routes, std::string_view templateName) {
  if (routes.empty()) return printableText(templateName) + ": no callers of a Lambda function\n";
  size_t bypassing = 0;
  for (const Route& route : routes) bypassing += route.bypassesAlias ? 1 : 0;
  std::string out = printableText(templateName) + ": " + std::to_string(routes.size()) +
                    (routes.size() == 1 ? " route" : " routes");
  if (bypassing) out += ", " + std::to_string(bypassing) + " bypassing an alias";
  out += "\n";
  for (const Route& route : routes) {
    out += "\n";
    renderOne(out, route);
  }
  return out;
}

}  // namespace samshift::plan
