#include <iostream>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/version.h"
#include "engine/registry.h"
#include "report/rules_man_format.h"
#include "report/rules_markdown_format.h"

namespace samshift::cli {

namespace {

constexpr const char* kRulesUsage = R"(usage: samshift rules [--format text|json|markdown|man]

Lists every rule: code, default severity, slug and summary. `--format markdown` prints every
rule's documentation (docs/rules.md is this), `--format man` the samshift-rules(7) page.
)";

constexpr const char* kRuleUsage = R"(usage: samshift rule CODE

Shows the documentation of one rule, by code (D002) or slug (unknown-deployment-type).
)";

void writeRulesJson(std::ostream& out) {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer(stream);
  writer.SetIndent(' ', 2);
  writer.StartArray();
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    const engine::RuleInfo& info = rule->info();
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
  writer.EndArray();
  out << '\n';
}

}  // namespace

int runRules(std::vector<std::string> argv) {
  Arguments args(std::move(argv));
  std::string format = "text";
  while (!args.done()) {
    if (args.flag({"-h", "--help"})) {
      std::cout << kRulesUsage;
      return kExitClean;
    }
    if (auto value = args.option({"-f", "--format"})) {
      if (!*value || (value->value() != "text" && value->value() != "json" && value->value() != "man" &&
                      value->value() != "markdown")) {
        std::cerr << "samshift rules: --format takes text, json, markdown or man\n";
        return kExitUsage;
      }
      format = value->value();
      continue;
    }
    std::cerr << "samshift rules: unexpected argument " << args.current() << '\n';
    return kExitUsage;
  }
  if (format == "json") {
    writeRulesJson(std::cout);
    return kExitClean;
  }
  if (format == "markdown") {
    std::vector<const engine::RuleInfo*> infos;
    for (const engine::Rule* rule : engine::Registry::instance().rules()) infos.push_back(&rule->info());
    report::writeRulesMarkdown(std::cout, infos);
    return kExitClean;
  }
  if (format == "man") {
    std::vector<const engine::RuleInfo*> infos;
    for (const engine::Rule* rule : engine::Registry::instance().rules()) infos.push_back(&rule->info());
    report::writeRulesMan(std::cout, infos, core::kVersion);
    return kExitClean;
  }
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    const engine::RuleInfo& info = rule->info();
    std::string severity(core::severityName(info.severity));
    std::string slug(info.slug);
    slug.resize(std::max<size_t>(slug.size(), 32), ' ');
    severity.resize(8, ' ');
    std::cout << info.code << "  " << severity << slug << ' ' << info.summary << '\n';
  }
  return kExitClean;
}

int runRule(std::vector<std::string> argv) {
  if (argv.size() != 1 || argv[0] == "-h" || argv[0] == "--help") {
    (argv.size() == 1 ? std::cout : std::cerr) << kRuleUsage;
    return argv.size() == 1 ? kExitClean : kExitUsage;
  }
  const engine::Rule* rule = engine::Registry::instance().find(argv[0]);
  if (!rule) {
    std::cerr << "samshift rule: no rule named " << argv[0] << " (see samshift rules)\n";
    return kExitUsage;
  }
  report::writeRuleMarkdown(std::cout, rule->info());
  return kExitClean;
}

}  // namespace samshift::cli
