#include <array>
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/parameter_overrides.h"
#include "cli/problem_report.h"
#include "cli/shared_options.h"
#include "cli/template_input.h"
#include "core/printable_text.h"
#include "model/template.h"
#include "plan/deployments.h"
#include "plan/report.h"
#include "sam/parameter_values.h"
#include "sam/transforms.h"

namespace samshift::cli {

namespace {

constexpr const char* kPlanUsage = R"(usage: samshift plan [OPTIONS] TEMPLATE

Shows how each deployment of a template shifts traffic: the alias, the deployment
configuration, the share of traffic on the new version minute by minute, the PreTraffic and
PostTraffic hooks, the alarms that roll it back, and how long it takes; with --view routes,
who calls each function and which versions each call reaches. TEMPLATE is a file or - for
standard input.

options:
  -f, --format FORMAT            text (default), json or svg (one chart of all deployments)
      --view VIEW                deployments (default): how each deployment shifts traffic;
                                 routes: every caller of a function (API stage and route, HTTP
                                 API, function URL, event source, state machine), the qualifier
                                 it invokes, the versions behind it with their weights and the
                                 deployment that shifts them; all: both
  -o, --output FILE              write to FILE instead of standard output: a file is replaced
                                 whole, or left as it was on any failure
      --parameter-overrides VALUES
                                 parameter values, as `sam deploy` takes them: "Key=Value ..."
                                 or "ParameterKey=Key,ParameterValue=Value ..." (repeatable);
                                 separate Key=Value arguments continue the list until an
                                 option, a word without `=` or an existing file. A key the
                                 template does not declare is an error
      --region REGION            the AWS::Region seen by conditions (default: us-east-1)
      --error-format FORMAT      how a template that does not load or that samshift cannot
                                 plan is reported: text (default, on standard error), json,
                                 sarif, junit or github (on standard output, instead of the plan)
  -h, --help                     show this help

exit status: 0 planned, 2 the template could not be read or parsed, declares a transform
samshift does not apply (AWS::LanguageExtensions), or the output could not be written, 3 usage
error (an unknown parameter included)
)";

// What a plan shows, by --view: its deployments, its routes, or both.
struct Plan {
  std::vector<plan::Deployment> deployments;
  std::vector<plan::Route> routes;
};
enum class View { kDeployments, kRoutes, kAll };
constexpr std::pair<std::string_view, View> kViews[] = {
    {"deployments", View::kDeployments}, {"routes", View::kRoutes}, {"all", View::kAll}};

std::string renderTextPlan(const Plan& plan, View view, std::string_view name) {
  if (view == View::kDeployments) return plan::renderText(plan.deployments, name);
  if (view == View::kRoutes) return plan::renderRoutesText(plan.routes, name);
  return plan::renderText(plan.deployments, name) + "\n" +
         plan::renderRoutesText(plan.routes, name);
}

std::string renderJsonPlan(const Plan& plan, View view, std::string_view name) {
  if (view == View::kDeployments) return plan::renderJson(plan.deployments, name);
  return plan::renderRoutesJson(plan.routes, view == View::kAll ? &plan.deployments : nullptr,
                                name);
}

// `--view all`: the deployment chart with the routes panel under it.
std::string renderSvgPlan(const Plan& plan, View view, std::string_view name) {
  if (view == View::kDeployments) return plan::renderSvg(plan.deployments, name);
  if (view == View::kRoutes) return plan::renderRoutesSvg(plan.routes, name);
  plan::SvgSize chart = plan::svgSize(plan.deployments);
  plan::SvgSize panel = plan::routesSvgSize(plan.routes);
  return plan::stackSvg(plan::renderSvg(plan.deployments, name), chart,
                        plan::renderRoutesSvg(plan.routes, name), panel);
}

// The plan's formats, by name (the first is the default).
struct PlanFormat {
  std::string_view name;
  std::string (*render)(const Plan&, View, std::string_view);
};
constexpr PlanFormat kPlanFormats[] = {
    {"text", renderTextPlan}, {"json", renderJsonPlan}, {"svg", renderSvgPlan}};

// Their names, as --format takes them.
constexpr auto kFormats = [] {
  std::array<std::string_view, std::size(kPlanFormats)> names{};
  for (size_t i = 0; i < names.size(); ++i) names[i] = kPlanFormats[i].name;
  return names;
}();
constexpr SharedOptionSet kOptions{kFormats, /*templateValues=*/true};

struct PlanOptions {
  PlanOptions() : shared(kOptions) {}
  SharedOptions shared;
  std::string errorFormat = "text";
  View view = View::kDeployments;
  std::string path;
};

std::optional<core::Status> readView(Arguments& args, View& view) {
  auto value = args.option({"--view"});
  if (!value) return std::nullopt;
  if (!*value) return core::Status(value->error());
  for (const auto& [name, known] : kViews) {
    if (name == value->value()) {
      view = known;
      return core::okStatus();
    }
  }
  return core::Status(
      core::usageError("unknown view '" + value->value() + "' (deployments, routes or all)"));
}

core::Result<PlanOptions> parseOptions(std::vector<std::string> argv, bool& help) {
  PlanOptions options;
  Arguments args(std::move(argv));
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      help = true;
      return options;
    }
    if (auto status = readSharedOption(args, kOptions, options.shared)) {
      if (!*status) return status->error();
      continue;
    }
    if (auto status = readView(args, options.view)) {
      if (!*status) return status->error();
      continue;
    }
    if (auto status = readErrorFormat(args, options.errorFormat)) {
      if (!*status) return status->error();
      continue;
    }
    auto path = args.positional();
    if (!path) return path.error();
    if (!options.path.empty()) return core::usageError("plan takes one TEMPLATE");
    options.path = path.value();
  }
  if (options.path.empty()) return core::usageError("plan needs a TEMPLATE (- for standard input)");
  return options;
}

