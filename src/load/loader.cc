#include "load/loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

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

// A file over the size limit keeps only its start: enough to show where it begins, without
// holding on to what was refused (lint keeps every source until its report is written).
constexpr size_t kKeptOfTooLarge = 4096;

model::Document loadText(std::string path, std::string text, const LoadLimits& limits) {
  model::Document doc;
  if (text.size() > limits.maxBytes) {
    text.resize(std::min(text.size(), kKeptOfTooLarge));
    text.shrink_to_fit();
    doc.source = core::SourceFile(std::move(path), std::move(text));
    doc.problems.push_back(tooLargeProblem(limits));
    return doc;
  }
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
    return root.isMapping() &&
           (root.has("Resources") || root.has("AWSTemplateFormatVersion") || root.has("Transform"));
  }
  const std::string& text = document.source.text();
  return text.find("Resources") != std::string::npos ||
         text.find("AWSTemplateFormatVersion") != std::string::npos;
}

core::Result<std::string> readLimited(std::istream& in, const std::string& name, size_t maxBytes,
                                      size_t expectedBytes) {
  std::string bytes;
  bytes.reserve(std::min(expectedBytes, maxBytes + 1));
  char buffer[1 << 16];
  while (bytes.size() <= maxBytes) {
    size_t want = std::min(sizeof buffer, maxBytes + 1 - bytes.size());
    size_t got = static_cast<size_t>(in.read(buffer, static_cast<std::streamsize>(want)).gcount());
    if (got == 0) break;
    if (bytes.size() + got > bytes.capacity()) {
      // Doubling, but straight to the limit's size when a double would reach it: a growth
      // copies what was read, and the one past 64 MiB would hold 128 MiB for a moment.
      size_t doubled = std::max(2 * bytes.capacity(), bytes.size() + got);
      bytes.reserve(doubled >= maxBytes ? maxBytes + 1 : doubled);
    }
    bytes.append(buffer, got);
  }
  if (in.bad()) return core::ioError("cannot read " + name);
  return bytes;
}

core::Result<model::Document> loadFile(const std::string& path, const LoadLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::ioError("cannot read " + path + ": " + std::strerror(errno));
  std::error_code unknown;
  uintmax_t size = std::filesystem::file_size(path, unknown);  // a hint: the file may change
  auto bytes = readLimited(in, path, limits.maxBytes, unknown ? 0 : static_cast<size_t>(size));
  if (!bytes) return bytes.error();
  return loadText(path, std::move(bytes).value(), limits);
}

}  // namespace samshift::load
