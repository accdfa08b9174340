#include "lsp/symbol_index.h"

#include <algorithm>

#include "sam/deployment_model.h"
#include "sam/generated_names.h"
#include "sam/parameter_values.h"

namespace samshift::lsp {

namespace {

constexpr SymbolKind kKinds[] = {SymbolKind::kParameter, SymbolKind::kCondition,
                                 SymbolKind::kMapping, SymbolKind::kResource, SymbolKind::kOutput};

// Inclusive end: a cursor just after the last character of a name is still on it.
bool contains(core::Span span, uint32_t offset) {
  return span.known() && span.begin <= offset && offset <= span.end;
}

size_t countOf(std::string_view text, std::string_view piece, size_t before) {
  size_t count = 0;
  for (size_t at = text.find(piece); at != std::string_view::npos && at < before;
       at = text.find(piece, at + piece.size())) {
    ++count;
  }
  return count;
}

// A string that names a resource by its name property (a hook's function, an alarm), not its
// logical ID.
const model::ResourceView* resourceNamed(const model::Template& templ, const model::Node& name,
                                         std::string_view nameProperty) {
  if (!name.isString()) return nullptr;
  if (const model::ResourceView* byId = templ.resource(name.text())) return byId;
  for (const model::ResourceView& resource : templ.resources()) {
    const model::Node* property = resource.property(nameProperty);
    if (property && property->isString(name.text())) return &resource;
  }
  return nullptr;
}

}  // namespace

std::string_view sectionOf(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::kParameter:
      return "Parameters";
    case SymbolKind::kCondition:
      return "Conditions";
    case SymbolKind::kMapping:
      return "Mappings";
    case SymbolKind::kResource:
      return "Resources";
    case SymbolKind::kOutput:
      return "Outputs";
  }
  return {};
}

core::Span exactSpan(std::string_view source, const model::Node& node, size_t offset,
                     size_t length) {
  core::Span span = node.span();
  const std::string& text = node.text();
  if (!span.known() || span.end > source.size() || offset + length > text.size()) return {};
  std::string_view raw = source.substr(span.begin, span.end - span.begin);
  auto at = [&](size_t from) {
    uint32_t begin = span.begin + static_cast<uint32_t>(from);
    return core::Span{begin, begin + static_cast<uint32_t>(length)};
  };
  if (raw == text) return at(offset);
  bool quoted = raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') &&
                raw.back() == raw.front() && raw.substr(1, raw.size() - 2) == text;
  if (quoted) return at(offset + 1);
  // Folded, escaped or block text: the piece is found when the source holds it as often as the
  // value does, and taken by its rank among them.
  std::string_view piece = std::string_view(text).substr(offset, length);
  if (piece.empty() || countOf(raw, piece, raw.size()) != countOf(text, piece, text.size()))
    return {};
  size_t rank = countOf(text, piece, offset);
  size_t found = raw.find(piece);
  for (size_t i = 0; i < rank && found != std::string_view::npos; ++i)
    found = raw.find(piece, found + piece.size());
  return found == std::string_view::npos ? core::Span{} : at(found);
}

SymbolIndex::SymbolIndex(const model::Document& document, const model::Template& templ) {
  if (!document.parsed || !document.root.isMapping()) return;
  addDefinitions(templ);
  addUses(document, templ);
  addDeploymentNames(document, templ);
  std::stable_sort(uses_.begin(), uses_.end(), [](const Use& a, const Use& b) {
    return (a.span.known() ? a.span.begin : a.site.begin) <
           (b.span.known() ? b.span.begin : b.site.begin);
  });
}

void SymbolIndex::addDefinitions(const model::Template& templ) {
  for (SymbolKind kind : kKinds) {
    const model::Node* section = templ.root().get(sectionOf(kind));
    if (!section) continue;
    for (const model::MapEntry& entry : section->entries()) {
      if (!entry.key.isString()) continue;
      definitions_.push_back(Definition{kind, entry.key.text(), &entry.key, &entry.value});
    }
  }
  // The first of a duplicated name wins, as a linear search would find it.
  for (const Definition& definition : definitions_)
    byName_.emplace(std::make_pair(definition.kind, definition.name), &definition);
}

