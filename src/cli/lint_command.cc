#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <system_error>
#include <thread>

#include "cli/arguments.h"
#include "cli/color_choice.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/lint_settings.h"
#include "cli/lint_summary.h"
#include "cli/output.h"
#include "cli/shared_options.h"
#include "cli/template_discovery.h"
#include "cli/template_input.h"
#include "core/file_identity.h"
#include "core/printable_text.h"
#include "core/version.h"
#include "engine/registry.h"
#include "engine/rule_selection.h"
#include "engine/runner.h"
#include "load/loader.h"
#include "report/formats.h"

namespace samshift::cli {

namespace {

constexpr const char* kLintUsage = R"(usage: samshift lint [OPTIONS] PATH...

Checks SAM and CloudFormation templates. PATH is a file, a directory (searched for *.yaml,
*.yml, *.json and *.template files that look like templates) or - for standard input.

options:
  -f, --format FORMAT     text (default), json, sarif, junit or github
  -o, --output FILE       write the report to FILE instead of standard output: a file is
                          replaced whole, or left as it was on any failure; a device or
                          FIFO is written in place; an input is never replaced
      --color WHEN        auto (default), always or never
      --fail-level LEVEL  exit 1 when a finding is at least this severe: error (default),
                          warning or info
      --select CODES      run only these rules: comma-separated codes (D002), prefixes
                          (D, D00) or slugs; a name that matches no rule is an error
      --ignore CODES      skip these rules (same names; empty: skip none)
      --region REGION     the AWS::Region SAM reads the template for (default us-east-1,
                          or the configuration's `region`): Fn::FindInMap by region and
                          AWS::Partition follow it, as in `samshift expand`
      --strict-uris       the templates are deployed as written, without `sam package`:
                          a local artifact path (CodeUri, ContentUri, DefinitionUri) or a
                          missing CodeUri is SAM's rejection, as in `samshift expand
                          --strict-uris` (default: what `sam package` uploads is left to it)
      --config FILE       read this configuration instead of the nearest .samshift.yaml
                          (searched from each template's directory upwards, up to the
                          repository root)
      --templates-only    skip files that are not templates (no `Resources`,
                          `AWSTemplateFormatVersion` or `Transform`) even when named on the
                          command line, as files found in directories are (for hooks that
                          pass every staged YAML file)
      --include-ignored   search node_modules, cdk.out and git-ignored paths of directories
                          too (hidden directories stay skipped)
      --report-unused-suppressions
                          report suppressions that matched no finding (X002)
  -j, --jobs N            lint N files at a time (default: the number of cores; fewer
                          when the system cannot start more threads); output keeps the
                          order of the inputs
  -h, --help              show this help

Directories are searched for templates, skipping hidden ones, node_modules, cdk.out and what
the repository's .gitignore files ignore; a symlink inside is followed only when its target
lies inside the directory searched.

exit status: 0 clean, 1 findings at or above the fail level, 2 an input could not be read or
parsed, a directory could not be searched, or the report could not be written, 3 usage error
)";

struct LintedFile {
  std::unique_ptr<model::Document> document;  // stable address for the report
  engine::LintResult result;
  std::string readError;  // the file could not be read at all
  bool skipped = false;   // found in a directory and not a template
  bool outOfMemory = false;
  std::exception_ptr failure;  // anything else thrown on a worker, rethrown on the main thread
};

const SharedOptionSet kOptions{report::reportFormatNames()};

// Adds the names of a --select or --ignore value; a name that matches no rule is a usage error.
core::Status addRuleNames(const std::string& option, const std::string& value,
                          std::optional<std::vector<std::string>>& names) {
  if (!names) names.emplace();
  for (std::string& name : engine::splitRuleList(value)) {
    if (auto unknown = engine::unknownRuleName(name, option)) return core::usageError(*unknown);
    names->push_back(std::move(name));
  }
  return core::okStatus();
}

core::Result<LintOptions> parseOptions(std::vector<std::string> argv, bool& help) {
  LintOptions options;
  SharedOptions shared(kOptions);
  Arguments args(std::move(argv));
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      help = true;
      return options;
    }
    if (auto status = readSharedOption(args, kOptions, shared)) {
      if (!*status) return status->error();
    } else if (auto value = args.option({"--config"})) {
      if (!*value) return value->error();
      if (value->value().empty()) return core::usageError("--config needs a file name");
      options.configPath = value->value();
    } else if (auto value = args.option({"--region"})) {
      if (!*value) return value->error();
      if (value->value().empty()) return core::usageError("--region needs a region name");
      options.region = value->value();
    } else if (args.flag({"--include-ignored"})) {
      options.includeIgnored = true;
    } else if (args.flag({"--strict-uris"})) {
      options.strictUris = true;
    } else if (args.flag({"--templates-only"})) {
      options.templatesOnly = true;
    } else if (args.flag({"--report-unused-suppressions"})) {
      options.reportUnusedSuppressions = true;
    } else if (auto value = args.option({"--color", "--colour"})) {
      if (!*value) return value->error();
      options.color = value->value();
      if (options.color != "auto" && options.color != "always" && options.color != "never") {
        return core::usageError("--color takes auto, always or never");
      }
    } else if (auto value = args.option({"--fail-level"})) {
      if (!*value) return value->error();
      core::Severity level;
      if (!core::parseSeverity(value->value(), level)) {
        return core::usageError("--fail-level takes error, warning or info");
      }
      options.failLevel = level;
    } else if (auto value = args.option({"--select"})) {
      if (!*value) return value->error();
      if (auto status = addRuleNames("--select", value->value(), options.select); !status)
        return status.error();
      if (options.select->empty())
        return core::usageError("--select needs at least one rule code, prefix or slug");
    } else if (auto value = args.option({"--ignore"})) {
      if (!*value) return value->error();
      if (auto status = addRuleNames("--ignore", value->value(), options.ignore); !status)
        return status.error();
    } else if (auto value = args.option({"-j", "--jobs"})) {
      if (!*value) return value->error();
      const std::string& text = value->value();
      if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
          text.size() > 4 || std::stoi(text) < 1) {
        return core::usageError("-j takes a whole number of at least 1");
      }
      options.jobs = static_cast<unsigned>(std::stoi(text));
    } else {
      auto path = args.positional();
      if (!path) return path.error();
      options.paths.push_back(path.value());
    }
  }
  if (options.paths.empty())
    return core::usageError("lint needs at least one PATH (- for standard input)");
  options.format = shared.format;
  options.output = shared.output;
  return options;
}

// `stdinText` is taken (moved) by the one input that is standard input.
LintedFile lintOne(const Input& input, std::string& stdinText,
                   const engine::RuleSelection& selection, bool freeTree) {
  LintedFile out;
  if (input.path == "-") {
    out.document =
        std::make_unique<model::Document>(load::loadText(kStandardInputName, std::move(stdinText)));
  } else {
    auto loaded = load::loadFile(input.path);
    if (!loaded) {
      out.readError = loaded.error().message;
      return out;
    }
    out.document = std::make_unique<model::Document>(std::move(loaded).value());
  }
  if (input.fromDirectory && !load::looksLikeTemplate(*out.document)) {
    out.skipped = true;
    out.document.reset();
    return out;
  }
  out.result = engine::lintDocument(*out.document, selection);
  // Reports need only the source text. With more files to come, the tree is freed here, on the
  // worker, so that the next file reuses memory already paged in and warm in cache.
  if (freeTree) out.document->root = model::Node();
  return out;
}

// The documents of a run are handed here instead of being destroyed: the process is about to
// exit and the kernel takes its memory back at once, while freeing a large template's tree node
// by node (cold in cache after the rules ran) was a tenth of its lint time. They stay reachable,
// so leak checkers do not count them.
void keepUntilExit(std::vector<LintedFile> linted) {
  static auto* kept = new std::vector<std::vector<LintedFile>>();
  kept->push_back(std::move(linted));
}

std::vector<LintedFile> lintAll(const std::vector<Input>& inputs, std::string& stdinText,
                                const std::vector<const FileSettings*>& settings, unsigned jobs) {
  std::vector<LintedFile> results(inputs.size());
  // Largest files first, so that no thread is left with a big one at the end while the others idle.
  std::vector<std::pair<uintmax_t, size_t>> order;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::error_code error;
    uintmax_t size = inputs[i].path == "-" ? 0 : std::filesystem::file_size(inputs[i].path, error);
    order.emplace_back(error ? 0 : size, i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t k = next++; k < order.size(); k = next++) {
      size_t i = order[k].second;
      // No exception may leave a thread (std::terminate); one file out of memory leaves the rest.
      try {
        results[i] = lintOne(inputs[i], stdinText, settings[i]->selection, inputs.size() > 1);
      } catch (const std::bad_alloc&) {
        results[i] = LintedFile{};
        results[i].outOfMemory = true;
      } catch (...) {
        results[i].failure = std::current_exception();
      }
    }
  };
  unsigned threads = std::min<unsigned>(jobs, static_cast<unsigned>(inputs.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // no more threads (a pids or memory limit): the ones started share the files
    }
  }
  worker();  // the main thread takes files too, so the run goes on with no thread at all
  for (std::thread& thread : pool) thread.join();
  return results;
}

void writeReport(std::ostream& out, const LintOptions& options,
                 const std::vector<report::FileReport>& reports,
                 const std::vector<std::shared_ptr<const FileSettings>>& settings, bool terminal) {
  report::ReportSettings reportSettings;
  reportSettings.rules = rulesThatRan(settings);
  reportSettings.workingDirectory = currentDirectory();
  reportSettings.toolVersion = std::string(core::kVersion);
  reportSettings.color = colorWanted(options.color, terminal, std::getenv);
  reportSettings.showSource = reportSettings.color || terminal;
  // The option parser accepts only the table's names.
  report::findReportFormat(options.format)->write(out, reports, reportSettings);
}

// A report written into a directory being linted (`lint -f json -o out/report.json out`) is
// found there on the next run: it is no template to lint, and not an input to protect.
void dropReport(std::vector<Input>& inputs, const std::string& output) {
  auto report = output.empty() ? std::nullopt : core::identityOf(output);
  if (!report) return;
  std::erase_if(inputs, [&](const Input& input) {
    return input.fromDirectory && core::identityOf(input.path) == report;
  });
}

// What the report must not replace: every template and every configuration read.
std::vector<std::string> filesRead(
    const std::vector<Input>& inputs,
    const std::vector<std::shared_ptr<const FileSettings>>& settings) {
  std::vector<std::string> files;
  for (const Input& input : inputs) files.push_back(input.path);
  for (const auto& s : settings) {
    if (s->config) files.push_back(s->config->path);
  }
  return files;
}

}  // namespace

int runLint(std::vector<std::string> argv) {
  bool help = false;
  auto parsed = parseOptions(std::move(argv), help);
  if (help) {
    std::cout << kLintUsage;
    return kExitClean;
  }
  if (!parsed) {
    std::cerr << "samshift lint: " << parsed.error().message << "\n(see samshift lint --help)\n";
    return kExitUsage;
  }
  LintOptions& options = parsed.value();
  Discovery discovery = discoverInputs(options.paths, DiscoveryOptions{!options.includeIgnored});
  std::vector<Input>& inputs = discovery.inputs;
  dropReport(inputs, options.output);
  if (options.templatesOnly) {
    for (Input& input : inputs) input.fromDirectory = true;
  }
  auto resolved = resolveSettings(options, inputs);
  if (!resolved) return reportError("lint", resolved.error());  // a bad configuration is bad usage
  const std::vector<std::shared_ptr<const FileSettings>>& settings = resolved.value();
  auto output = Output::open(options.output, filesRead(inputs, settings));
  if (!output) return reportError("lint", output.error());

  int exitCode = kExitClean;
  for (const std::string& problem : discovery.problems) {
    std::cerr << "samshift lint: " << problem << '\n';
    exitCode = kExitInputError;
  }
  std::vector<const FileSettings*> settingsByInput;
  for (const auto& s : settings) settingsByInput.push_back(s.get());
  std::string stdinText;
  if (std::any_of(inputs.begin(), inputs.end(),
                  [](const Input& input) { return input.path == "-"; })) {
    auto text = readStandardInput();
    if (!text) return reportError("lint", text.error());
    stdinText = std::move(text).value();
  }
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Sorted once here, before threads share the registry.
  (void)engine::Registry::instance().rules();
  std::vector<LintedFile> linted = lintAll(inputs, stdinText, settingsByInput, jobs);

  std::vector<report::FileReport> reports;
  std::vector<int> lintedFrom;  // the searched directory of each template linted
  for (size_t i = 0; i < linted.size(); ++i) {
    LintedFile& file = linted[i];
    if (file.failure) std::rethrow_exception(file.failure);
    if (file.outOfMemory) {
      std::cerr << "samshift lint: " << core::printableText(inputs[i].path)
                << ": out of memory: the input needs more memory than this process may use\n";
      exitCode = kExitInputError;
      continue;
    }
    if (!file.readError.empty()) {
      std::cerr << "samshift lint: " << file.readError << '\n';
      exitCode = kExitInputError;
      continue;
    }
    if (file.skipped) continue;
    lintedFrom.push_back(inputs[i].searchedDirectory);
    if (file.result.unparsable) exitCode = kExitInputError;
    for (const core::Diagnostic& d : file.result.diagnostics) {
      if (d.severity >= settingsByInput[i]->failLevel && exitCode == kExitClean)
        exitCode = kExitFindings;
    }
    reports.push_back(report::FileReport{&file.document->source, file.document->source.path(),
                                         std::move(file.result.diagnostics)});
  }
  keepUntilExit(std::move(linted));  // the documents stay put: reports point at their sources
  for (const std::string& warning : emptyDirectoryWarnings(discovery.directories, lintedFrom))
    std::cerr << "samshift lint: warning: " << core::printableText(warning) << '\n';
  bool terminal = (*output)->isTerminal();
  writeReport((*output)->stream(), options, reports, settings, terminal);
  // A person reading at a terminal gets the count; a pipe or a file gets the findings alone.
  if (terminal && options.format == "text") (*output)->stream() << findingSummary(reports) << '\n';
  if (auto closed = (*output)->close(); !closed) return reportError("lint", closed.error());
  return exitCode;
}

}  // namespace samshift::cli
