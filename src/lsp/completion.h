#pragma once
// Completion from the buffer's text around the cursor (the buffer is often mid-edit and does not
// parse) plus the names of the last version of the buffer that did parse.

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace samshift::lsp {

// Names a template defines, remembered from the last successful parse of a buffer.
struct TemplateNames {
  struct Resource {
    std::string id;
    std::string type;
    bool publishesAlias = false;  // a serverless function or state machine with AutoPublishAlias
  };
  std::vector<Resource> resources;
  std::vector<std::string> parameters;
  // Custom AWS::CodeDeploy::DeploymentConfig resources: logical id and DeploymentConfigName (when a
  // string).
  std::vector<std::pair<std::string, std::string>> deploymentConfigs;
};

TemplateNames namesOf(const model::Document& document);

// LSP CompletionItemKind values we use.
enum class ItemKind {
  kProperty = 10,
  kValue = 12,
  kEnumMember = 20,
  kReference = 18,
  kVariable = 6
};

struct CompletionItem {
  std::string label;
  ItemKind kind = ItemKind::kValue;
  std::string detail;
  std::string insertText;  // empty: the label
  std::string documentation;
};

struct CompletionContext {
  enum class Kind { kNone, kDeploymentType, kDeploymentPreferenceKey, kHooksKey, kRef, kGetAtt };
  Kind kind = Kind::kNone;
  std::string prefix;  // the word typed so far
};

// What kind of completion fits at `offset` of `text` (YAML block or flow style, JSON for refs).
CompletionContext completionContext(std::string_view text, uint32_t offset);

std::vector<CompletionItem> completeAt(std::string_view text, uint32_t offset,
                                       const TemplateNames& names);

}  // namespace samshift::lsp
