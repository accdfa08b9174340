#include "lsp/navigation.h"

#include <algorithm>

#include "model/intrinsics.h"
#include "sam/generated_names.h"

namespace samshift::lsp {

namespace {

core::Error refusal(std::string message) {
  return core::Error{core::ErrorKind::kInput, std::move(message)};
}

std::string quoted(std::string_view name) { return "`" + std::string(name) + "`"; }

bool isAlphanumeric(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

const SymbolIndex* indexOf(const Analysis& analysis) {
  return analysis.isTemplate && analysis.document.parsed ? &analysis.symbols() : nullptr;
}

core::Span keySpan(const Analysis& analysis, const Definition& definition) {
  return exactSpan(analysis.document.source.text(), *definition.key, 0, definition.name.size());
}

// The name a pseudo parameter `Ref` under the cursor names, or empty.
std::string pseudoParameterAt(const Analysis& analysis, uint32_t offset) {
  for (const model::ReferenceSite& site : model::collectReferences(analysis.document.root)) {
    if (!site.namesLogicalId() || !model::isPseudoParameter(site.target())) continue;
    core::Span span =
        exactSpan(analysis.document.source.text(), *site.at, site.offset, site.targetLength);
    if (!span.known()) span = site.at->span();
    if (span.known() && span.begin <= offset && offset <= span.end)
      return std::string(site.target());  // the sites are temporaries: a copy
  }
  return {};
}

}  // namespace

std::optional<core::Span> definitionAt(const Analysis& analysis, uint32_t offset) {
  const SymbolIndex* index = indexOf(analysis);
  const Definition* definition = index ? index->symbolAt(offset) : nullptr;
  if (!definition) return std::nullopt;
  return definition->key->span();
}

std::vector<core::Span> referencesAt(const Analysis& analysis, uint32_t offset,
                                     bool includeDeclaration) {
  std::vector<core::Span> out;
  const SymbolIndex* index = indexOf(analysis);
  const Definition* definition = index ? index->symbolAt(offset) : nullptr;
  if (!definition) return out;
  if (includeDeclaration) out.push_back(keySpan(analysis, *definition));
  for (const Use* use : index->usesOf(*definition))
    out.push_back(use->span.known() ? use->span : use->site);
  return out;
}

core::Result<RenameTarget> prepareRename(const Analysis& analysis, uint32_t offset) {
  const SymbolIndex* index = indexOf(analysis);
  if (!index) return refusal("Only a template that parses can be renamed in");
  if (const Definition* definition = index->definitionAt(offset))
    return RenameTarget{keySpan(analysis, *definition), std::string(definition->name)};
  if (const Use* use = index->useAt(offset)) {
    if (!use->byLogicalId) {
      return refusal(quoted(use->name) +
                     " is named here by its name, not its logical ID: rename it at its definition");
    }
    if (!use->span.known()) {
      return refusal(quoted(use->name) +
                     " is written with an escape sequence here: samshift cannot edit it");
    }
    return RenameTarget{use->span, use->name};
  }
  if (std::string pseudo = pseudoParameterAt(analysis, offset); !pseudo.empty())
    return refusal(quoted(pseudo) + " is a pseudo parameter: it cannot be renamed");
  return refusal("Only a parameter, condition, mapping, resource or output can be renamed");
}

core::Result<std::vector<TextEdit>> renameAt(const Analysis& analysis, uint32_t offset,
                                             std::string_view newName) {
  core::Result<RenameTarget> target = prepareRename(analysis, offset);
  if (!target) return target.error();
  const SymbolIndex& index = analysis.symbols();
  const Definition* definition = index.symbolAt(offset);
  if (!definition) return refusal("Nothing to rename here");
  if (model::isPseudoParameter(newName))
    return refusal(quoted(newName) + " is a pseudo parameter: pick another name");
  if (!isAlphanumeric(newName)) {
    return refusal(quoted(newName) +
                   " is not a valid name: CloudFormation takes letters and digits only");
  }
  std::vector<TextEdit> edits;
  if (newName == definition->name) return edits;
  bool logicalId =
      definition->kind == SymbolKind::kParameter || definition->kind == SymbolKind::kResource;
  const Definition* taken =
      logicalId ? index.findLogicalId(newName) : index.find(definition->kind, newName);
  if (taken) {
    return refusal(quoted(newName) + " is already defined in `" +
                   std::string(sectionOf(taken->kind)) + "`");
  }
  if (logicalId && sam::GeneratedNames(analysis.templ()).generatesExactly(newName))
    return refusal(quoted(newName) + " is a logical ID the SAM transform generates");

  std::string replacement(newName);
  edits.push_back(TextEdit{keySpan(analysis, *definition), replacement});
  for (const Use* use : index.usesOf(*definition)) {
    if (!use->byLogicalId) continue;  // a hook or alarm named by its name, not renamed
    if (!use->span.known()) {
      core::Position at = analysis.document.source.position(use->site.begin);
      return refusal(quoted(definition->name) + " is written with an escape sequence at line " +
                     std::to_string(at.line) + ": samshift cannot edit it");
    }
    edits.push_back(TextEdit{use->span, replacement});
  }
  if (!edits.front().span.known())
    return refusal(quoted(definition->name) + " is written with an escape sequence in its key");
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.span.begin < b.span.begin; });
  edits.erase(std::unique(edits.begin(), edits.end(),
                          [](const TextEdit& a, const TextEdit& b) { return a.span == b.span; }),
              edits.end());
  return edits;
}

}  // namespace samshift::lsp
