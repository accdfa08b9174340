#include "lsp/analysis.h"

#include "engine/runner.h"
#include "load/loader.h"

namespace samshift::lsp {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

const model::Template& Analysis::templ() const {
  if (!templ_.value) templ_.value = std::make_unique<const model::Template>(document.root);
  return *templ_.value;
}

const SymbolIndex& Analysis::symbols() const {
  if (!symbols_.value) symbols_.value = std::make_unique<const SymbolIndex>(document, templ());
  return *symbols_.value;
}

const sam::TemplateIndex& Analysis::samIndex() const {
  if (!samIndex_.value) samIndex_.value = std::make_unique<const sam::TemplateIndex>(templ());
  return *samIndex_.value;
}

Analysis analyze(std::string path, std::string text, const engine::RuleSelection& selection) {
  Analysis analysis;
  analysis.document = load::loadText(std::move(path), std::move(text));
  analysis.isTemplate = load::looksLikeTemplate(analysis.document);
  if (analysis.isTemplate)
    analysis.diagnostics = engine::lintDocument(analysis.document, selection).diagnostics;
  return analysis;
}

std::string pathOfUri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return std::string(uri);
  std::string_view rest = uri.substr(kScheme.size());
  // file://host/path: drop an authority other than the empty one or localhost.
  if (!rest.empty() && rest.front() != '/') {
    size_t slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  std::string path;
  path.reserve(rest.size());
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hexValue(rest[i + 1]) >= 0 &&
        hexValue(rest[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hexValue(rest[i + 1]) * 16 + hexValue(rest[i + 2])));
      i += 2;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

}  // namespace samshift::lsp
