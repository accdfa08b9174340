#include "schema/validator.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <sstream>

#include "load/loader.h"
#include "schema/node_adapter.h"
#include "schema/valijson.h"

namespace samshift::schema {

using model::Node;

struct Schema::Impl {
  model::Document document;  // the schema as a node tree: for the words of the messages
  valijson::Schema compiled;
};

core::Result<Schema> Schema::parse(std::string_view json, std::string_view name) {
  auto impl = std::make_shared<Impl>();
  impl->document = load::loadText(std::string(name) + ".json", std::string(json));
  if (!impl->document.parsed || !impl->document.root.isMapping()) {
    return core::Error{core::ErrorKind::kInternal,
                       "schema " + std::string(name) + " is not a JSON object"};
  }
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(NodeAdapter(impl->document.root), impl->compiled);
  } catch (const std::exception& error) {
    return core::Error{core::ErrorKind::kInternal,
                       "schema " + std::string(name) + ": " + error.what()};
  }
  Schema schema;
  schema.impl_ = std::move(impl);
  return schema;
}

namespace {

// A step of valijson's error context ("[Name]" or "[3]").
std::string stepName(const std::string& step) {
  if (step.size() >= 2 && step.front() == '[' && step.back() == ']')
    return step.substr(1, step.size() - 2);
  return step;
}

bool startsWith(const std::string& text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
}

// The schema that applies at an instance path, following properties/items and local $refs.
const Node* schemaAt(const Node& root, const std::vector<std::string>& path) {
  auto deref = [&](const Node* node) {
    for (int guard = 0; node && guard < 8; ++guard) {
      const Node* ref = node->get("$ref");
      if (!ref || !ref->isString() || !startsWith(ref->text(), "#/")) break;
      const Node* target = &root;
      std::stringstream parts(ref->text().substr(2));
      std::string part;
      while (target && std::getline(parts, part, '/')) target = target->get(part);
      node = target;
    }
    return node;
  };
  const Node* node = deref(&root);
  for (const std::string& step : path) {
    if (!node) return nullptr;
    const Node* next = nullptr;
    if (const Node* properties = node->get("properties")) next = properties->get(step);
    if (!next) {
      const Node* items = node->get("items");
      if (items && items->isMapping() && !step.empty() &&
          std::isdigit(static_cast<unsigned char>(step[0]))) {
        next = items;
      }
    }
    if (!next) {
      const Node* additional = node->get("additionalProperties");
      if (additional && additional->isMapping()) next = additional;
    }
    node = deref(next);
  }
  return node;
}

std::string typeWords(const Node& type) {
  auto one = [](const std::string& name) -> std::string {
    if (name == "array") return "a list";
    if (name == "object") return "a mapping";
    if (name == "boolean") return "a boolean";
    if (name == "integer") return "an integer";
    if (name == "number") return "a number";
    if (name == "string") return "a string";
    if (name == "null") return "null";
    return name;
  };
  if (type.isString()) return one(type.text());
  std::string words;
  for (size_t i = 0; i < type.items().size(); ++i) {
    if (i) words += i + 1 == type.items().size() ? " or " : ", ";
    words += one(type.items()[i].text());
  }
  return words;
}

std::string kindWords(const Node& node) {
  switch (node.kind()) {
    case model::NodeKind::kNull:
      return "null";
    case model::NodeKind::kBool:
      return "a boolean";
    case model::NodeKind::kInt:
      return "an integer";
    case model::NodeKind::kFloat:
      return "a number";
    case model::NodeKind::kString:
      return "a string";
    case model::NodeKind::kSequence:
      return "a list";
    case model::NodeKind::kMapping:
      return "a mapping";
  }
  return "a value";
}

std::string numberText(const Node& node) {
  if (node.isScalar()) return node.text();
  return "?";
}

std::string quoted(const std::string& text) { return "`" + text + "`"; }

std::string describe(const valijson::ValidationResults::Error& error, const Node& instance,
                     const Node* schema, const std::string& name) {
  const std::string& text = error.description;
  const std::string key = quoted(name);
  if (startsWith(text, "Value type not permitted")) {
    const Node* type = schema ? schema->get("type") : nullptr;
    if (type) return key + " must be " + typeWords(*type) + ", not " + kindWords(instance);
  }
  if (startsWith(text, "Missing required property '")) {
    std::string property = text.substr(27, text.find('\'', 27) - 27);
    return key + " has no " + quoted(property);
  }
  if (startsWith(text, "Failed to match against any enum values")) {
    const Node* values = schema ? schema->get("enum") : nullptr;
    if (values && values->isSequence()) {
      std::string list;
      for (size_t i = 0; i < values->items().size(); ++i)
        list += (i ? ", " : "") + quoted(values->items()[i].text());
      std::string actual = instance.isScalar() ? " " + quoted(instance.text()) : "";
      return key + actual + " is not one of " + list;
    }
  }
  if (startsWith(text, "Expected number greater than or equal to") && schema &&
      schema->get("minimum")) {
    return key + " is " + instance.text() + ", less than the minimum " +
           numberText(*schema->get("minimum"));
  }
  if (startsWith(text, "Expected number less than or equal to") && schema &&
      schema->get("maximum")) {
    return key + " is " + instance.text() + ", more than the maximum " +
           numberText(*schema->get("maximum"));
  }
  if (startsWith(text, "String should be no more than") && schema && schema->get("maxLength")) {
    return key + " is longer than " + numberText(*schema->get("maxLength")) + " characters";
  }
  if (startsWith(text, "String should be no fewer than") && schema && schema->get("minLength")) {
    return key + " is shorter than " + numberText(*schema->get("minLength")) + " characters";
  }
  if (startsWith(text, "Array should contain no more than") && schema && schema->get("maxItems")) {
    return key + " has more than " + numberText(*schema->get("maxItems")) + " items";
  }
  if (startsWith(text, "Array should contain no fewer than") && schema && schema->get("minItems")) {
    return key + " has fewer than " + numberText(*schema->get("minItems")) + " items";
  }
  if (startsWith(text, "Failed to match regex") && schema && schema->get("pattern")) {
    return key + " " + quoted(instance.text()) + " does not match " +
           quoted(schema->get("pattern")->text());
  }
  std::string plain = text;
  while (!plain.empty() && (plain.back() == '.' || plain.back() == ' ')) plain.pop_back();
  return key + ": " + plain;
}

// Descriptions that only say a child failed: the child's own error, deeper in the context, says
// why (and is dropped in turn when the child is an intrinsic function).
bool isWrapper(const std::string& text) {
  return startsWith(text, "Failed to validate item #") ||
         startsWith(text, "Failed to validate against schema associated with property name") ||
         startsWith(text, "Failed to validate against additional properties schema") ||
         startsWith(text, "Failed to validate against child schema") ||
         startsWith(text, "Failed to validate against schema associated with pattern");
}

}  // namespace

