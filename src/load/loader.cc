#include "load/loader.h"

#include <fstream>
#include <iterator>
#include <cerrno>
#include <cstring>

#include "load/json_loader.h"
#include "load/text_checks.h"
#include "load/yaml_loader.h"

namespace samshift::load {

namespace {

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool looksLikeJson(std::string_view text) {
  text.remove_prefix(byteOrderMarkLength(text));
  size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

model::Document loadText(std::string path, std::string text, const LoadLimits& limits) {
  model::Document doc;
  bool jsonByName = endsWith(path, ".json");
  doc.source = core::SourceFile(std::move(path), std::move(text));
  if (jsonByName) {
    loadJson(doc, limits);
    return doc;
  }
  if (looksLikeJson(doc.source.text())) {
    // A YAML flow mapping also starts with `{`: JSON first, YAML when JSON does not fit.
    loadJson(doc, limits);
    if (doc.parsed) return doc;
    doc.problems.clear();
  }
  loadYaml(doc, limits);
  return doc;
}

bool looksLikeTemplate(const model::Document& document) {
  if (document.parsed) {
    const model::Node& root = document.root;
    return root.isMapping() && (root.has("Resources") || root.has("AWSTemplateFormatVersion") || root.has("Transform"));
  }
  const std::string& text = document.source.text();
  return text.find("Resources") != std::string::npos || text.find("AWSTemplateFormatVersion") != std::string::npos;
}

core::Result<model::Document> loadFile(const std::string& path, const LoadLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::ioError("cannot read " + path + ": " + std::strerror(errno));
  // Read at most one byte past the limit: enough to tell the file is too large.
  std::string bytes;
  char buffer[1 << 16];
  while (bytes.size() <= limits.maxBytes && in.read(buffer, sizeof buffer).gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return core::ioError("cannot read " + path);
  return loadText(path, std::move(bytes), limits);
}

}  // namespace samshift::load
