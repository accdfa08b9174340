#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/lint_settings.h"
#include "cli/template_discovery.h"
#include "core/project.h"
#include "core/atomic_file.h"
#include "core/version.h"
#include "engine/registry.h"
#include "engine/runner.h"
#include "load/loader.h"
#include "report/github_format.h"
#include "report/json_format.h"
#include "report/junit_format.h"
#include "report/sarif_format.h"
#include "report/text_format.h"

namespace samshift::cli {

namespace {

constexpr const char* kLintUsage = R"(usage: samshift lint [OPTIONS] PATH...

Checks SAM and CloudFormation templates. PATH is a file, a directory (searched for *.yaml,
*.yml, *.json and *.template files that look like templates) or - for standard input.

options:
  -f, --format FORMAT     text (default), json, sarif, junit or github
  -o, --output FILE       write the report to FILE (replaced whole, or left untouched on
                          failure) instead of standard output
      --color WHEN        auto (default), always or never
      --fail-level LEVEL  exit 1 when a finding is at least this severe: error (default),
                          warning or info
      --select CODES      run only these rules (comma-separated codes or prefixes)
      --ignore CODES      skip these rules (comma-separated codes or prefixes)
      --config FILE       read this configuration instead of the nearest .samshift.yaml
                          (searched from each template's directory upwards)
      --templates-only    skip files that are not templates (no `Resources`,
                          `AWSTemplateFormatVersion` or `Transform`) even when named on the
                          command line, as files found in directories are (for hooks that
                          pass every staged YAML file)
      --report-unused-suppressions
                          report suppressions that matched no finding (X002)
  -j, --jobs N            lint N files at a time (default: the number of cores);
                          output keeps the order of the inputs
  -h, --help              show this help

exit status: 0 clean, 1 findings at or above the fail level, 2 an input could not be read or
parsed, 3 usage error
)";

struct LintedFile {
  std::unique_ptr<load::Document> document;  // stable address for the report
  engine::LintResult result;
  std::string readError;  // the file could not be read at all
  bool skipped = false;   // found in a directory and not a template
  bool outOfMemory = false;
  std::exception_ptr failure;  // anything else thrown on a worker, rethrown on the main thread
};

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) items.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

core::Result<LintOptions> parseOptions(std::vector<std::string> argv, bool& help) {
  LintOptions options;
  Arguments args(std::move(argv));
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      help = true;
      return options;
    }
    if (auto value = args.option({"-f", "--format"})) {
      if (!*value) return value->error();
      options.format = value->value();
      if (options.format != "text" && options.format != "json" && options.format != "sarif" &&
          options.format != "junit" && options.format != "github") {
        return core::usageError("unknown format '" + options.format + "' (text, json, sarif, junit or github)");
      }
    } else if (auto value = args.option({"-o", "--output"})) {
      if (!*value) return value->error();
      if (value->value().empty()) return core::usageError("--output needs a file name");
      options.output = value->value();
    } else if (auto value = args.option({"--config"})) {
      if (!*value) return value->error();
      if (value->value().empty()) return core::usageError("--config needs a file name");
      options.configPath = value->value();
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
      if (!options.select) options.select.emplace();
      for (auto& code : splitList(value->value())) options.select->push_back(code);
    } else if (auto value = args.option({"--ignore"})) {
      if (!*value) return value->error();
      if (!options.ignore) options.ignore.emplace();
      for (auto& code : splitList(value->value())) options.ignore->push_back(code);
    } else if (auto value = args.option({"-j", "--jobs"})) {
      if (!*value) return value->error();
      const std::string& text = value->value();
      if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 4 ||
          std::stoi(text) < 1) {
        return core::usageError("-j takes a whole number of at least 1");
      }
      options.jobs = static_cast<unsigned>(std::stoi(text));
    } else {
      auto path = args.positional();
      if (!path) return path.error();
      options.paths.push_back(path.value());
    }
  }
  if (options.paths.empty()) return core::usageError("lint needs at least one PATH (- for standard input)");
  return options;
}

