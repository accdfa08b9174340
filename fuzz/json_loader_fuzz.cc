// libFuzzer target: any bytes through the JSON loader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/json_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  samshift::model::Document doc;
  doc.source = samshift::core::SourceFile("fuzz.json",
                                          std::string(reinterpret_cast<const char*>(data), size));
  samshift::load::loadJson(doc, {});
  return 0;
}
