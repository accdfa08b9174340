#include "sam/policy_templates.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "sam/embedded_data.h"

namespace samshift::sam {

using model::Node;

namespace {

// SAM renames the definition's parameter references so that a template parameter of the same
// name as a policy parameter is not substituted (template.py, _disambiguate_policy_parameter).
constexpr std::string_view kParameterPrefix = "___SAM_POLICY_PARAMETER_";
// A value CloudFormation passes for a cross-stack reference it has not resolved yet: SAM leaves
// the parameter reference in place (intrinsics/actions.py, _get_parameter_value).
constexpr std::string_view kUnresolvedPlaceholder = "{{IntrinsicFunction:";

// SAM's file, read once in place: the templates' definitions stay RapidJSON values and become
// nodes only as a template is instantiated. Reading it costs 0.76M instructions; making nodes of
// all 81 definitions as well took 1.3M more, in every process that met a policy template.
struct Table {
  std::string json;  // the text RapidJSON parsed in place, which its strings point into
  rapidjson::Document document;
  std::vector<PolicyTemplate> templates;
  std::vector<const rapidjson::Value*> definitions;  // in the order of `templates`
};

std::unique_ptr<Table> readTable() {
  auto table = std::make_unique<Table>();
  table->json = std::string(embeddedSamData("policy_templates"));
  table->document.ParseInsitu(table->json.data());
  if (table->document.HasParseError() || !table->document.IsObject()) return table;
  auto templates = table->document.FindMember("Templates");
  if (templates == table->document.MemberEnd() || !templates->value.IsObject()) return table;
  for (const auto& entry : templates->value.GetObject()) {
    if (!entry.value.IsObject()) continue;
    auto definition = entry.value.FindMember("Definition");
    if (definition == entry.value.MemberEnd()) continue;
    PolicyTemplate policyTemplate{std::string(entry.name.GetString(), entry.name.GetStringLength()),
                                  {}};
    auto parameters = entry.value.FindMember("Parameters");
    if (parameters != entry.value.MemberEnd() && parameters->value.IsObject()) {
      for (const auto& parameter : parameters->value.GetObject())
        policyTemplate.parameters.emplace_back(parameter.name.GetString(),
                                               parameter.name.GetStringLength());
    }
    table->templates.push_back(std::move(policyTemplate));
    table->definitions.push_back(&definition->value);
  }
  return table;
}

const Table& table() {
  static const std::unique_ptr<Table> kTable = readTable();
  return *kTable;
}

std::string_view text(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

bool declares(const PolicyTemplate& policyTemplate, std::string_view name) {
  return std::find(policyTemplate.parameters.begin(), policyTemplate.parameters.end(), name) !=
         policyTemplate.parameters.end();
}

// `{Ref: "<prefix>X"}` anywhere in a value: SAM would substitute inside the value it has just
// substituted, forever or in place of the user's own data.
bool refersToPolicyParameter(const Node& node) {
  if (node.isMapping()) {
    for (const model::MapEntry& entry : node.entries()) {
      if (entry.key.isString("Ref") && entry.value.isString() &&
          entry.value.text().starts_with(kParameterPrefix))
        return true;
      if (refersToPolicyParameter(entry.value)) return true;
    }
  }
  for (const Node& item : node.items()) {
    if (refersToPolicyParameter(item)) return true;
  }
  return false;
}

// SAM's resolver over the definition, which also makes the nodes: a `{Ref: P}` (one key) naming
// a declared parameter that has a value becomes that value; every other `Ref` is renamed.
Node substitute(const rapidjson::Value& definition, const PolicyTemplate& policyTemplate,
                const Node& values) {
  JsonObjectHook resolveRefs = [&](const rapidjson::Value& node) -> std::optional<Node> {
    auto ref = node.FindMember("Ref");
    if (ref == node.MemberEnd() || !ref->value.IsString()) return std::nullopt;
    if (node.MemberCount() == 1) {
      std::string_view name = text(ref->value);
      const Node* value = declares(policyTemplate, name) ? values.get(name) : nullptr;
      bool placeholder =
          value && value->isString() && value->text().starts_with(kUnresolvedPlaceholder);
      if (value && !placeholder) return *value;
    }
    Node map = Node::mapping();
    map.entries().reserve(node.MemberCount());
    for (const auto& member : node.GetObject()) {
      std::string_view key = text(member.name);
      // Every `Ref` of the definition is renamed, whether or not it is substituted.
      Node value =
          key == "Ref" && member.value.IsString()
              ? Node::string(std::string(kParameterPrefix) + std::string(text(member.value)))
              : jsonToNode(member.value, resolveRefs);
      map.entries().push_back(model::MapEntry{Node::string(std::string(key)), std::move(value)});
    }
    return map;
  };
  return jsonToNode(definition, resolveRefs);
}

}  // namespace

const std::vector<PolicyTemplate>& policyTemplates() { return table().templates; }

const PolicyTemplate* findPolicyTemplate(std::string_view name) {
  for (const PolicyTemplate& policyTemplate : policyTemplates()) {
    if (policyTemplate.name == name) return &policyTemplate;
  }
  return nullptr;
}

std::optional<std::string> policyTemplateRejection(const PolicyTemplate& policyTemplate,
                                                   const Node& values) {
  // SAM asks for a Python dict: a map that is an intrinsic (`!Ref P`) is one, of one key.
  if (!values.isMapping()) {
    return "Must specify valid parameter values for policy template '" + policyTemplate.name + "'";
  }
  std::string missing;
  for (const std::string& parameter : policyTemplate.parameters) {
    if (values.has(parameter)) continue;
    missing += (missing.empty() ? "'" : ", '") + parameter + "'";
  }
  if (missing.empty()) return std::nullopt;
  // SAM lists them from a Python set, in an order that varies from run to run; samshift keeps the
  // template's order.
  return "Following required parameters of template '" + policyTemplate.name +
         "' don't have values: [" + missing + "]";
}

std::optional<Node> instantiatePolicyTemplate(const PolicyTemplate& policyTemplate,
                                              const Node& values) {
  for (const std::string& parameter : policyTemplate.parameters) {
    const Node* value = values.get(parameter);
    if (value && refersToPolicyParameter(*value)) return std::nullopt;
  }
  const Table& templates = table();
  const PolicyTemplate* first = templates.templates.data();
  std::less<const PolicyTemplate*> before;
  if (before(&policyTemplate, first) ||
      !before(&policyTemplate, first + templates.definitions.size()))
    return std::nullopt;
  return substitute(*templates.definitions[&policyTemplate - first], policyTemplate, values);
}

}  // namespace samshift::sam