LintedFile lintOne(const Input& input, const std::string& stdinText, const engine::RuleSelection& selection,
                   bool freeTree) {
  LintedFile out;
  if (input.path == "-") {
    out.document = std::make_unique<load::Document>(load::loadText("<stdin>", stdinText));
  } else {
    auto loaded = load::loadFile(input.path);
    if (!loaded) {
      out.readError = loaded.error().message;
      return out;
    }
    out.document = std::make_unique<load::Document>(std::move(loaded).value());
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

std::vector<LintedFile> lintAll(const std::vector<Input>& inputs, const std::string& stdinText,
                                const std::vector<const FileSettings*>& settings, unsigned jobs) {
  std::vector<LintedFile> results(inputs.size());
  // Largest files first, so that no thread is left with a big one at the end while the others idle.
  std::vector<std::pair<uintmax_t, size_t>> order;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::error_code error;
    uintmax_t size = inputs[i].path == "-" ? 0 : std::filesystem::file_size(inputs[i].path, error);
    order.emplace_back(error ? 0 : size, i);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
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
  if (threads <= 1) {
    worker();
    return results;
  }
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (std::thread& thread : pool) thread.join();
  return results;
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
  auto inputs = discoverInputs(options.paths);
  if (inputs && options.templatesOnly) {
    for (Input& input : inputs.value()) input.fromDirectory = true;
  }
  if (!inputs) {
    std::cerr << "samshift lint: " << inputs.error().message << '\n';
    return kExitInputError;
  }
  auto resolved = resolveSettings(options, inputs.value());
  if (!resolved) {
    std::cerr << "samshift lint: " << resolved.error().message << '\n';
    return kExitUsage;  // a bad configuration is bad usage, as ShellCheck treats a bad rc file
  }
  const std::vector<std::shared_ptr<const FileSettings>>& settings = resolved.value();
  std::vector<const FileSettings*> settingsByInput;
  for (const auto& s : settings) settingsByInput.push_back(s.get());
  std::string stdinText;
  for (const Input& input : inputs.value()) {
    if (input.path == "-") {
      auto read = load::readLimited(std::cin, "standard input", load::kMaxInputBytes);
      if (!read) {
        std::cerr << "samshift lint: " << read.error().message << '\n';
        return kExitInputError;
      }
      stdinText = std::move(read).value();
      break;
    }
  }
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  (void)engine::Registry::instance().rules();  // sorted once here, before threads share the registry
  std::vector<LintedFile> linted = lintAll(inputs.value(), stdinText, settingsByInput, jobs);

  int exitCode = kExitClean;
  std::vector<report::FileReport> reports;
  for (size_t i = 0; i < linted.size(); ++i) {
    LintedFile& file = linted[i];
    if (file.failure) std::rethrow_exception(file.failure);
    if (file.outOfMemory) {
      std::cerr << "samshift lint: " << inputs.value()[i].path
                << ": out of memory: the input needs more memory than this process may use\n";
      exitCode = kExitInputError;
      continue;
    }
    if (!file.readError.empty()) {
      std::cerr << "samshift: " << file.readError << '\n';
      exitCode = kExitInputError;
      continue;
    }
    if (file.skipped) continue;
    if (file.result.unparsable) exitCode = kExitInputError;
    for (const core::Diagnostic& d : file.result.diagnostics) {
      if (d.severity >= settingsByInput[i]->failLevel && exitCode == kExitClean) exitCode = kExitFindings;
    }
    reports.push_back(report::FileReport{&file.document->source, file.document->source.path(),
                                         std::move(file.result.diagnostics)});
  }
  keepUntilExit(std::move(linted));  // the documents stay put: reports point at their sources
  std::ostringstream buffer;
  std::ostream& out = options.output.empty() ? std::cout : buffer;
  if (options.format == "json") {
    report::writeJson(out, reports);
  } else if (options.format == "sarif") {
    report::SarifOptions sarif;
    sarif.toolVersion = std::string(core::kVersion);
    sarif.informationUri = std::string(core::kHomepage);
    sarif.helpUriBase = std::string(core::kRuleDocsBase);
    sarif.workingDirectory = currentDirectory();
    report::writeSarif(out, reports, rulesThatRan(settings), sarif);
  } else if (options.format == "junit") {
    report::writeJunit(out, reports);
  } else if (options.format == "github") {
    report::writeGithub(out, reports, currentDirectory());
  } else {
    bool terminal = options.output.empty() && isatty(STDOUT_FILENO) != 0;
    bool color = options.color == "always" || (options.color == "auto" && terminal && !std::getenv("NO_COLOR"));
    report::writeText(out, reports, report::TextOptions{color, color || terminal});
  }
  if (!options.output.empty()) {
    if (auto written = core::writeFileAtomically(options.output, buffer.str()); !written) {
      std::cerr << "samshift lint: " << written.error().message << '\n';
      return kExitInputError;
    }
  }
  std::cout.flush();
  return exitCode;
}

}  // namespace samshift::cli
