// `samshift expand`: SAM template in, plain CloudFormation out (or SAM's rejection).

#include <iostream>
#include <utility>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/parameter_overrides.h"
#include "cli/problem_report.h"
#include "cli/shared_options.h"
#include "cli/template_input.h"
#include "core/printable_text.h"
#include "expand/expander.h"
#include "expand/json_output.h"
#include "expand/python_keys.h"
#include "model/template.h"
#include "sam/local_artifacts.h"
#include "sam/parameter_values.h"

namespace samshift::cli {

namespace {

// The template's and the output's trees, kept until the process ends: it ends with this command,
// and freeing a large tree node by node costs about a tenth of the run (1,000 functions: some 90M
// of 1,000M instructions), where the system reclaims the memory at exit at once. A later call
// (tests run commands in one process) frees the earlier trees. Reachable to the end, so leak
// checkers do not count it as lost.
void keepUntilExit(model::Node input, model::Node output) {
  static auto* kept = new std::pair<model::Node, model::Node>();
  *kept = {std::move(input), std::move(output)};
}

constexpr const char* kExpandUsage = R"(usage: samshift expand [OPTIONS] TEMPLATE

Expands a SAM template into a plain CloudFormation template, as the AWS SAM transform does:
versions, aliases, CodeDeploy deployment groups, roles and event sources. TEMPLATE may be - for
standard input.

options:
      --region REGION             region to expand for (default us-east-1); the partition
                                  follows from it
      --parameter-overrides K=V…  parameter values as `sam deploy` takes them (K=V or
                                  ParameterKey=K,ParameterValue=V); they win over defaults.
                                  Separate K=V arguments continue the list until an option,
                                  a word without `=` or an existing file
      --strict-uris               refuse local artifact paths as the SAM transform does,
                                  instead of writing `sam validate`'s placeholders
                                  (s3://bucket/value) for them
  -f, --format FORMAT             json (default) or yaml
  -o, --output FILE               write to FILE instead of standard output: a file is
                                  replaced whole, or left as it was on any failure
      --error-format FORMAT       how SAM's rejections (and a template that does not load or
                                  that samshift cannot expand yet) are reported: text (default,
                                  on standard error), json, sarif, junit or github (on standard
                                  output, instead of the template), each cause as the finding of
                                  the rule lint reports it with
  -h, --help                      show this help

exit status: 0 expanded, 1 SAM rejects the template (causes on standard error), 2 the input
could not be read or uses something samshift cannot expand yet, or the output could not be
written, 3 usage error
)";

constexpr std::string_view kFormats[] = {"json", "yaml"};
constexpr SharedOptionSet kOptions{kFormats, /*templateValues=*/true};

// Resources whose logical ID SAM hashes from the code or definition location, which a placeholder
// changes: a function's version, a layer, an API deployment.
bool hashesArtifacts(const model::Node& output) {
  const model::Node* resources = output.get("Resources");
  if (!resources) return false;
  for (const model::MapEntry& entry : resources->entries()) {
    const model::Node* type = entry.value.get("Type");
    if (type &&
        (type->isString("AWS::Lambda::Version") || type->isString("AWS::Lambda::LayerVersion") ||
         type->isString("AWS::ApiGateway::Deployment"))) {
      return true;
    }
  }
  return false;
}

void noteLocalArtifacts(const std::vector<std::string>& replaced) {
  std::string where = replaced.front();
  if (replaced.size() > 1) where += " and " + std::to_string(replaced.size() - 1) + " more";
  std::cerr << "samshift expand: note: local artifact paths given sam validate's placeholders ("
            << core::printableText(where)
            << "): the logical IDs SAM hashes from them (versions, layers, API deployments) "
               "differ from those a real `sam package` gives; --strict-uris refuses them\n";
}

int usage(const std::string& message) {
  std::cerr << "samshift expand: " << message << "\n" << kExpandUsage;
  return kExitUsage;
}

}  // namespace

int runExpand(std::vector<std::string> args) {
  SharedOptions options(kOptions);
  std::string errorFormat = "text";
  std::string path;
  bool strictUris = false;
  Arguments arguments(std::move(args));
  while (!arguments.done()) {
    if (arguments.flag({"-h", "--help"})) {
      std::cout << kExpandUsage;
      return kExitClean;
    }
    if (arguments.flag({"--strict-uris"})) {
      strictUris = true;
      continue;
    }
    if (auto status = readSharedOption(arguments, kOptions, options)) {
      if (!*status) return usage(status->error().message);
      continue;
    }
    if (auto status = readErrorFormat(arguments, errorFormat)) {
      if (!*status) return usage(status->error().message);
      continue;
    }
    auto positional = arguments.positional();
    if (!positional) return usage(positional.error().message);
    if (!path.empty()) return usage("only one TEMPLATE may be given");
    path = positional.value();
  }
  if (path.empty()) return usage("a TEMPLATE is required");

  auto output = Output::open(options.output, {path});
  if (!output) return reportError("expand", output.error());
  auto document = readTemplate(path);
  if (!document) return reportError("expand", document.error());
  ProblemReport problems("expand", errorFormat);
  if (!document->parsed) return problems.loadFailure(*document);
  expand::pythonJsonKeys(document->root);
  std::vector<std::string> replaced;
  if (!strictUris) replaced = sam::replaceLocalArtifacts(document->root);
  model::Template templ(document->root);
  // SAM's transform takes values for any name (its own tests pass the same two to every
  // template), so expand only warns; CloudFormation would reject the deployment.
  if (auto unknown = unknownParameters(templ, options.overrides); !unknown.empty()) {
    std::cerr << "samshift expand: warning: --parameter-overrides: "
              << core::printableText(
                     describeUnknownParameters(templ, unknown, document->source.path()))
              << "\n";
  }
  sam::ParameterValues params(templ, options.overrides, options.region);
  expand::ExpandResult result = expand::expandTemplate(document->root, params);
  if (!result.errors.empty()) return problems.rejected(*document, result.errors);
  if (result.unsupported) return problems.notSupported(*document, *result.unsupported);
  core::Result<std::string> text =
      options.format == "yaml" ? expand::toYaml(result.output) : expand::toJson(result.output);
  if (!text) return problems.notSupported(*document, text.error().message, "");
  (*output)->stream() << *text;
  if (auto closed = (*output)->close(); !closed) return reportError("expand", closed.error());
  if (!replaced.empty() && hashesArtifacts(result.output)) noteLocalArtifacts(replaced);
  keepUntilExit(std::move(document->root), std::move(result.output));
  return kExitClean;
}

}  // namespace samshift::cli
