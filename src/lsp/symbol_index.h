#pragma once
// The names a template defines (parameters, conditions, mappings, resources, outputs) and every
// place that names one, with the exact bytes of each name: what definition, references, rename,
// document symbols and the Ref/GetAtt hover read. Built from one walk of the tree
// (model::collectReferences) per analysis and shared by all of them.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"
#include "model/document.h"
#include "model/references.h"
#include "model/template.h"

namespace samshift::lsp {

enum class SymbolKind { kParameter, kCondition, kMapping, kResource, kOutput };

// "Parameters", "Conditions", … : the section that defines a kind.
std::string_view sectionOf(SymbolKind kind);

struct Definition {
  SymbolKind kind = SymbolKind::kResource;
  std::string_view name;
  const model::Node* key = nullptr;    // the logical ID as written
  const model::Node* value = nullptr;  // what it defines
};

struct Use {
  SymbolKind kind = SymbolKind::kResource;
  std::string name;  // the name defined (`Fn` for `Fn.Alias`, `!GetAtt Fn.Arn` or `FnRole`)
  // The bytes of that name where it is written; unknown when the text does not hold it verbatim
  // (a YAML escape inside it): such a use is found but cannot be edited.
  core::Span span;
  core::Span written;  // the whole name as written (`Fn.Alias`, `FnRole`), when verbatim
  core::Span site;     // the whole string it is written in
  // A name SAM generates from the resource (`Fn.Alias`, `FnAliaslive`), not the resource itself.
  bool generated = false;
  // False for a hook or alarm named by the function's or alarm's name rather than its logical
  // ID: navigation finds it, rename leaves it.
  bool byLogicalId = true;
};

class SymbolIndex {
 public:
  SymbolIndex(const model::Document& document, const model::Template& templ);

  const std::vector<Definition>& definitions() const { return definitions_; }
  const std::vector<Use>& uses() const { return uses_; }

  const Definition* find(SymbolKind kind, std::string_view name) const;
  // Parameters and resources share one namespace: the one named `name`, else null.
  const Definition* findLogicalId(std::string_view name) const;
  // What the cursor is on: a definition's key, else a use (and the definition it names).
  const Definition* definitionAt(uint32_t offset) const;
  const Use* useAt(uint32_t offset) const;
  // The definition the symbol under the cursor is (on its key) or names (on a use).
  const Definition* symbolAt(uint32_t offset) const;
  std::vector<const Use*> usesOf(const Definition& definition) const;

 private:
  void addDefinitions(const model::Template& templ);
  void addUses(const model::Document& document, const model::Template& templ);
  void addDeploymentNames(const model::Document& document, const model::Template& templ);

  std::vector<Definition> definitions_;
  // By kind, then name: what find() looks up for each of the template's references.
  std::map<std::pair<SymbolKind, std::string_view>, const Definition*> byName_;
  std::vector<Use> uses_;
};

// Where `length` bytes of `node`'s text from `offset` are in `source`, when written verbatim.
core::Span exactSpan(std::string_view source, const model::Node& node, size_t offset,
                     size_t length);

}  // namespace samshift::lsp
