#include "lsp/completion.h"

#include <re2/re2.h>

#include "core/source_file.h"
#include "model/intrinsics.h"
#include "model/template.h"
#include "plan/schedule.h"
#include "sam/deployment_configs.h"

namespace samshift::lsp {

namespace {

struct KeyDoc {
  std::string_view key;
  std::string_view doc;
};

constexpr KeyDoc kPreferenceKeys[] = {
    {"Type",
     "How traffic shifts: a predefined configuration (Canary10Percent5Minutes, …) or a custom one"},
    {"Enabled", "false turns the gradual deployment off (the alias then moves at once)"},
    {"Hooks", "PreTraffic / PostTraffic validation functions"},
    {"Alarms", "CloudWatch alarms that roll the deployment back when they fire"},
    {"Role", "The CodeDeploy service role (default: one SAM creates)"},
    {"TriggerConfigurations", "SNS notifications for deployment events"},
    {"PassthroughCondition", "true: the deployment group gets the function's Condition"},
};

constexpr KeyDoc kHookKeys[] = {
    {"PreTraffic", "A Lambda function CodeDeploy runs before shifting any traffic"},
    {"PostTraffic", "A Lambda function CodeDeploy runs after all traffic has shifted"},
};

constexpr std::string_view kPseudoParameters[] = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
    "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix",
};

size_t indentOf(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  // A sequence item's content is indented past its dash.
  if (n < line.size() && line[n] == '-' && (n + 1 == line.size() || line[n + 1] == ' ')) {
    ++n;
    while (n < line.size() && line[n] == ' ') ++n;
  }
  return n;
}

std::string_view trimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

// The keys of the block mappings enclosing a line, outermost first, found by indentation.
std::vector<std::string> enclosingKeys(std::string_view text, size_t lineStart, size_t indent) {
  static const RE2 kKeyOnly(R"(^\s*(?:-\s+)?["']?([^\s:#"'{}\[\]]+)["']?\s*:\s*(?:#.*)?$)");
  std::vector<std::string> keys;
  size_t limit = indent;
  size_t end = lineStart;  // the start of the line below the one examined next
  while (end > 0 && limit > 0) {
    size_t lineEnd = end - 1;  // where the break that ends the line examined starts
    if (lineEnd > 0 && text[lineEnd] == '\n' && text[lineEnd - 1] == '\r') --lineEnd;
    size_t begin = core::lineStartAt(text, lineEnd);
    std::string_view line = trimRight(text.substr(begin, lineEnd - begin));
    end = begin;
    size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos || line[first] == '#') continue;
    if (indentOf(line) >= limit) continue;
    std::string key;
    if (RE2::FullMatch(line, kKeyOnly, &key)) keys.insert(keys.begin(), key);
    // The parent of a `- Key:` item is left of its dash.
    limit = first;
  }
  return keys;
}

bool endsWithKeys(const std::vector<std::string>& keys,
                  std::initializer_list<std::string_view> suffix) {
  if (suffix.size() > keys.size()) return false;
  size_t i = keys.size() - suffix.size();
  for (std::string_view key : suffix) {
    if (keys[i++] != key) return false;
  }
  return true;
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

TemplateNames namesOf(const model::Document& document) {
  TemplateNames names;
  if (!document.parsed) return names;
  model::Template templ(document.root);
  for (const model::ResourceView& resource : templ.resources()) {
    bool publishes = (resource.type == "AWS::Serverless::Function" ||
                      resource.type == "AWS::Serverless::StateMachine") &&
                     resource.property("AutoPublishAlias") != nullptr;
    names.resources.push_back(
        TemplateNames::Resource{std::string(resource.id), std::string(resource.type), publishes});
    if (resource.type == "AWS::CodeDeploy::DeploymentConfig") {
      const model::Node* name = resource.property("DeploymentConfigName");
      names.deploymentConfigs.emplace_back(std::string(resource.id),
                                           name && name->isString() ? name->text() : std::string());
    }
  }
  if (const model::Node* parameters = templ.parameters(); parameters && parameters->isMapping()) {
    for (const model::MapEntry& entry : parameters->entries())
      names.parameters.push_back(entry.key.text());
  }
  return names;
}

CompletionContext completionContext(std::string_view text, uint32_t offset) {
  // `!Ref X`, `Ref: X`, `"Ref": "X`, and `${X` inside an Fn::Sub string.
  static const RE2 kRef(R"((?:!Ref\s+|\bRef["']?\s*:\s*["']?|\$\{)([A-Za-z0-9_:.]*)$)");
  static const RE2 kGetAtt(R"((?:!GetAtt\s+|Fn::GetAtt["']?\s*:\s*\[?\s*["']?)([A-Za-z0-9_]*)$)");
  static const RE2 kValue(
      R"(^\s*(?:-\s+)?["']?([A-Za-z0-9_:]+)["']?\s*:\s*["']?([A-Za-z0-9_.]*)$)");
  static const RE2 kKey(R"(^\s*(?:-\s+)?([A-Za-z0-9_]*)$)");

  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  size_t lineStart = core::lineStartAt(text, offset);
  std::string_view before = text.substr(lineStart, offset - lineStart);

  CompletionContext context;
  std::string word;
  if (RE2::PartialMatch(before, kRef, &word)) {
    return CompletionContext{CompletionContext::Kind::kRef, word};
  }
  if (RE2::PartialMatch(before, kGetAtt, &word)) {
    return CompletionContext{CompletionContext::Kind::kGetAtt, word};
  }
  std::string key;
  if (RE2::FullMatch(before, kValue, &key, &word)) {
    if (key == "Type" &&
        endsWithKeys(enclosingKeys(text, lineStart, indentOf(before)), {"DeploymentPreference"})) {
      return CompletionContext{CompletionContext::Kind::kDeploymentType, word};
    }
    return context;
  }
  if (RE2::FullMatch(before, kKey, &word)) {
    std::vector<std::string> keys = enclosingKeys(text, lineStart, indentOf(before));
    if (endsWithKeys(keys, {"DeploymentPreference"}))
      return {CompletionContext::Kind::kDeploymentPreferenceKey, word};
    if (endsWithKeys(keys, {"DeploymentPreference", "Hooks"}))
      return {CompletionContext::Kind::kHooksKey, word};
  }
  return context;
}

