#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/parameter_overrides.h"
#include "core/printable_text.h"
#include "load/loader.h"
#include "model/template.h"
#include "plan/deployments.h"
#include "plan/report.h"
#include "sam/parameter_values.h"

namespace samshift::cli {

namespace {

constexpr const char* kPlanUsage = R"(usage: samshift plan [OPTIONS] TEMPLATE

Shows how each deployment of a template shifts traffic: the alias, the deployment
configuration, the share of traffic on the new version minute by minute, the PreTraffic and
PostTraffic hooks, the alarms that roll it back, and how long it takes. TEMPLATE is a file or
- for standard input.

options:
  -f, --format FORMAT            text (default), json or svg (one chart of all deployments)
  -o, --output FILE              write to FILE instead of standard output
      --parameter-overrides VALUES
                                 parameter values, as `sam deploy` takes them: "Key=Value ..."
                                 or "ParameterKey=Key,ParameterValue=Value ..." (repeatable)
      --region REGION            the AWS::Region seen by conditions (default: us-east-1)
  -h, --help                     show this help

exit status: 0 planned, 2 the template could not be read or parsed, 3 usage error
)";

struct PlanOptions {
  std::string format = "text";
  std::string output;
  std::string region = "us-east-1";
  std::vector<std::pair<std::string, std::string>> overrides;
  std::string path;
};

core::Result<PlanOptions> parseOptions(std::vector<std::string> argv, bool& help) {
  PlanOptions options;
  Arguments args(std::move(argv));
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      help = true;
      return options;
    }
    if (auto value = args.option({"-f", "--format"})) {
      if (!*value) return value->error();
      options.format = value->value();
      if (options.format != "text" && options.format != "json" && options.format != "svg") {
        return core::usageError("unknown format '" + options.format + "' (text, json or svg)");
      }
    } else if (auto value = args.option({"-o", "--output"})) {
      if (!*value) return value->error();
      options.output = value->value();
    } else if (auto status = readParameterOverrides(args, options.overrides)) {
      if (!*status) return status->error();
    } else if (auto value = args.option({"--region"})) {
      if (!*value) return value->error();
      options.region = value->value();
    } else {
      auto path = args.positional();
      if (!path) return path.error();
      if (!options.path.empty()) return core::usageError("plan takes one TEMPLATE");
      options.path = path.value();
    }
  }
  if (options.path.empty()) return core::usageError("plan needs a TEMPLATE (- for standard input)");
  return options;
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
  std::string name = options->path == "-" ? "<stdin>" : options->path;
  auto loaded =
      options->path == "-" ? load::loadStream(name, std::cin) : load::loadFile(options->path);
  if (!loaded) {
    std::cerr << "samshift plan: " << loaded.error().message << "\n";
    return kExitInputError;
  }
  load::Document document = std::move(loaded).value();
  if (!document.parsed || !document.root.isMapping()) {
    std::string why = document.problems.empty() ? "not a template (the top level is not a mapping)"
                                                : document.problems.front().message;
    std::cerr << "samshift plan: " << core::printableText(name) << ": " << core::printableText(why)
              << "\n";
    return kExitInputError;
  }
  model::Template templ(document.root);
  sam::ParameterValues params(templ, options->overrides, options->region);
  std::vector<plan::Deployment> deployments = plan::findDeployments(templ, params);

  std::string rendered;
  if (options->format == "json") {
    rendered = plan::renderJson(deployments, name);
  } else if (options->format == "svg") {
    rendered = plan::renderSvg(deployments, name);
  } else {
    rendered = plan::renderText(deployments, name);
  }
  if (options->output.empty()) {
    std::cout << rendered;
    std::cout.flush();
    return kExitClean;
  }
  std::ofstream file(options->output, std::ios::binary);
  file << rendered;
  file.close();
  if (!file) {
    std::cerr << "samshift plan: cannot write " << options->output << "\n";
    return kExitInputError;
  }
  return kExitClean;
}

}  // namespace samshift::cli
