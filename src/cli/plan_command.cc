#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
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

// Splits on blanks outside quotes and drops the quotes: `A=1 B='x y'` → `A=1`, `B=x y`.
std::vector<std::string> splitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool inWord = false;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      inWord = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (inWord) words.push_back(word);
      word.clear();
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push_back(word);
  return words;
}

core::Status parseOverrides(const std::string& text,
                            std::vector<std::pair<std::string, std::string>>& out) {
  static const std::string kKey = "ParameterKey=";
  static const std::string kValue = ",ParameterValue=";
  for (const std::string& word : splitWords(text)) {
    if (word.rfind(kKey, 0) == 0) {
      size_t comma = word.find(kValue);
      if (comma == std::string::npos) {
        return core::usageError("--parameter-overrides: '" + word + "' has no ParameterValue");
      }
      out.emplace_back(word.substr(kKey.size(), comma - kKey.size()),
                       word.substr(comma + kValue.size()));
      continue;
    }
    size_t equals = word.find('=');
    if (equals == std::string::npos || equals == 0) {
      return core::usageError("--parameter-overrides takes Key=Value pairs, got '" + word + "'");
    }
    out.emplace_back(word.substr(0, equals), word.substr(equals + 1));
  }
  return core::okStatus();
}

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
    } else if (auto value = args.option({"--parameter-overrides"})) {
      if (!*value) return value->error();
      if (auto status = parseOverrides(value->value(), options.overrides); !status)
        return status.error();
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
  load::Document document;
  std::string name = options->path;
  if (options->path == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    name = "<stdin>";
    document = load::loadText(name, std::move(text));
  } else {
    auto loaded = load::loadFile(options->path);
    if (!loaded) {
      std::cerr << "samshift plan: " << loaded.error().message << "\n";
      return kExitInputError;
    }
    document = std::move(loaded).value();
  }
  if (!document.parsed || !document.root.isMapping()) {
    std::string why = document.problems.empty() ? "not a template (the top level is not a mapping)"
                                                : document.problems.front().message;
    std::cerr << "samshift plan: " << name << ": " << why << "\n";
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