std::vector<CompletionItem> completeAt(std::string_view text, uint32_t offset,
                                       const TemplateNames& names) {
  CompletionContext context = completionContext(text, offset);
  std::vector<CompletionItem> items;
  auto keep = [&](const std::string& label) { return startsWith(label, context.prefix); };
  switch (context.kind) {
    case CompletionContext::Kind::kNone:
      break;
    case CompletionContext::Kind::kDeploymentType:
      for (const sam::LambdaDeploymentConfig& config : sam::lambdaDeploymentConfigs()) {
        std::string label(config.name);
        if (!keep(label)) continue;
        items.push_back(CompletionItem{label, ItemKind::kEnumMember,
                                       plan::describeSchedule(config.schedule), "",
                                       config.fullName()});
      }
      for (const auto& [id, configName] : names.deploymentConfigs) {
        if (keep(id)) {
          items.push_back(CompletionItem{id, ItemKind::kReference,
                                         "custom AWS::CodeDeploy::DeploymentConfig", "!Ref " + id,
                                         ""});
        }
        if (!configName.empty() && keep(configName)) {
          items.push_back(CompletionItem{configName, ItemKind::kValue,
                                         "DeploymentConfigName of " + id, "", ""});
        }
      }
      break;
    case CompletionContext::Kind::kDeploymentPreferenceKey:
    case CompletionContext::Kind::kHooksKey: {
      bool hooks = context.kind == CompletionContext::Kind::kHooksKey;
      const KeyDoc* begin = hooks ? std::begin(kHookKeys) : std::begin(kPreferenceKeys);
      const KeyDoc* end = hooks ? std::end(kHookKeys) : std::end(kPreferenceKeys);
      for (const KeyDoc* key = begin; key != end; ++key) {
        std::string label(key->key);
        if (!keep(label)) continue;
        items.push_back(
            CompletionItem{label, ItemKind::kProperty, std::string(key->doc), label + ": ", ""});
      }
      break;
    }
    case CompletionContext::Kind::kRef:
      for (const std::string& parameter : names.parameters) {
        if (keep(parameter))
          items.push_back(CompletionItem{parameter, ItemKind::kVariable, "parameter", "", ""});
      }
      for (const TemplateNames::Resource& resource : names.resources) {
        if (keep(resource.id))
          items.push_back(CompletionItem{resource.id, ItemKind::kReference, resource.type, "", ""});
        if (resource.publishesAlias) {
          for (std::string_view suffix : {".Alias", ".Version"}) {
            std::string label = resource.id + std::string(suffix);
            if (keep(label)) {
              items.push_back(CompletionItem{label, ItemKind::kReference,
                                             std::string("generated by SAM from ") + resource.id,
                                             "", ""});
            }
          }
        }
      }
      for (std::string_view pseudo : kPseudoParameters) {
        std::string label(pseudo);
        if (keep(label))
          items.push_back(CompletionItem{label, ItemKind::kVariable, "pseudo parameter", "", ""});
      }
      break;
    case CompletionContext::Kind::kGetAtt:
      for (const TemplateNames::Resource& resource : names.resources) {
        if (keep(resource.id))
          items.push_back(CompletionItem{resource.id, ItemKind::kReference, resource.type, "", ""});
      }
      break;
  }
  return items;
}

}  // namespace samshift::lsp