std::vector<SchemaError> Schema::validate(const Node& instance, std::string_view name) const {
  std::vector<SchemaError> out;
  if (!impl_) return out;
  valijson::ValidationResults results;
  try {
    valijson::Validator validator(valijson::Validator::kWeakTypes);
    validator.validate(impl_->compiled, NodeAdapter(instance), &results);
  } catch (const std::exception& error) {
    out.push_back(SchemaError{instance.span(),
                              "`" + std::string(name) + "` could not be checked: " + error.what()});
    return out;
  }
  std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
  for (const auto& error : errors) {
    if (isWrapper(error.description)) continue;
    // Walk to the node, dropping errors on or inside an intrinsic function.
    const Node* node = &instance;
    std::string nodeName(name);
    std::vector<std::string> path;
    bool intrinsic = node->isIntrinsic();
    for (size_t i = 1; i < error.context.size() && node && !intrinsic; ++i) {
      std::string step = stepName(error.context[i]);
      path.push_back(step);
      const Node* next = nullptr;
      if (node->isSequence()) {
        size_t index = std::strtoul(step.c_str(), nullptr, 10);
        if (index < node->items().size()) next = &node->items()[index];
        nodeName += "[" + step + "]";
      } else if (const model::MapEntry* entry = node->entry(step)) {
        next = &entry->value;
        nodeName = step;
      }
      node = next;
      intrinsic = node && node->isIntrinsic();
    }
    if (!node || intrinsic) continue;
    const Node* schema = schemaAt(impl_->document.root, path);
    std::string message = describe(error, *node, schema, nodeName);
    core::Span span = node->span();
    const std::string kUnknown =
        "Object contains a property that could not be validated using 'properties' or "
        "'additionalProperties' constraints: '";
    if (startsWith(error.description, kUnknown)) {
      std::string property = error.description.substr(kUnknown.size());
      property = property.substr(0, property.find('\''));
      if (const model::MapEntry* entry = node->entry(property)) span = entry->key.span();
      message = "Unknown key " + quoted(property) + " in " + quoted(nodeName);
    }
    bool duplicate = std::any_of(out.begin(), out.end(), [&](const SchemaError& seen) {
      return seen.span == span && seen.message == message;
    });
    if (!duplicate) out.push_back(SchemaError{span, std::move(message)});
  }
  // Source order, whatever order the schema's keywords were checked in.
  std::stable_sort(out.begin(), out.end(), [](const SchemaError& a, const SchemaError& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.message < b.message;
  });
  return out;
}

}  // namespace samshift::schema
