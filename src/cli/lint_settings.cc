#include "cli/lint_settings.h"

#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "core/path_names.h"
#include "engine/registry.h"
#include "engine/suppression.h"
#include "report/relative_path.h"

namespace samshift::cli {

std::string currentDirectory() {
  std::error_code error;
  std::string directory = std::filesystem::current_path(error).generic_string();
  return error ? std::string() : directory;
}

namespace {

FileSettings settingsFor(const LintOptions& options, std::shared_ptr<const config::Config> config) {
  FileSettings settings;
  if (config) {
    settings.selection = config->selection;
    if (config->failLevel) settings.failLevel = *config->failLevel;
  }
  if (options.select) settings.selection.selectOnly(*options.select);
  if (options.ignore) settings.selection.ignore = *options.ignore;
  if (options.failLevel) settings.failLevel = *options.failLevel;
  if (options.region) settings.selection.region = *options.region;
  if (options.strictUris) settings.selection.strictUris = true;
  if (options.reportUnusedSuppressions) {
    settings.selection.enable.push_back(std::string(engine::kUnusedSuppressionCode));
  }
  settings.config = std::move(config);
  return settings;
}

}  // namespace

core::Result<std::vector<std::shared_ptr<const FileSettings>>> resolveSettings(
    const LintOptions& options, std::vector<Input>& inputs) {
  std::map<std::string, std::shared_ptr<const FileSettings>> byConfig;  // "" = no configuration
  auto settingsOf =
      [&](const std::string& configPath) -> core::Result<std::shared_ptr<const FileSettings>> {
    if (auto found = byConfig.find(configPath); found != byConfig.end()) return found->second;
    std::shared_ptr<const config::Config> loaded;
    if (!configPath.empty()) {
      auto config = config::loadConfig(configPath);
      if (!config) return config.error();
      loaded = std::make_shared<const config::Config>(std::move(config).value());
    }
    auto settings = std::make_shared<const FileSettings>(settingsFor(options, std::move(loaded)));
    byConfig.emplace(configPath, settings);
    return settings;
  };
  std::map<std::string, std::string> configOfDirectory;
  std::vector<Input> kept;
  std::vector<std::shared_ptr<const FileSettings>> out;
  for (Input& input : inputs) {
    std::string configPath = options.configPath;
    if (configPath.empty()) {
      std::string directory = input.path == "-" ? "." : core::directoryOf(input.path);
      auto cached = configOfDirectory.find(directory);
      if (cached == configOfDirectory.end()) {
        // Named relative to the working directory when below it, for shorter error messages.
        std::string found = config::findConfig(directory).value_or("");
        if (std::string relative = report::relativePath(found, currentDirectory());
            !found.empty() && relative.rfind("..", 0) != 0) {
          found = relative;
        }
        cached = configOfDirectory.emplace(directory, found).first;
      }
      configPath = cached->second;
    }
    auto settings = settingsOf(configPath);
    if (!settings) return settings.error();
    const auto& config = settings.value()->config;
    if (input.path != "-" && config && config->excludes(input.path)) continue;
    kept.push_back(std::move(input));
    out.push_back(std::move(settings).value());
  }
  inputs = std::move(kept);
  return out;
}

std::vector<const engine::RuleInfo*> rulesThatRan(
    const std::vector<std::shared_ptr<const FileSettings>>& settings) {
  std::set<const FileSettings*> distinct;
  for (const auto& s : settings) distinct.insert(s.get());
  std::vector<const engine::RuleInfo*> rules;
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    const engine::RuleInfo& info = rule->info();
    for (const FileSettings* s : distinct) {
      if (s->selection.enabled(info)) {
        rules.push_back(&info);
        break;
      }
    }
  }
  return rules;
}

}  // namespace samshift::cli
