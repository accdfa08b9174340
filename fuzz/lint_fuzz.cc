// libFuzzer target: any bytes loaded and linted by every rule. A rule failure (X001) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/runner.h"
#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc =
      samshift::load::loadText("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  auto result = samshift::engine::lintDocument(doc, {});
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.code == "X001") std::abort();
  }
  return 0;
}