std::string render(const std::string& format, const Plan& plan, View view,
                   const std::string& name) {
  for (const PlanFormat& entry : kPlanFormats) {
    if (entry.name == format) return entry.render(plan, view, name);
  }
  return kPlanFormats[0].render(plan, view, name);  // the option parser accepts only these
}

}  // namespace

int runPlan(std::vector<std::string> argv) {
  bool help = false;
  auto options = parseOptions(std::move(argv), help);
  if (help) {
    std::cout << kPlanUsage;
    return kExitClean;
  }
  if (!options) {
    std::cerr << "samshift plan: " << options.error().message << "\n" << kPlanUsage;
    return kExitUsage;
  }
  const SharedOptions& shared = options->shared;
  auto output = Output::open(shared.output, {options->path});
  if (!output) return reportError("plan", output.error());
  auto document = readTemplate(options->path);
  if (!document) return reportError("plan", document.error());
  const std::string& name = document->source.path();
  ProblemReport problems("plan", options->errorFormat);
  if (!document->parsed) return problems.loadFailure(*document);
  if (!document->root.isMapping()) return problems.notATemplate(*document);
  model::Template templ(document->root);
  if (auto unknown = unknownParameters(templ, shared.overrides); !unknown.empty()) {
    return reportError(
        "plan",
        core::usageError("--parameter-overrides: " +
                         core::printableText(describeUnknownParameters(templ, unknown, name))));
  }
  if (auto transform = sam::unsupportedTransform(templ)) {
    return problems.notSupported(
        *document, *transform + "; the deployments it generates or changes cannot be planned",
        "not supported: ");
  }
  sam::ParameterValues params(templ, shared.overrides, shared.region);
  Plan plan{plan::findDeployments(templ, params), {}};
  if (options->view != View::kDeployments)
    plan.routes = plan::findRoutes(templ, params, plan.deployments);
  (*output)->stream() << render(shared.format, plan, options->view, name);
  if (auto closed = (*output)->close(); !closed) return reportError("plan", closed.error());
  return kExitClean;
}

}  // namespace samshift::cli
