#include <functional>
#include <iostream>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/shared_options.h"
#include "core/version.h"
#include "engine/registry.h"
#include "report/rules_man_format.h"
#include "report/rules_markdown_format.h"

namespace samshift::cli {

namespace {

constexpr const char* kRulesUsage = R"(usage: samshift rules [-f text|json|markdown|man] [-o FILE]

Lists every rule: code, default severity, slug and summary. `--format markdown` prints every
rule's documentation (docs/rules.md is this), `--format man` the samshift-rules(7) page.
`-o FILE` writes to FILE instead of standard output (a file is replaced whole).
)";

constexpr const char* kRuleUsage = R"(usage: samshift rule [-f markdown|json] [-o FILE] CODE

Shows the documentation of one rule, by code (D002) or slug (unknown-deployment-type):
as markdown (the default), or as the object `samshift rules -f json` lists for it.
)";

void writeRuleJson(rapidjson::PrettyWriter<rapidjson::OStreamWrapper>& writer,
                   const engine::RuleInfo& info) {
  writer.StartObject();
  writer.Key("code");
  writer.String(info.code.data(), static_cast<rapidjson::SizeType>(info.code.size()));
  writer.Key("slug");
  writer.String(info.slug.data(), static_cast<rapidjson::SizeType>(info.slug.size()));
  writer.Key("severity");
  writer.String(std::string(core::severityName(info.severity)).c_str());
  writer.Key("summary");
  writer.String(info.summary.data(), static_cast<rapidjson::SizeType>(info.summary.size()));
  writer.Key("doc");
  writer.String(info.doc.data(), static_cast<rapidjson::SizeType>(info.doc.size()));
  writer.EndObject();
}

// Every rule as an array (`rules -f json`), or one rule as an object (`rule -f json`).
void writeRulesJson(std::ostream& out, const std::vector<const engine::RuleInfo*>& infos,
                    bool asArray) {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer(stream);
  writer.SetIndent(' ', 2);
  if (asArray) writer.StartArray();
  for (const engine::RuleInfo* info : infos) writeRuleJson(writer, *info);
  if (asArray) writer.EndArray();
  out << '\n';
}

constexpr std::string_view kFormats[] = {"text", "json", "markdown", "man"};
constexpr SharedOptionSet kRulesOptions{kFormats};
constexpr std::string_view kRuleFormats[] = {"markdown", "json"};
constexpr SharedOptionSet kRuleOptions{kRuleFormats};

void writeRules(std::ostream& out, const std::string& format) {
  std::vector<const engine::RuleInfo*> infos;
  for (const engine::Rule* rule : engine::Registry::instance().rules())
    infos.push_back(&rule->info());
  if (format == "json") {
    writeRulesJson(out, infos, true);
  } else if (format == "markdown") {
    report::writeRulesMarkdown(out, infos);
  } else if (format == "man") {
    report::writeRulesMan(out, infos, core::kVersion);
  } else {
    for (const engine::RuleInfo* info : infos) {
      std::string severity(core::severityName(info->severity));
      std::string slug(info->slug);
      slug.resize(std::max<size_t>(slug.size(), 32), ' ');
      severity.resize(8, ' ');
      out << info->code << "  " << severity << slug << ' ' << info->summary << '\n';
    }
  }
}

int ruleUsage(const std::string& message) {
  std::cerr << "samshift rule: " << message << "\n" << kRuleUsage;
  return kExitUsage;
}

// Writes through the shared output: standard output or -o FILE, every write checked.
int writeTo(const char* command, const std::string& path,
            const std::function<void(std::ostream&)>& write) {
  auto output = Output::open(path, {});
  if (!output) return reportError(command, output.error());
  write((*output)->stream());
  if (auto closed = (*output)->close(); !closed) return reportError(command, closed.error());
  return kExitClean;
}

}  // namespace

int runRules(std::vector<std::string> argv) {
  Arguments args(std::move(argv));
  SharedOptions options(kRulesOptions);
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      std::cout << kRulesUsage;
      return kExitClean;
    }
    if (auto status = readSharedOption(args, kRulesOptions, options)) {
      if (!*status) return reportError("rules", status->error());
      continue;
    }
    std::cerr << "samshift rules: unexpected argument " << args.current() << '\n';
    return kExitUsage;
  }
  return writeTo("rules", options.output,
                 [&](std::ostream& out) { writeRules(out, options.format); });
}

int runRule(std::vector<std::string> argv) {
  Arguments args(std::move(argv));
  SharedOptions options(kRuleOptions);
  std::string name;
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      std::cout << kRuleUsage;
      return kExitClean;
    }
    if (auto status = readSharedOption(args, kRuleOptions, options)) {
      if (!*status) return reportError("rule", status->error());
      continue;
    }
    auto positional = args.positional();
    if (!positional) return ruleUsage(positional.error().message);
    if (!name.empty()) return ruleUsage("one CODE only");
    name = positional.value();
  }
  if (name.empty()) return ruleUsage("a CODE is required");
  const engine::Rule* rule = engine::Registry::instance().find(name);
  if (!rule) {
    std::cerr << "samshift rule: no rule named " << name << " (see samshift rules)\n";
    return kExitUsage;
  }
  return writeTo("rule", options.output, [&](std::ostream& out) {
    if (options.format == "json") {
      writeRulesJson(out, {&rule->info()}, false);
    } else {
      report::writeRuleMarkdown(out, rule->info());
    }
  });
}

}  // namespace samshift::cli