void SymbolIndex::addUses(const model::Document& document, const model::Template& templ) {
  std::string_view source = document.source.text();
  sam::GeneratedNames generated(templ);
  for (const model::ReferenceSite& site : model::collectReferences(templ.root())) {
    std::string_view target = site.target();
    Use use;
    use.site = site.at->span();
    size_t length = target.size();
    if (site.form == model::ReferenceForm::kCondition) {
      if (!find(SymbolKind::kCondition, target)) continue;
      use.kind = SymbolKind::kCondition;
    } else if (site.form == model::ReferenceForm::kFindInMap) {
      if (!find(SymbolKind::kMapping, target)) continue;
      use.kind = SymbolKind::kMapping;
    } else if (const Definition* definition = findLogicalId(target)) {
      use.kind = definition->kind;
    } else {
      // A name SAM generates from a resource (`Fn.Alias`, `FnRole`), or `Resource.Property` of
      // a resource SAM does not own.
      std::string_view owner = generated.owner(target);
      if (owner.empty()) owner = target.substr(0, target.find('.'));
      if (owner.size() == target.size() || !find(SymbolKind::kResource, owner)) continue;
      use.kind = SymbolKind::kResource;
      use.generated = true;
      length = owner.size();
    }
    use.name = std::string(target.substr(0, length));
    use.span = exactSpan(source, *site.at, site.offset, length);
    use.written = exactSpan(source, *site.at, site.offset, target.size());
    uses_.push_back(std::move(use));
  }
}

void SymbolIndex::addDeploymentNames(const model::Document& document,
                                     const model::Template& templ) {
  sam::ParameterValues params(templ, {}, "us-east-1");
  std::vector<const model::Node*> seen;  // a Globals preference is every function's
  auto add = [&](const model::Node* name, std::string_view nameProperty) {
    if (!name || std::find(seen.begin(), seen.end(), name) != seen.end()) return;
    seen.push_back(name);
    const model::ResourceView* target = resourceNamed(templ, *name, nameProperty);
    if (!target) return;
    Use use;
    use.name = std::string(target->id);
    use.site = name->span();
    use.span = name->text() == target->id
                   ? exactSpan(document.source.text(), *name, 0, name->text().size())
                   : core::Span{};
    use.written = use.span;
    use.byLogicalId = false;
    uses_.push_back(std::move(use));
  };
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Function" &&
        resource.type != "AWS::Serverless::StateMachine")
      continue;
    std::optional<sam::DeploymentModel> model = sam::readDeploymentModel(templ, resource, params);
    if (!model || !model->deploymentPreference) continue;
    const sam::DeploymentPreferenceModel& preference = *model->deploymentPreference;
    add(preference.preTraffic.node, "FunctionName");
    add(preference.postTraffic.node, "FunctionName");
    // A state machine's model keeps its preference whole (no Globals, no hooks).
    const model::Node* alarms = preference.alarms.node;
    if (!alarms && model->stateMachine && preference.node) alarms = preference.node->get("Alarms");
    if (alarms) {
      for (const model::Node& alarm : alarms->items()) add(&alarm, "AlarmName");
    }
  }
}

const Definition* SymbolIndex::find(SymbolKind kind, std::string_view name) const {
  auto found = byName_.find(std::make_pair(kind, name));
  return found == byName_.end() ? nullptr : found->second;
}

const Definition* SymbolIndex::findLogicalId(std::string_view name) const {
  const Definition* found = find(SymbolKind::kResource, name);
  return found ? found : find(SymbolKind::kParameter, name);
}

const Definition* SymbolIndex::definitionAt(uint32_t offset) const {
  for (const Definition& definition : definitions_) {
    if (contains(definition.key->span(), offset)) return &definition;
  }
  return nullptr;
}

const Use* SymbolIndex::useAt(uint32_t offset) const {
  for (const Use& use : uses_) {
    if (contains(use.written, offset)) return &use;
  }
  // A name not written verbatim: anywhere on its string.
  for (const Use& use : uses_) {
    if (!use.span.known() && contains(use.site, offset)) return &use;
  }
  return nullptr;
}

const Definition* SymbolIndex::symbolAt(uint32_t offset) const {
  if (const Definition* definition = definitionAt(offset)) return definition;
  const Use* use = useAt(offset);
  return use ? find(use->kind, use->name) : nullptr;
}

std::vector<const Use*> SymbolIndex::usesOf(const Definition& definition) const {
  std::vector<const Use*> out;
  for (const Use& use : uses_) {
    if (use.kind == definition.kind && use.name == definition.name) out.push_back(&use);
  }
  return out;
}

}  // namespace samshift::lsp
