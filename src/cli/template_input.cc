#include "cli/template_input.h"

#include <iostream>

#include "load/loader.h"

namespace samshift::cli {

core::Result<std::string> readStandardInput() {
  return load::readLimited(std::cin, "standard input", load::LoadLimits{}.maxBytes);
}

core::Result<model::Document> readTemplate(const std::string& path) {
  if (path != "-") return load::loadFile(path);
  auto text = readStandardInput();
  if (!text) return text.error();
  return load::loadText(kStandardInputName, std::move(text).value());
}

}  // namespace samshift::cli
