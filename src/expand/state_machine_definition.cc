// A state machine's definition: an inline Definition as SAM writes it into DefinitionString, or
// DefinitionUri as DefinitionS3Location (generators.py, StateMachineGenerator.to_cloudformation).

#include <algorithm>
#include <string_view>
#include <vector>

#include "expand/builders.h"
#include "expand/python_json.h"
#include "expand/state_machine_parts.h"
#include "sam/deployment_model.h"
#include "sam/s3_uri.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// SAM writes an inline definition as indented JSON joined by newlines.
Node definitionString(const Node& definition) {
  std::string text = pythonJsonIndented(definition, 4);
  Node lines = Node::sequence();
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    lines.push(str(text.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return intrinsic("Fn::Join", seq({str("\n"), lines}));
}

// `{{resolve:service:key}}`, as SAM's is_dynamic_reference matches it (Python's `$` also
// allows one final line break; `.` matches no line break).
bool isDynamicReference(const Node& value) {
  if (!value.isString()) return false;
  std::string_view text = value.text();
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  constexpr std::string_view kOpen = "{{resolve:";
  if (text.size() < kOpen.size() + 2 || text.substr(0, kOpen.size()) != kOpen) return false;
  if (text.substr(text.size() - 2) != "}}") return false;
  std::string_view body = text.substr(kOpen.size(), text.size() - kOpen.size() - 2);
  if (body.find('\n') != std::string_view::npos) return false;
  size_t service = 0;
  while (service < body.size() &&
         ((body[service] >= 'a' && body[service] <= 'z') || body[service] == '-')) {
    ++service;
  }
  return service > 0 && service + 1 < body.size() && body[service] == ':';
}

// SAM moves every intrinsic function and dynamic reference of an inline Definition into
// DefinitionSubstitutions, leaving `${definition_substitution_N}` in its place. N counts in the
// order of SAM's walk: a mapping's keys sorted, a list's items in order (generators.py,
// _get_paths_to_intrinsics). False when a mapping has a key that is not a string, whose order
// Python would decide by another rule (or refuse to sort).
bool moveDynamicValues(Node& node, Node& substitutions) {
  auto visit = [&](Node& value) {
    if (value.isIntrinsic() || isDynamicReference(value)) {
      std::string index = std::to_string(substitutions.size() + 1);
      substitutions.set("definition_substitution_" + index, std::move(value));
      value = str("${definition_substitution_" + index + "}");
      return true;
    }
    return !(value.isMapping() || value.isSequence()) || moveDynamicValues(value, substitutions);
  };
  if (node.isSequence()) {
    for (Node& item : node.items()) {
      if (!visit(item)) return false;
    }
    return true;
  }
  if (!node.isMapping()) return true;
  std::vector<model::MapEntry*> sorted;
  for (model::MapEntry& entry : node.entries()) {
    if (!entry.key.isString()) return false;
    sorted.push_back(&entry);
  }
  std::sort(sorted.begin(), sorted.end(), [](const model::MapEntry* a, const model::MapEntry* b) {
    return a->key.text() < b->key.text();
  });
  for (model::MapEntry* entry : sorted) {
    if (!visit(entry->value)) return false;
  }
  return true;
}

// StateMachineGenerator._construct_definition_uri; sam::validateSamResource has rejected the
// values SAM rejects.
std::optional<Node> definitionS3Location(ExpandContext& ctx, const std::string& id,
                                         const Node& uri) {
  if (uri.isMapping()) {
    const Node* bucket = uri.get("Bucket");
    const Node* key = uri.get("Key");
    if (!bucket || !key) {
      ctx.notSupported("DefinitionUri without Bucket and Key in state machine " + id);
      return std::nullopt;
    }
    Node location = map({{"Bucket", *bucket}, {"Key", *key}});
    if (const Node* version = uri.get("Version")) location.set("Version", *version);
    return location;
  }
  sam::S3UriReading reading = sam::readS3Uri(uri.isString() ? uri.text() : std::string());
  if (reading.kind != sam::S3UriReading::Kind::kLocation) {
    ctx.notSupported("DefinitionUri " + uri.text() + " of state machine " + id +
                     " (characters whose reading by Python's urllib samshift does not model)");
    return std::nullopt;
  }
  Node location =
      map({{"Bucket", str(reading.location.bucket)}, {"Key", str(reading.location.key)}});
  if (reading.location.version) location.set("Version", str(*reading.location.version));
  return location;
}

}  // namespace

Node setDefinition(ExpandContext& ctx, const std::string& id, const Node& props, Node& out) {
  const Node* given = props.get("DefinitionSubstitutions");
  // SAM sets the user's mapping when it is Python-true, then dict.update()s it with the values
  // it moves out of an inline Definition.
  Node substitutions = given && sam::pythonTruthy(*given) ? *given : Node::null();
  const Node* definition = props.get("Definition");
  if (definition && sam::pythonTruthy(*definition)) {
    Node processed = *definition;
    Node moved = Node::mapping();
    if (!moveDynamicValues(processed, moved)) {
      ctx.notSupported("a Definition key that is not a string in state machine " + id);
      return substitutions;
    }
    out.set("DefinitionString", definitionString(processed));
    if (moved.size() > 0 && substitutions.isNull()) return moved;
    for (const MapEntry& entry : moved.entries()) substitutions.set(entry.key.text(), entry.value);
    return substitutions;
  }
  if (const Node* uri = props.get("DefinitionUri")) {
    if (auto location = definitionS3Location(ctx, id, *uri))
      out.set("DefinitionS3Location", std::move(*location));
  }
  return substitutions;
}

}  // namespace samshift::expand
