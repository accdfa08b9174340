#include "config/config.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/registry.h"
#include "engine/suppression.h"
#include "load/loader.h"

namespace samshift::config {

namespace {

namespace fs = std::filesystem;
using model::MapEntry;
using model::Node;

constexpr const char* kKeys =
    "select, ignore, severity, fail-level, exclude, report-unused-suppressions, region, "
    "strict-uris, options";

// Builds "path:line:col: message" errors for nodes of one configuration file.
class Errors {
 public:
  explicit Errors(const model::Document& document) : document_(document) {}

  core::Error at(core::Span span, const std::string& message) const {
    core::Position at = document_.source.position(span.known() ? span.begin : 0);
    return core::configError(document_.source.path() + ":" + std::to_string(at.line) + ":" +
                             std::to_string(at.column) + ": " + message);
  }
  core::Error at(const Node& node, const std::string& message) const {
    return at(node.span(), message);
  }

 private:
  const model::Document& document_;
};

// A list of strings, or one string.
core::Result<std::vector<const Node*>> stringList(const Node& value, const std::string& key,
                                                  const Errors& errors) {
  std::vector<const Node*> items;
  if (value.isString()) {
    items.push_back(&value);
    return items;
  }
  if (!value.isSequence()) return errors.at(value, "`" + key + "` must be a list of strings");
  for (const Node& item : value.items()) {
    if (!item.isString() || item.text().empty()) {
      return errors.at(item, "`" + key + "` must be a list of strings");
    }
    items.push_back(&item);
  }
  return items;
}

// Rule codes, prefixes or slugs: a list, or one string of comma-separated names. Empty (`[]`,
// `""`) is an empty list, which for `ignore` skips nothing and for `select` runs nothing.
core::Result<std::vector<std::string>> ruleList(const Node& value, const std::string& key,
                                                const Errors& errors) {
  std::vector<std::pair<std::string, const Node*>> names;
  if (value.isString()) {
    for (std::string& name : engine::splitRuleList(value.text()))
      names.emplace_back(std::move(name), &value);
  } else {
    auto items = stringList(value, key, errors);
    if (!items) return items.error();
    for (const Node* item : items.value()) names.emplace_back(item->text(), item);
  }
  std::vector<std::string> codes;
  for (auto& [name, node] : names) {
    if (auto unknown = engine::unknownRuleName(name, "`" + key + "`"))
      return errors.at(*node, *unknown);
    codes.push_back(std::move(name));
  }
  return codes;
}

core::Result<core::Severity> severityValue(const Node& value, const std::string& key,
                                           const Errors& errors) {
  core::Severity severity;
  if (!value.isString() || !core::parseSeverity(value.text(), severity)) {
    return errors.at(value, "`" + key + "` must be error, warning or info");
  }
  return severity;
}

const engine::Rule* exactRule(const Node& key, const Errors& errors, const std::string& section,
                              core::Error& error) {
  const engine::Rule* rule =
      key.isString() ? engine::Registry::instance().find(key.text()) : nullptr;
  if (!rule)
    error = errors.at(key, "`" + key.text() + "` in `" + section + "` is not a rule code or slug");
  return rule;
}

std::string_view typeName(engine::OptionType type) {
  switch (type) {
    case engine::OptionType::kInteger:
      return "an integer";
    case engine::OptionType::kBoolean:
      return "true or false";
    case engine::OptionType::kString:
      return "a string";
    case engine::OptionType::kStringList:
      return "a list of strings";
  }
  return "a value";
}

core::Result<engine::RuleOptions::Value> optionValue(const engine::OptionSpec& spec,
                                                     const Node& value, const std::string& where,
                                                     const Errors& errors) {
  switch (spec.type) {
    case engine::OptionType::kInteger:
      if (value.isInt()) return engine::RuleOptions::Value(value.intValue());
      break;
    case engine::OptionType::kBoolean:
      if (value.isBool()) return engine::RuleOptions::Value(value.boolValue());
      break;
    case engine::OptionType::kString:
      if (value.isString()) return engine::RuleOptions::Value(value.text());
      break;
    case engine::OptionType::kStringList: {
      auto items = stringList(value, where, errors);
      if (!items) return items.error();
      std::vector<std::string> texts;
      for (const Node* item : items.value()) texts.push_back(item->text());
      return engine::RuleOptions::Value(std::move(texts));
    }
  }
  return errors.at(value, "`" + where + "` must be " + std::string(typeName(spec.type)));
}

core::Status readOptions(const Node& value, Config& config, const Errors& errors) {
  if (!value.isMapping()) return errors.at(value, "`options` must map rule codes to their options");
  for (const MapEntry& ruleEntry : value.entries()) {
    core::Error error;
    const engine::Rule* rule = exactRule(ruleEntry.key, errors, "options", error);
    if (!rule) return error;
    std::string code(rule->info().code);
    if (!ruleEntry.value.isMapping()) {
      return errors.at(ruleEntry.value, "`options." + ruleEntry.key.text() + "` must be a mapping");
    }
    std::vector<engine::OptionSpec> specs = rule->optionSpecs();
    for (const MapEntry& option : ruleEntry.value.entries()) {
      const std::string& name = option.key.text();
      auto spec = std::find_if(specs.begin(), specs.end(),
                               [&](const engine::OptionSpec& s) { return s.name == name; });
      if (spec == specs.end()) {
        std::string known;
        for (const engine::OptionSpec& s : specs)
          known += (known.empty() ? "" : ", ") + std::string(s.name);
        return errors.at(option.key,
                         "rule " + code + " has no option `" + name + "`" +
                             (known.empty() ? " (it takes none)" : " (it takes: " + known + ")"));
      }
      auto parsed =
          optionValue(*spec, option.value, "options." + ruleEntry.key.text() + "." + name, errors);
      if (!parsed) return parsed.error();
      config.selection.options.set(code, name, std::move(parsed).value());
    }
  }
  return core::okStatus();
}

core::Status readEntry(const MapEntry& entry, Config& config, const Errors& errors) {
  const std::string& key = entry.key.text();
  const Node& value = entry.value;
  if (key == "select" || key == "ignore") {
    auto codes = ruleList(value, key, errors);
    if (!codes) return codes.error();
    if (key == "select") {
      config.selection.selectOnly(std::move(codes).value());
    } else {
      config.selection.ignore = std::move(codes).value();
    }
  } else if (key == "severity") {
    if (!value.isMapping())
      return errors.at(value, "`severity` must map rule codes to error, warning or info");
    for (const MapEntry& item : value.entries()) {
      core::Error error;
      const engine::Rule* rule = exactRule(item.key, errors, "severity", error);
      if (!rule) return error;
      auto severity = severityValue(item.value, "severity." + item.key.text(), errors);
      if (!severity) return severity.error();
      config.selection.severity[std::string(rule->info().code)] = severity.value();
    }
  } else if (key == "fail-level") {
    auto severity = severityValue(value, key, errors);
    if (!severity) return severity.error();
    config.failLevel = severity.value();
  } else if (key == "exclude") {
    auto patterns = stringList(value, key, errors);
    if (!patterns) return patterns.error();
    for (const Node* pattern : patterns.value()) {
      std::string why;
      std::unique_ptr<Glob> glob = Glob::compile(pattern->text(), why);
      if (!glob)
        return errors.at(*pattern, "bad `exclude` pattern `" + pattern->text() + "`: " + why);
      config.exclude.push_back(std::move(glob));
    }
  } else if (key == "report-unused-suppressions") {
    if (!value.isBool())
      return errors.at(value, "`report-unused-suppressions` must be true or false");
    config.reportUnusedSuppressions = value.boolValue();
  } else if (key == "region") {
    if (!value.isString() || value.text().empty())
      return errors.at(value, "`region` must be a region name (us-east-1)");
    config.selection.region = value.text();
  } else if (key == "strict-uris") {
    if (!value.isBool()) return errors.at(value, "`strict-uris` must be true or false");
    config.selection.strictUris = value.boolValue();
  } else if (key == "options") {
    return readOptions(value, config, errors);
  } else {
    return errors.at(entry.key, "unknown key `" + key + "` (expected one of: " + kKeys + ")");
  }
  return core::okStatus();
}

core::Result<Config> fromDocument(const model::Document& document) {
  const std::string& path = document.source.path();
  Errors errors(document);
  for (const model::LoadProblem& problem : document.problems)
    return errors.at(problem.span, problem.message);
  Config config;
  config.path = path;
  std::error_code error;
  config.directory =
      fs::absolute(fs::path(path), error).lexically_normal().parent_path().generic_string();
  if (error)
    return core::configError("cannot resolve the directory of " + path + ": " + error.message());
  if (document.root.isNull()) return config;  // an empty file: the defaults
  if (!document.root.isMapping()) {
    return errors.at(document.root,
                     "the configuration must be a mapping (keys: " + std::string(kKeys) + ")");
  }
  for (const MapEntry& entry : document.root.entries()) {
    if (auto status = readEntry(entry, config, errors); !status) return status.error();
  }
  if (config.reportUnusedSuppressions)
    config.selection.enable.push_back(std::string(engine::kUnusedSuppressionCode));
  return config;
}

}  // namespace

bool Config::excludes(const std::string& file) const {
  if (exclude.empty() || directory.empty()) return false;
  std::error_code error;
  fs::path absolute = fs::absolute(fs::path(file), error).lexically_normal();
  if (error) return false;
  fs::path relative = absolute.lexically_relative(fs::path(directory));
  std::string text = relative.generic_string();
  if (text.empty() || text == "." || text.rfind("..", 0) == 0)
    return false;  // outside its directory
  return std::any_of(exclude.begin(), exclude.end(),
                     [&](const auto& glob) { return glob->matches(text); });
}

core::Result<Config> parseConfig(const std::string& path, const std::string& text) {
  return fromDocument(load::loadText(path, text));
}

core::Result<Config> loadConfig(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error))
    return core::configError(path + ": is a directory, not a configuration file");
  auto document = load::loadFile(path);
  if (!document) return core::configError(document.error().message);
  return fromDocument(document.value());
}

std::optional<std::string> findConfig(const std::string& directory) {
  std::error_code error;
  fs::path dir =
      fs::absolute(fs::path(directory.empty() ? "." : directory), error).lexically_normal();
  if (error) return std::nullopt;
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, error)) return candidate.generic_string();
    // A repository's root holds `.git` (a directory, or a file in a worktree or submodule): a
    // configuration above it belongs to something else and never applies.
    if (fs::exists(dir / ".git", error)) return std::nullopt;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace samshift::config
