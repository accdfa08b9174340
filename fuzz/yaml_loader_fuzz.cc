// libFuzzer target: any bytes through the YAML loader (both event sources).
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/yaml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (auto parser : {samshift::load::YamlParser::kLibyaml, samshift::load::YamlParser::kYamlCpp}) {
    samshift::model::Document doc;
    doc.source = samshift::core::SourceFile("fuzz.yaml", text);
    samshift::load::loadYaml(doc, {}, parser);
  }
  return 0;
}
