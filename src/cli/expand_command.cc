// `samshift expand`: SAM template in, plain CloudFormation out (or SAM's rejection).

#include <iostream>
#include <iterator>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/parameter_overrides.h"
#include "core/atomic_file.h"
#include "core/printable_text.h"
#include "expand/expander.h"
#include "expand/json_output.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"

namespace samshift::cli {

namespace {

constexpr const char* kExpandUsage = R"(usage: samshift expand [OPTIONS] TEMPLATE

Expands a SAM template into a plain CloudFormation template, as the AWS SAM transform does:
versions, aliases, CodeDeploy deployment groups, roles and event sources. TEMPLATE may be - for
standard input.

options:
      --region REGION             region to expand for (default us-east-1); the partition
                                  follows from it
      --parameter-overrides K=V…  parameter values as `sam deploy` takes them (K=V or
                                  ParameterKey=K,ParameterValue=V); they win over defaults
      --format FORMAT             json (default) or yaml
  -o, --output FILE               write to FILE atomically instead of standard output
  -h, --help                      show this help

exit status: 0 expanded, 1 SAM rejects the template (causes on standard error), 2 the input
could not be read or uses something samshift cannot expand yet, 3 usage error
)";

int usage(const std::string& message) {
  std::cerr << "samshift expand: " << message << "\n" << kExpandUsage;
  return kExitUsage;
}

}  // namespace

int runExpand(std::vector<std::string> args) {
  std::string region = "us-east-1";
  std::string format = "json";
  std::string output;
  std::string path;
  std::vector<std::pair<std::string, std::string>> overrides;
  Arguments arguments(std::move(args));
  while (!arguments.done()) {
    if (arguments.flag({"-h", "--help"})) {
      std::cout << kExpandUsage;
      return kExitClean;
    }
    if (auto value = arguments.option({"--region"})) {
      if (!*value) return usage(value->error().message);
      region = value->value();
      continue;
    }
    if (auto value = arguments.option({"--format"})) {
      if (!*value) return usage(value->error().message);
      format = value->value();
      if (format != "json" && format != "yaml") return usage("unknown format '" + format + "'");
      continue;
    }
    if (auto value = arguments.option({"-o", "--output"})) {
      if (!*value) return usage(value->error().message);
      output = value->value();
      continue;
    }
    if (auto status = readParameterOverrides(arguments, overrides)) {
      if (!*status) return usage(status->error().message);
      continue;
    }
    auto positional = arguments.positional();
    if (!positional) return usage(positional.error().message);
    if (!path.empty()) return usage("only one TEMPLATE may be given");
    path = positional.value();
  }
  if (path.empty()) return usage("a TEMPLATE is required");

  auto loaded = path == "-" ? load::loadStream("<stdin>", std::cin) : load::loadFile(path);
  if (!loaded) {
    std::cerr << "samshift expand: " << loaded.error().message << "\n";
    return kExitInputError;
  }
  load::Document document = std::move(loaded.value());
  if (!document.parsed) {
    for (const load::LoadProblem& problem : document.problems) {
      core::Position at = document.source.position(problem.span.known() ? problem.span.begin : 0);
      std::cerr << core::printableText(document.source.path()) << ":" << at.line << ":" << at.column
                << ": error " << core::printableText(problem.message) << "\n";
    }
    return kExitInputError;
  }
  model::Template templ(document.root);
  sam::ParameterValues params(templ, overrides, region);
  expand::ExpandResult result = expand::expandTemplate(document.root, params);
  if (!result.errors.empty()) {
    std::cerr << expand::formatErrors(document.source, result.errors);
    return kExitFindings;
  }
  if (result.unsupported) {
    std::cerr << "samshift expand: " << document.source.path() << ": not supported yet: " << *result.unsupported
              << "\n";
    return kExitInputError;
  }
  std::string text = format == "yaml" ? expand::toYaml(result.output) : expand::toJson(result.output);
  if (output.empty()) {
    std::cout << text;
    std::cout.flush();
    return kExitClean;
  }
  if (core::Status written = core::writeFileAtomically(output, text); !written) {
    std::cerr << "samshift expand: " << written.error().message << "\n";
    return kExitInputError;
  }
  return kExitClean;
}

}  // namespace samshift::cli
